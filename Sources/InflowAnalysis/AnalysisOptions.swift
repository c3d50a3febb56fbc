import InflowFitting
import InflowModels
import InflowProjection

/// What the analysis pipeline fits, how it projects and how it combines the models.
///
/// The defaults are those of `inflow project`: the default families with negative binomial (NB2)
/// errors, a 30-day projection from 1,000 bootstrap replicates per model, combined with
/// ``EnsembleMethod/aicc`` weights.
///
/// ```swift
/// var options = AnalysisOptions()
/// options.families = [Logistic(), Gompertz()]
/// options.replicates = 200
/// let result = try Analysis.run(data, options: options)
/// ```
public struct AnalysisOptions: Sendable {
    /// The curve families fitted to the series, in the order reports list them.
    public var families: [any CurveFamily]
    /// Whether the log-linear count model (``LogLinearModel``) is fitted and projected too. It does not
    /// level off, so it gets ensemble weight only when no curve family could be fitted.
    public var includesLogLinear: Bool
    /// The log-linear model's basis and day-of-week setting.
    public var logLinear: LogLinearModel
    /// The error family of every fit (the log-linear model takes Poisson where this is Gaussian).
    public var error: ErrorFamily
    /// Arrivals unrelated to the surge.
    public var background: BackgroundRate
    /// Starting values by parameter name, for the families that have the parameter.
    public var start: [String: Double]
    /// Parameters held fixed by name, for the families that have the parameter.
    public var fixed: [String: Double]
    /// Days projected after the last observation.
    public var horizon: Int
    /// Bootstrap replicates per model.
    public var replicates: Int
    /// The seed of every random stream (see ``StreamKey``).
    public var seed: UInt64
    /// Threads for the bootstrap; results do not depend on it.
    public var threads: Int
    /// How the models are combined.
    public var ensemble: EnsembleMethod
    /// Days after each origin that a backtest scores (when the ensemble needs a backtest).
    public var backtestHorizon: Int
    /// Bootstrap replicates per backtest projection.
    public var backtestReplicates: Int

    /// The families `inflow project` fits when none are named.
    public static var defaultFamilies: [any CurveFamily] {
        [Logistic(), Richards(), Gompertz(), BassDiffusion(), ReleaseFromPool(), WeibullRelease()]
    }

    /// Options; every argument has the default of `inflow project`.
    public init(
        families: [any CurveFamily] = AnalysisOptions.defaultFamilies, includesLogLinear: Bool = false,
        logLinear: LogLinearModel = LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3)),
        error: ErrorFamily = .negativeBinomial, background: BackgroundRate = .none,
        start: [String: Double] = [:], fixed: [String: Double] = [:], horizon: Int = 30, replicates: Int = 1000,
        seed: UInt64 = 20260116, threads: Int = 2, ensemble: EnsembleMethod = .aicc, backtestHorizon: Int = 7,
        backtestReplicates: Int = 400
    ) {
        self.families = families
        self.includesLogLinear = includesLogLinear
        self.logLinear = logLinear
        self.error = error
        self.background = background
        self.start = start
        self.fixed = fixed
        self.horizon = horizon
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
        self.ensemble = ensemble
        self.backtestHorizon = backtestHorizon
        self.backtestReplicates = backtestReplicates
    }

    /// The fit options of one family: the background, and only the start and fixed values that name
    /// its parameters (its curve parameters, `beta` and `theta`).
    public func fitOptions(for family: any CurveFamily) -> FitOptions {
        let names = Set(family.parameters.map(\.name) + ["theta", "beta"])
        return FitOptions(background: background, start: start.filter { names.contains($0.key) },
                          fixed: fixed.filter { names.contains($0.key) })
    }

    /// The projection options of the model `model` of the series `series`: its replicate streams are
    /// ``StreamKey/index(series:model:)``, so they depend on the series' and the model's names only.
    public func projectionOptions(series: String, model: ModelID) -> ProjectionOptions {
        ProjectionOptions(horizon: horizon, replicates: replicates, seed: seed,
                          seriesIndex: StreamKey.index(series: series, model: model), threads: threads)
    }

    /// The backtest options of the series `series`.
    public var backtestOptions: BacktestOptions {
        BacktestOptions(horizon: min(horizon, backtestHorizon), replicates: min(replicates, backtestReplicates),
                        seed: seed, threads: threads)
    }

    /// Checks the options, with a sentence that says what to change.
    public func validate() throws(AnalysisError) {
        guard !families.isEmpty || includesLogLinear else {
            throw .invalidOptions("at least one model is needed: name a curve family or include the log-linear model.")
        }
        do {
            try ProjectionOptions(horizon: horizon, replicates: replicates, seed: seed, threads: threads).validate()
        } catch {
            throw .invalidOptions(error.description)
        }
        guard backtestHorizon >= 1, backtestReplicates >= 2 else {
            throw .invalidOptions("the backtest needs a horizon of at least 1 day and at least 2 replicates.")
        }
    }
}
