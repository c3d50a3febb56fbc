import InflowFitting

/// How a curve fit ended, in words a report can print.
public enum FitStatus: Sendable, Equatable, CustomStringConvertible {
    /// The solver met a convergence test; `reason` names it.
    case converged(reason: String)
    /// The solver stopped without meeting a convergence test (iteration limit): the
    /// estimates are the best point found, not an optimum.
    case notConverged(reason: String)
    /// The solver reached an optimum but the data do not determine every parameter: the
    /// information matrix is singular there, so standard errors are infinite. `reason` names
    /// the parameters involved.
    case nonIdentifiable(reason: String)
    /// No usable estimate: the reason says why.
    case failed(reason: String)

    /// Whether the estimates are an optimum.
    public var isConverged: Bool {
        if case .converged = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .converged(let reason): "converged (\(reason))"
        case .notConverged(let reason): "not converged (\(reason))"
        case .nonIdentifiable(let reason): "not identifiable (\(reason))"
        case .failed(let reason): "failed (\(reason))"
        }
    }
}
