import Foundation
import InflowFitting

// The NIST StRD model formulas as printed by NIST, written as residual problems
// r_i = y_i - f(x_i; b) with Jacobian rows -df/db (the same formulas as
// Tests/Reference/Data/nist-nonlinear/check_nist_nls.py).

/// Misra1a and BoxBOD: `y = b1 (1 - exp(-b2 x))`.
struct ExponentialRiseResiduals: ResidualProblem {
    let x: [Double]
    let y: [Double]
    var parameterCount: Int { 2 }
    var residualCount: Int { x.count }

    func residual(_ i: Int, at b: SIMD8<Double>) -> Double {
        y[i] - b[0] * (1 - exp(-b[1] * x[i]))
    }

    func residualAndJacobianRow(_ i: Int, at b: SIMD8<Double>) -> (residual: Double, jacobianRow: SIMD8<Double>) {
        let e = exp(-b[1] * x[i])
        var row = SIMD8<Double>.zero
        row[0] = -(1 - e)
        row[1] = -b[0] * x[i] * e
        return (y[i] - b[0] * (1 - e), row)
    }
}

/// Rat42: `y = b1 / (1 + exp(b2 - b3 x))`.
struct Rat42Residuals: ResidualProblem {
    let x: [Double]
    let y: [Double]
    var parameterCount: Int { 3 }
    var residualCount: Int { x.count }

    func residual(_ i: Int, at b: SIMD8<Double>) -> Double {
        y[i] - b[0] / (1 + exp(b[1] - b[2] * x[i]))
    }

    func residualAndJacobianRow(_ i: Int, at b: SIMD8<Double>) -> (residual: Double, jacobianRow: SIMD8<Double>) {
        let e = exp(b[1] - b[2] * x[i])
        let d = 1 + e
        var row = SIMD8<Double>.zero
        row[0] = -1 / d
        row[1] = b[0] * e / (d * d)
        row[2] = -b[0] * x[i] * e / (d * d)
        return (y[i] - b[0] / d, row)
    }
}

/// Rat43: `y = b1 / (1 + exp(b2 - b3 x))^(1 / b4)`.
struct Rat43Residuals: ResidualProblem {
    let x: [Double]
    let y: [Double]
    var parameterCount: Int { 4 }
    var residualCount: Int { x.count }

    func residual(_ i: Int, at b: SIMD8<Double>) -> Double {
        y[i] - b[0] / pow(1 + exp(b[1] - b[2] * x[i]), 1 / b[3])
    }

    func residualAndJacobianRow(_ i: Int, at b: SIMD8<Double>) -> (residual: Double, jacobianRow: SIMD8<Double>) {
        let e = exp(b[1] - b[2] * x[i])
        let d = 1 + e
        let f = pow(d, -1 / b[3])
        let g = b[0] / b[3] * e * f / d
        var row = SIMD8<Double>.zero
        row[0] = -f
        row[1] = g
        row[2] = -g * x[i]
        row[3] = -b[0] * f * log(d) / (b[3] * b[3])
        return (y[i] - b[0] * f, row)
    }
}
