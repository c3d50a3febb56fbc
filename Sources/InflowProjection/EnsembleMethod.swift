/// How the members of an ensemble are weighted.
public enum EnsembleMethod: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Weights on the simplex that minimise the mixture's mean CRPS over a rolling-origin backtest
    /// (Yao, Vehtari, Simpson & Gelman 2018), ``StackingWeights``.
    case stacking
    /// Akaike weights from AICc (Burnham & Anderson 2002), ``Ensemble/akaikeWeights(_:)``.
    case aicc
    /// Inverse mean backtest WIS, ``Ensemble/inverseScoreWeights(_:)``.
    case wis
    /// No mixture: the member with the best AICc alone.
    case none

    /// How the weights were made, in words: "AICc weights".
    public var description: String {
        switch self {
        case .stacking: "stacking weights"
        case .aicc: "AICc weights"
        case .wis: "inverse backtest WIS weights"
        case .none: "the best AICc model alone"
        }
    }
}
