import CInflowKernels
import Foundation
import Testing
import InflowStatistics

/// The branch-free log, log-gamma, digamma and trigamma of the vector kernels (`CInflowKernels`), which
/// the count likelihoods use, against libm and against ``SpecialFunctions`` (itself tested against
/// mpmath references in `SpecialFunctionTests`).
@Suite("Vector special functions against libm and SpecialFunctions")
struct VectorSpecialFunctionTests {
    /// Arguments from 1e-12 to 1e8, log-spaced, plus every integer and half-integer up to 40 (counts plus
    /// a dispersion), where the recurrences switch from shifted to unshifted at 10.
    static let arguments: [Double] = {
        var values = (0...20_000).map { pow(10, -12 + 20 * Double($0) / 20_000) }
        values += (1...80).map { Double($0) / 2 }
        values += [9.999999999999998, 10, 10.000000000000002]
        return values
    }()

    static func apply(_ kernel: (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void,
                      _ inputs: [Double]) -> [Double] {
        var outputs = [Double](repeating: .nan, count: inputs.count)
        inputs.withUnsafeBufferPointer { x in
            outputs.withUnsafeMutableBufferPointer { y in kernel(x.baseAddress, y.baseAddress, x.count) }
        }
        return outputs
    }

    @Test func logIsWithinOneUlpOfLibm() {
        var inputs = Self.arguments
        inputs += (0..<2_000).map { Double.leastNonzeroMagnitude * Double(1 + $0 * 977) }   // subnormals
        inputs += [.greatestFiniteMagnitude, 1, 2, 0.5]
        let outputs = Self.apply(inflow_log, inputs)
        for (x, y) in zip(inputs, outputs) {
            let expected = Foundation.log(x)
            #expect(abs(y - expected) <= Tolerance.vectorLogUlps * expected.ulp, "log(\(x)) = \(y), libm \(expected)")
        }
        let special = Self.apply(inflow_log, [0, -1, .infinity, .nan])
        #expect(special[0] == -.infinity)
        #expect(special[1].isNaN)
        #expect(special[2] == .infinity)
        #expect(special[3].isNaN)
    }

    /// The error of the shifted recurrence is absolute, about one rounding of `log Gamma(x + m)` (at
    /// most ~13 for x < 10) and of `log(x (x + 1) ... (x + m - 1))`; above 10 it is a few ulps relative.
    /// The bar `Tolerance.vectorPolygamma * (|value| + scale)` holds both; the likelihood sums such terms,
    /// so an absolute error of this size is far below the rounding of the sum.
    @Test func logGammaAgreesWithSpecialFunctions() {
        let outputs = Self.apply(inflow_log_gamma_positive_array, Self.arguments)
        for (x, y) in zip(Self.arguments, outputs) {
            let expected = SpecialFunctions.logGamma(x)
            #expect(abs(y - expected) <= Tolerance.vectorPolygamma * (abs(expected) + Tolerance.logGammaScale),
                    "logGamma(\(x)) = \(y), reference \(expected)")
        }
    }

    @Test func digammaAndTrigammaAgreeWithSpecialFunctions() {
        var digamma = [Double](repeating: .nan, count: Self.arguments.count)
        var trigamma = digamma
        Self.arguments.withUnsafeBufferPointer { x in
            digamma.withUnsafeMutableBufferPointer { d in
                trigamma.withUnsafeMutableBufferPointer { t in
                    inflow_digamma_trigamma_positive_array(x.baseAddress, d.baseAddress, t.baseAddress, x.count)
                }
            }
        }
        for (index, x) in Self.arguments.enumerated() {
            let psi = SpecialFunctions.digamma(x), psi1 = SpecialFunctions.trigamma(x)
            // Next to the zero of psi (x = 1.4616...) the reference keeps relative precision and the kernel
            // absolute precision, hence the scale term.
            #expect(abs(digamma[index] - psi) <= Tolerance.vectorPolygamma * (abs(psi) + Tolerance.digammaScale),
                    "digamma(\(x)) = \(digamma[index]), reference \(psi)")
            #expect(abs(trigamma[index] - psi1) <= Tolerance.vectorPolygamma * abs(psi1),
                    "trigamma(\(x)) = \(trigamma[index]), reference \(psi1)")
        }
    }

    /// The fused recurrence the NB2 likelihood uses gives the same functions to the same bars.
    @Test func fusedLogGammaDigammaTrigammaAgreeWithSpecialFunctions() {
        let count = Self.arguments.count
        var logGamma = [Double](repeating: .nan, count: count), digamma = logGamma, trigamma = logGamma
        Self.arguments.withUnsafeBufferPointer { x in
            logGamma.withUnsafeMutableBufferPointer { l in
                digamma.withUnsafeMutableBufferPointer { d in
                    trigamma.withUnsafeMutableBufferPointer { t in
                        inflow_log_gamma_digamma_trigamma_positive_array(x.baseAddress, l.baseAddress, d.baseAddress,
                                                                         t.baseAddress, count)
                    }
                }
            }
        }
        for (index, x) in Self.arguments.enumerated() {
            let lg = SpecialFunctions.logGamma(x), psi = SpecialFunctions.digamma(x), psi1 = SpecialFunctions.trigamma(x)
            #expect(abs(logGamma[index] - lg) <= Tolerance.vectorPolygamma * (abs(lg) + Tolerance.logGammaScale),
                    "logGamma(\(x)) = \(logGamma[index]), reference \(lg)")
            #expect(abs(digamma[index] - psi) <= Tolerance.vectorPolygamma * (abs(psi) + Tolerance.digammaScale),
                    "digamma(\(x)) = \(digamma[index]), reference \(psi)")
            #expect(abs(trigamma[index] - psi1) <= Tolerance.vectorPolygamma * abs(psi1),
                    "trigamma(\(x)) = \(trigamma[index]), reference \(psi1)")
        }
    }
}
