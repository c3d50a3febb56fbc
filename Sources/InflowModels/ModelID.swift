/// The identity of a model: a curve family (or the log-linear model, or an ensemble) and its error family.
///
/// Fits, projections, ensemble weights and backtest scores are joined by this value, never by display
/// text. Its ``description`` is the label reports print: `logistic (negative-binomial)`.
///
/// ```swift
/// let fit = try Logistic().fit(series, error: .negativeBinomial)
/// fit.id == ModelID(family: "logistic", error: .negativeBinomial)   // true
/// ```
public struct ModelID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The family's command-line name (`logistic`, `release-lomax`, `log-linear`), or ``ensembleName``.
    public let family: String
    /// The error family.
    public let error: ErrorFamily

    /// A model identity.
    public init(family: String, error: ErrorFamily) {
        self.family = family
        self.error = error
    }

    /// The family name an ensemble of members carries.
    public static let ensembleName = "ensemble"

    /// The identity of an ensemble of members fitted with `error`.
    public static func ensemble(_ error: ErrorFamily) -> ModelID {
        ModelID(family: ensembleName, error: error)
    }

    /// Whether this is an ensemble rather than one model.
    public var isEnsemble: Bool { family == Self.ensembleName }

    /// `logistic (negative-binomial)`.
    public var description: String { "\(family) (\(error.rawValue))" }
}
