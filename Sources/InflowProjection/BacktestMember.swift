import InflowCore
import InflowModels

/// A model a rolling-origin backtest refits at each origin: a curve family with its error family and fit
/// options.
public struct BacktestMember: Sendable {
    /// The family.
    public let family: any CurveFamily
    /// The error family.
    public let error: ErrorFamily
    /// The fit options used at every origin, unless the member derives them from the data up to each origin
    /// (see ``fitOptions(for:)``).
    public let fitOptions: FitOptions
    /// The fit options for the data up to an origin, when they depend on those data.
    private let optionsForData: (@Sendable (InflowSeries) -> FitOptions)?

    /// A member fitted with the same options at every origin.
    public init(family: any CurveFamily, error: ErrorFamily, fitOptions: FitOptions = FitOptions()) {
        self.family = family
        self.error = error
        self.fitOptions = fitOptions
        self.optionsForData = nil
    }

    /// A member whose fit options at each origin are `fitOptions` of the data up to it: bounds that scale
    /// with the arrivals so far then scale with what a forecaster had at the origin, not with later figures.
    public init(family: any CurveFamily, error: ErrorFamily,
                fitOptions: @escaping @Sendable (InflowSeries) -> FitOptions) {
        self.family = family
        self.error = error
        self.optionsForData = fitOptions
        self.fitOptions = FitOptions()
    }

    /// The member's identity.
    public var id: ModelID { ModelID(family: family.name, error: error) }

    /// The fit options for `data`, the data up to an origin.
    public func fitOptions(for data: InflowSeries) -> FitOptions {
        optionsForData?(data) ?? fitOptions
    }
}
