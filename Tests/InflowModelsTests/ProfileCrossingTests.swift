import Foundation
import Testing
@testable import InflowModels

/// The profile interval's root finder (Brent's method) against closed-form roots: it ends within the tolerance of
/// the root, in fewer evaluations than the bisection it replaced, and stops where an evaluation fails.
@Suite("Profile interval: where the deficit crosses its threshold")
struct ProfileCrossingTests {
    /// The bisection the Illinois method replaced: evaluations to reach `tolerance` from a bracket of `width`.
    static func bisectionSteps(width: Double, tolerance: Double) -> Int {
        var steps = 0, w = abs(width)
        while w > tolerance { w /= 2; steps += 1 }
        return steps
    }

    @Test(arguments: [
        // (g, root, inside, outside): increasing and decreasing crossings, steep and flat sides.
        (0, 2.0.squareRoot(), 0.0, 3.0), (1, cbrt(2.0), 0.0, 2.0), (2, 1.0, 0.0, 3.0), (3, -1.5, 0.0, -4.0),
    ])
    func endsWithinTheToleranceOfTheRootFasterThanBisection(_ index: Int, root: Double, inside: Double, outside: Double) {
        let functions: [(Double) -> Double] = [
            { $0 * $0 - 2 },                   // convex
            { $0 * $0 * $0 - 2 },              // regula falsi alone keeps one end for long here
            { exp(20 * ($0 - 1)) - 1 },        // flat, then steep: interpolation stalls, bisection must take over
            { ($0 + 1.5) * -3 + 0.1 * sin($0 + 1.5) },   // the crossing to the left of the start
        ]
        let g = functions[index]
        var calls = 0
        let tolerance = 1e-6 * max(abs(inside), 1)
        let found = CurveFit.crossing(inside: (inside, g(inside)), outside: (outside, g(outside)), tolerance: tolerance) { x in
            calls += 1
            return g(x)
        }
        #expect(abs(found - root) <= tolerance, "\(found) vs \(root)")
        #expect(calls < Self.bisectionSteps(width: outside - inside, tolerance: tolerance), "\(calls) evaluations")
    }

    @Test func aFailedEvaluationStopsAtTheBracketItHas() {
        var calls = 0
        let found = CurveFit.crossing(inside: (0, -1), outside: (4, 15), tolerance: 1e-9) { x in
            calls += 1
            return calls <= 2 ? x * x - 1 : nil
        }
        // Two evaluations narrow the bracket around the root 1; the third fails and the midpoint of that bracket,
        // not a point outside it, comes back.
        #expect(calls == 3)
        #expect(found > 0 && found < 4 && abs(found - 1) < 1)
    }
}
