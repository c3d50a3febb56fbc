import InflowCore
import InflowModels
import InflowProjection

/// The analysis of one series: every model's fit and projection, their weights, the combined
/// projection, the backtest, and what had to be said.
public struct SeriesAnalysis: Sendable {
    /// The series analysed.
    public let series: InflowSeries
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
    /// The projection the headline numbers come from: the weighted mixture, or the best model alone.
    public let headline: Projection
    /// The rolling-origin backtest of every model, when the ensemble method needed one.
    public let backtest: BacktestResult?
    /// Warnings about the data, the fits and the ensemble, in words.
    public let warnings: [String]

    /// A series' analysis.
    public init(series: InflowSeries, fits: [CurveFit], failures: [ModelFailure], logLinearFit: LogLinearFit?,
                projections: [Projection], weights: ModelWeights, headline: Projection, backtest: BacktestResult?,
                warnings: [String]) {
        self.series = series
        self.fits = fits
        self.failures = failures
        self.logLinearFit = logLinearFit
        self.projections = projections
        self.weights = weights
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
