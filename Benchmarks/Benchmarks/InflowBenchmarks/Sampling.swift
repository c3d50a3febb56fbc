import Benchmark
import InflowStatistics

/// Draw throughput of the count distributions in InflowStatistics with `Xoshiro256StarStar`.
///
/// Each measured iteration makes 1,000 draws (scaling factor .kilo), so the time is per draw
/// and the throughput is draws per second. The means cover both Poisson samplers: inversion
/// (mean < 10, O(1 + mean) per draw) and PTRS transformed rejection (mean >= 10, O(1)).
/// The negative binomial draws a Gamma(θ) rate and then a Poisson count (a new PTRS set-up
/// per draw). The bare generator gives the floor: one 64-bit output costs about a nanosecond.
func registerSamplingBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        scalingFactor: .kilo
    )

    Benchmark("sampling-Xoshiro256StarStar-next", configuration: configuration) { benchmark in
        var generator = Xoshiro256StarStar(seed: 20_240_601)
        var total: UInt64 = 0
        for _ in benchmark.scaledIterations { total &+= generator.next() }
        blackHole(total)
    }

    for mean in [0.5, 5, 50, 5_000] {
        let poisson = try! Poisson(mean: mean)
        Benchmark("sampling-Poisson-mean=\(mean)", configuration: configuration) { benchmark in
            var generator = Xoshiro256StarStar(seed: 20_240_601)
            var total = 0
            for _ in benchmark.scaledIterations { total &+= poisson.sample(using: &generator) }
            blackHole(total)
        }
    }

    // A mean that changes at every draw, as in a Poisson-gamma mixture or a simulation from a
    // fitted model: the sampler set-up (square root, logs for PTRS) is paid per draw.
    Benchmark("sampling-Poisson-varying-mean=10...100", configuration: configuration) { benchmark in
        var generator = Xoshiro256StarStar(seed: 20_240_601)
        var total = 0
        for iteration in benchmark.scaledIterations {
            let mean = 10 + Double(iteration % 91)
            total &+= Poisson.sample(mean: mean, using: &generator)
        }
        blackHole(total)
    }

    for (mean, dispersion) in [(5.0, 1.0), (50.0, 5.0), (500.0, 50.0)] {
        let negativeBinomial = try! NegativeBinomial(mean: mean, dispersion: dispersion)
        Benchmark(
            "sampling-NegativeBinomial-mean=\(mean)-dispersion=\(dispersion)",
            configuration: configuration
        ) { benchmark in
            var generator = Xoshiro256StarStar(seed: 20_240_601)
            var total = 0
            for _ in benchmark.scaledIterations { total &+= negativeBinomial.sample(using: &generator) }
            blackHole(total)
        }
    }
}
