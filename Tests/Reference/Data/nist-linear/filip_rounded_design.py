"""Why Filip is tested at 7 significant digits, not 9.

The certified values solve the problem with exact powers x**k. A double-precision
program holds each x**k rounded to double; with the equilibrated design's condition
number of 5.2e9 that rounding alone moves the exact least-squares solution by about
2e-8 relative. This script solves the rounded-design problem exactly (mpmath, 60
digits) and prints its agreement with the certified values: 7.6 to 7.7 digits.
Inflow's LeastSquares with refinement reproduces that solution to within 1e-9.
Run: python3 filip_rounded_design.py
"""
import json

import mpmath as mp

mp.mp.dps = 60
d = json.load(open(__import__("pathlib").Path(__file__).resolve().parent / "Filip.json"))
xs = [row[0] for row in d["x"]]
design = mp.matrix([[mp.mpf(float(x ** k)) for k in range(11)] for x in xs])
response = mp.matrix([mp.mpf(v) for v in d["y"]])
solution = mp.lu_solve(design.T * design, design.T * response)
certified = d["certified"]["coefficients"]
for k in range(11):
    digits = -mp.log10(abs((solution[k] - certified[k]) / certified[k]))
    print(f"b{k}: exact solution of the rounded design {mp.nstr(solution[k], 17)}, agrees with certified to {float(digits):.2f} digits")
