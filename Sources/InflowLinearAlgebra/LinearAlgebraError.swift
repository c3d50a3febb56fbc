/// A failure of a factorisation that the caller can handle.
///
/// LAPACK reports problems through `info`: `info < 0` means an argument was wrong,
/// which is a bug in Inflow and stops the program with a precondition failure;
/// `info > 0` is a property of the data and becomes one of these cases.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cholesky failed: the leading minor of this order (1-based) is not positive definite.
    case notPositiveDefinite(minor: Int)
    /// A triangular factor has an exact zero on its diagonal at this (1-based) position.
    case singular(position: Int)
    /// An iterative decomposition (SVD, eigenvalues) did not converge.
    case didNotConverge(routine: String, info: Int)
    /// A non-finite value (NaN or infinity) was found in the input.
    case nonFiniteInput(routine: String)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let minor):
            "matrix is not positive definite (leading minor of order \(minor))"
        case .singular(let position):
            "matrix is singular (zero pivot at position \(position))"
        case .didNotConverge(let routine, let info):
            "\(routine) did not converge (info = \(info))"
        case .nonFiniteInput(let routine):
            "\(routine) was given a NaN or infinite value"
        }
    }
}

/// Checks a LAPACK `info`: negative is our bug, positive is returned to the caller.
@inline(__always)
func checkLAPACKArguments(_ info: Int32, routine: StaticString) {
    precondition(info >= 0, "\(routine): argument \(-info) had an illegal value (a bug in Inflow)")
}

extension Matrix {
    /// Whether every element is finite.
    public var isFinite: Bool { storage.allSatisfy(\.isFinite) }
}
