import InflowModels

/// A model a rolling-origin backtest refits at each origin: a curve family with its error family and fit
/// options.
public struct BacktestMember: Sendable {
    /// The family.
    public let family: any CurveFamily
    /// The error family.
    public let error: ErrorFamily
    /// The fit options used at every origin.
    public let fitOptions: FitOptions

    /// A member.
    public init(family: any CurveFamily, error: ErrorFamily, fitOptions: FitOptions = FitOptions()) {
        self.family = family
        self.error = error
        self.fitOptions = fitOptions
    }

    /// The member's identity.
    public var id: ModelID { ModelID(family: family.name, error: error) }
}
