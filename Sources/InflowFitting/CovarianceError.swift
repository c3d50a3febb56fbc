/// Why a covariance matrix could not be formed.
public enum CovarianceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The curvature (information) matrix is singular (or indefinite) to working precision: some direction in
    /// parameter space carries no information. `parameter` (zero based) is the one with the largest
    /// weight in that direction (the eigenvector of the smallest eigenvalue of the unit-diagonal
    /// scaled matrix); `smallestEigenvalue` is that eigenvalue (or the non-positive diagonal entry
    /// when the parameter has no information at all).
    case notIdentified(parameter: Int, smallestEigenvalue: Double)
    /// `sigma^2 = 2 f / (n - p)` needs more observations than free parameters.
    case insufficientDegreesOfFreedom(observations: Int, parameters: Int)
    /// The matrix has a NaN or infinite entry.
    case nonFinite

    public var description: String {
        switch self {
        case .notIdentified(let parameter, let eigenvalue):
            "parameter \(parameter) is not identified: the curvature matrix is singular in its direction "
                + "(smallest eigenvalue of the scaled matrix \(eigenvalue)); fix it or reparametrise"
        case .insufficientDegreesOfFreedom(let n, let p):
            "a residual variance needs more observations than free parameters (n = \(n), p = \(p))"
        case .nonFinite:
            "the curvature matrix has a NaN or infinite entry"
        }
    }
}
