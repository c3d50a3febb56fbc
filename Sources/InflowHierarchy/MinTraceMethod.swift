/// The error covariance `W` that MinT reconciliation assumes (Wickramasuriya, Athanasopoulos & Hyndman 2019).
public enum MinTraceMethod: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// `W = I`: every node's base forecast equally trusted (ordinary least squares).
    case ols
    /// `W = diag(S 1)`: each node's variance proportional to the number of bottom keys it sums (structural
    /// scaling, which needs no residuals).
    case wlsStructural = "wls-struct"
    /// `W` = the in-sample residuals' covariance shrunk towards its diagonal by the Schäfer–Strimmer intensity
    /// (``ShrunkCovariance``).
    case shrink

    /// The name hierarchicalforecast gives the method (`ols`, `wls_struct`, `mint_shrink`).
    public var description: String {
        switch self {
        case .ols: "ols"
        case .wlsStructural: "wls_struct"
        case .shrink: "mint_shrink"
        }
    }
}
