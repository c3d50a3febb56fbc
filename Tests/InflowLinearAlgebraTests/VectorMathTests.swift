import Foundation
import Testing
import InflowLinearAlgebra

@Suite("Vectorised exp against libm")
struct VectorMathTests {
    /// Units in the last place between `computed` and libm's `expected` (libm's exp is within 1 ulp
    /// of the exact value, so the bar ``VectorMath/expUlps`` leaves room for both).
    static func ulps(_ computed: Double, _ expected: Double) -> Double {
        if computed == expected { return 0 }
        return abs(computed - expected) / expected.ulp
    }

    @Test func agreesWithLibmOverTheWholeRange() {
        // 400,001 points from the first underflow to the last finite result, plus the points near
        // the reduction's seams (odd multiples of ln(2)/2, where n changes).
        var inputs = (0...400_000).map { -745.13 + (709.78 + 745.13) * Double($0) / 400_000 }
        for k in -1_070...1_022 {
            let seam = (Double(k) + 0.5) * M_LN2
            inputs += [seam.nextDown, seam, seam.nextUp]
        }
        let outputs = VectorMath.exp(inputs)
        var worst = 0.0, worstInput = 0.0
        for (x, y) in zip(inputs, outputs) {
            let expected = Foundation.exp(x)
            guard expected.isNormal else {
                // Subnormal results: absolute error of at most one subnormal step.
                #expect(abs(y - expected) <= Double.leastNonzeroMagnitude, "exp(\(x)) = \(y), libm \(expected)")
                continue
            }
            let error = Self.ulps(y, expected)
            if error > worst { (worst, worstInput) = (error, x) }
        }
        #expect(worst <= VectorMath.expUlps, "worst \(worst) ulp at x = \(worstInput)")
    }

    @Test func specialValues() {
        let inputs: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 709.79, -745.14, 1e-300, -1e-300]
        let outputs = VectorMath.exp(inputs)
        #expect(outputs[0].isNaN)
        #expect(outputs[1] == .infinity)
        #expect(outputs[2] == 0)
        #expect(outputs[3] == 1 && outputs[4] == 1)
        #expect(outputs[5] == .infinity)
        #expect(outputs[6] == 0)
        #expect(outputs[7] == 1 && outputs[8] == 1)
    }

    /// Every element is computed independently: the same value gives the same bits wherever it sits
    /// (vector body or scalar tail), so results do not depend on how an array is split up.
    @Test func positionIndependent() {
        let values = (0..<37).map { Double($0) * 0.731 - 11 }
        let whole = VectorMath.exp(values)
        for start in 0..<values.count {
            #expect(VectorMath.exp(Array(values[start...]))[0] == whole[start])
        }
    }
}
