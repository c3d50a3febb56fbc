import InflowCore
import InflowModels
import InflowProjection

/// The analysis of one series: every model's fit and projection, their weights, the combined
/// projection, the backtest, and what had to be said.
public struct SeriesAnalysis: Sendable {
    /// The series analysed.
    public let series: InflowSeries
    /// The background every fit used, and where it came from ("stated in data.csv, line 8: ...").
    public let background: BackgroundRate
    /// Where ``background`` comes from, in words.
    public let backgroundSource: String
    /// The curve fits that gave estimates, in the order the families were requested.
    public let fits: [CurveFit]
    /// Models that could not be fitted or projected.
    public let failures: [ModelFailure]
    /// The log-linear fit, when it was asked for and succeeded.
    public let logLinearFit: LogLinearFit?
    /// One projection per fit (same order), then the log-linear model's, if any.
    public let projections: [Projection]
    /// The ensemble weights of the models.
    public let weights: ModelWeights
    /// The stacking weights with their basis, when stacking made the weights.
    public let stacking: StackingWeights?
    /// The projection the headline numbers come from: the weighted mixture, or the best model alone.
    public let headline: Projection
    /// The rolling-origin backtest of the models, when the ensemble method used one (or it was asked for).
    public let backtest: Backtest.Evaluation?
    /// Warnings about the data, the fits and the ensemble, in words.
    public let warnings: [String]
    /// The whole pipeline's forecasts at the backtest origins (empty when not asked for or not backtested).
    public internal(set) var retrospective: [RetrospectiveOrigin] = []
    /// The 30-day projection under other knowledge about the pool (empty when not asked for).
    public internal(set) var sensitivity: [SensitivityRow] = []

    /// A series' analysis.
    public init(series: InflowSeries, background: BackgroundRate, backgroundSource: String, fits: [CurveFit],
                failures: [ModelFailure], logLinearFit: LogLinearFit?, projections: [Projection], weights: ModelWeights,
                stacking: StackingWeights?, headline: Projection, backtest: Backtest.Evaluation?, warnings: [String]) {
        self.series = series
        self.background = background
        self.backgroundSource = backgroundSource
        self.fits = fits
        self.failures = failures
        self.logLinearFit = logLinearFit
        self.projections = projections
        self.weights = weights
        self.stacking = stacking
        self.headline = headline
        self.backtest = backtest
        self.warnings = warnings
    }

    /// The projection of `model` (the headline's when `model` is its identity).
    public func projection(of model: ModelID) -> Projection? {
        model == headline.model ? headline : projections.first { $0.model == model }
    }

    /// The curve fit of `model`.
    public func fit(of model: ModelID) -> CurveFit? { fits.first { $0.id == model } }

    /// The fit with the largest ensemble weight (per-key projections use its family).
    public var leadingFit: CurveFit? { weights.largest.flatMap(fit(of:)) }
}
