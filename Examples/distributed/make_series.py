#!/usr/bin/env python3
"""Writes N synthetic keyed series of daily arrivals (CSV: site,date,arrivals), grouped by key.

Each series is a logistic surge with Poisson noise: size K (log-uniform 200..5,000), rate r (0.25..0.6), midpoint
t0 (6..14 days), over DAYS days from 2026-01-16. Deterministic from the seed (Python's random.Random), so the
test and the benchmark read the same figures on every machine.

usage: make_series.py N DAYS SEED > series.csv
"""
import math
import random
import sys
from datetime import date, timedelta


def poisson(rng, mean):
    """Knuth's method for small means, a rounded normal approximation above 500 (enough for test data)."""
    if mean > 500:
        return max(0, int(round(rng.gauss(mean, math.sqrt(mean)))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    count, days, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    start = date(2026, 1, 16)
    out = sys.stdout
    out.write("site,date,arrivals\n")
    for index in range(count):
        size = math.exp(rng.uniform(math.log(200), math.log(5000)))
        rate = rng.uniform(0.25, 0.6)
        midpoint = rng.uniform(6, 14)
        def cumulative(t):
            return size / (1 + math.exp(-rate * (t - midpoint)))
        for day in range(days):
            mean = cumulative(day + 1) - cumulative(day)
            out.write(f"site-{index:06d},{(start + timedelta(days=day)).isoformat()},{poisson(rng, mean)}\n")


if __name__ == "__main__":
    main()
