import Foundation
import InflowCore
import InflowData
import InflowFitting
import InflowHierarchy
import InflowModels
import InflowProjection
import InflowProvinces

/// What the analysis pipeline fits, how it projects and how it combines the models.
///
/// The defaults are those of `inflow project`: the default families with negative binomial (NB2)
/// errors, a 30-day projection from 1,000 bootstrap replicates per model, combined with
/// ``/InflowProjection/EnsembleMethod/stacking`` weights (AICc weights when the data leave too few backtest origins).
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
    /// Whether the log-linear count model (``/InflowModels/LogLinearModel``) is fitted and projected too. It does not
    /// level off, so it gets ensemble weight only when no curve family could be fitted.
    public var includesLogLinear: Bool
    /// The log-linear model's basis and day-of-week setting.
    public var logLinear: LogLinearModel
    /// The error family of every fit (the log-linear model takes Poisson where this is Gaussian).
    public var error: ErrorFamily
    /// Arrivals unrelated to the surge; `nil` (the default) takes the rate the data file states
    /// (``/InflowData/LoadedData/statedBackground``), and estimates it with each curve when the file states
    /// none (``resolvedBackground(for:)``).
    public var background: BackgroundRate?
    /// Starting values by parameter name, for the families that have the parameter.
    public var start: [String: Double]
    /// Parameters held fixed by name, for the families that have the parameter.
    public var fixed: [String: Double]
    /// Days projected after the last observation.
    public var horizon: Int
    /// Bootstrap replicates per model.
    public var replicates: Int
    /// The seed of every random stream (see ``/InflowProjection/StreamKey``).
    public var seed: UInt64
    /// Threads for the bootstrap; results do not depend on it.
    public var threads: Int
    /// How the models are combined.
    public var ensemble: EnsembleMethod
    /// Days after each origin that a backtest scores (when the ensemble needs a backtest).
    public var backtestHorizon: Int
    /// Bootstrap replicates per backtest projection.
    public var backtestReplicates: Int
    /// Backtest origins; `nil` (the default) takes every report that leaves four observations before it and one
    /// after it (at most the latest eight).
    public var backtestOrigins: [Date]? = nil
    /// What the user knows about the pool (bounds on the final size), applied to every fit.
    public var knowledge: PoolKnowledge
    /// Whether the analysis also runs the whole pipeline at each backtest origin (``SeriesAnalysis/retrospective``),
    /// so the ensemble is scored like its members; only when the ensemble method runs a backtest.
    public var includesRetrospective: Bool
    /// Whether the analysis computes ``SeriesAnalysis/sensitivity``.
    public var includesSensitivity: Bool
    /// Alternative knowledge the 30-day projection is also shown under (``SeriesAnalysis/sensitivity``);
    /// `nil` (the default) shows it without the user's knowledge when there is some, and under illustrative
    /// bounds (``illustrativeScenarios(observed:)``) when there is none.
    public var sensitivity: [PoolKnowledge]?
    /// How the keys' forecasts are made coherent with the total's (with key columns):
    /// ``/InflowHierarchy/ReconciliationMethod/conditioning`` by default.
    public var reconciliation: ReconciliationMethod = .conditioning
    /// The covariance MinT assumes when ``reconciliation`` is ``/InflowHierarchy/ReconciliationMethod/mint``.
    public var minTraceMethod: MinTraceMethod = .wlsStructural
    /// The provincial model: when set, the headline projection is also split by province of origin
    /// (``ProvincialAnalysis``), and keys, if any, are read as province-level counts instead of a hierarchy.
    public var provincial: ProvincialModel? = nil

    /// Final sizes are searched up to this multiple of the arrivals so far (unless the user's knowledge
    /// bounds them): the line beyond which an output reports a size as not determined by the data
    /// (``/InflowModels/SizeBound/undeterminedFactor``), so the two agree. Without it the bootstrap refits of a
    /// curve whose size the data do not bound (early in a surge) run off to billions. A fit at the limit says
    /// so, and its final size is reported as not determined. On the pipeline study
    /// (`Notebooks/pipeline-calibration`, `Guides/SustainedInflow.md`) limits of 10, 20 and 30 times gave 90%
    /// intervals covering 92-95%, 91-96% and 92-96% of truths, with the lowest interval scores at 10.
    public static let plausiblePoolFactor = SizeBound.undeterminedFactor

    /// Stacking needs scored figures from at least this many rolling origins; with fewer the weights are
    /// AICc weights, and the analysis says so.
    public static let minimumStackingOrigins = 3

    /// The families `inflow project` fits when none are named: three saturating growth curves (logistic,
    /// Richards, Gompertz) and four releases from a pool whose arrivals go on for weeks: with a Weibull delay,
    /// a heavy-tailed (Lomax) delay, two staggered waves with that delay, and a log-logistic delay with a
    /// power-law tail. The single-hazard `release` is the Lomax release's limit `k -> inf` (and the
    /// Weibull's `k = 1`); Bass's diffusion with `p -> 0` is the logistic. The set was chosen on the pipeline
    /// calibration study (`Guides/SustainedInflow.md`).
    public static var defaultFamilies: [any CurveFamily] {
        [Logistic(), Richards(), Gompertz(), WeibullRelease(), StaggeredRelease.lomax, StaggeredRelease.twoWaves,
         LogLogisticRelease()]
    }

    /// Options; every argument has the default of `inflow project`.
    public init(
        families: [any CurveFamily] = AnalysisOptions.defaultFamilies, includesLogLinear: Bool = false,
        logLinear: LogLinearModel = LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3)),
        error: ErrorFamily = .negativeBinomial, background: BackgroundRate? = nil,
        start: [String: Double] = [:], fixed: [String: Double] = [:], horizon: Int = 30, replicates: Int = 1000,
        seed: UInt64 = 20260116, threads: Int = 2, ensemble: EnsembleMethod = .stacking, backtestHorizon: Int = 7,
        backtestReplicates: Int = 200, knowledge: PoolKnowledge = PoolKnowledge(), sensitivity: [PoolKnowledge]? = nil,
        includesRetrospective: Bool = true, includesSensitivity: Bool = true
    ) {
        self.includesRetrospective = includesRetrospective
        self.includesSensitivity = includesSensitivity
        self.knowledge = knowledge
        self.sensitivity = sensitivity
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

    /// The fit options of one family under `background`: only the start and fixed values that name its
    /// parameters (its curve parameters, `beta` and `theta`).
    ///
    /// The final-size parameter (`N`, `K`) is bounded by the user's knowledge (at most the surge's observed
    /// arrivals plus ``PoolKnowledge/remainingAtMost``, at least ``PoolKnowledge/finalSizeAtLeast``), or
    /// else by ``plausiblePoolFactor`` times the arrivals so far. `observed` is what the series counted and
    /// `observedSurge` the part of it that belongs to the surge (without the background's share).
    public func fitOptions(for family: any CurveFamily, background: BackgroundRate, observed: Double,
                           observedSurge: Double, knowledge: PoolKnowledge? = nil) -> FitOptions {
        let names = Set(family.parameters.map(\.name) + ["theta", "beta"])
        var options = FitOptions(background: background, start: start.filter { names.contains($0.key) },
                                 fixed: fixed.filter { names.contains($0.key) })
        guard let size = family.finalSizeParameter, fixed[size] == nil else { return options }
        let knowledge = knowledge ?? self.knowledge
        options.upperBounds[size] = knowledge.remainingAtMost.map { max(observedSurge, 0) + max($0, 1) }
            ?? Self.plausiblePoolFactor * max(observed, 1)
        if let least = knowledge.finalSizeAtLeast { options.lowerBounds[size] = least }
        if let start = options.start[size], let upper = options.upperBounds[size] {
            options.start[size] = min(max(start, options.lowerBounds[size] ?? 0), upper)
        }
        return options
    }

    /// Illustrative knowledge for the sensitivity table when the user gave none: a remaining pool of at most
    /// half, or at most all, of the arrivals so far, and a final size of at least twice them.
    public static func illustrativeScenarios(observed: Double) -> [PoolKnowledge] {
        [PoolKnowledge(remainingAtMost: (observed / 2).rounded()), PoolKnowledge(remainingAtMost: observed.rounded()),
         PoolKnowledge(finalSizeAtLeast: (2 * observed).rounded())]
    }

    /// The fit options of `family` for `series` (see ``fitOptions(for:background:observed:observedSurge:knowledge:)``).
    public func fitOptions(for family: any CurveFamily, series: InflowSeries, background: BackgroundRate,
                           knowledge: PoolKnowledge? = nil) -> FitOptions {
        let prepared = series.prepared()
        let observed = prepared.kind == .level ? (prepared.levelValues.last ?? 0) : prepared.observedTotal
        let surge = prepared.kind == .level ? observed
            : observed - (background.heldRate ?? 0) * (prepared.lastTime - prepared.firstTime)
        return fitOptions(for: family, background: background, observed: observed, observedSurge: max(surge, 0),
                          knowledge: knowledge)
    }

    /// The background the analysis of `data` uses, and where it comes from: ``background`` when set; else
    /// the rate the file states (a range when it gives one); else estimated with each curve.
    public func resolvedBackground(for data: LoadedData) -> (rate: BackgroundRate, source: String) {
        if let background { return (background, "given") }
        if let stated = data.statedBackground {
            let rate: BackgroundRate = stated.lower == stated.upper ? .fixed(stated.lower)
                : .range(lower: stated.lower, upper: stated.upper)
            return (rate, "stated in \(data.file), line \(stated.line)" + (stated.note.isEmpty ? "" : ": \(stated.note)"))
        }
        return (.estimated, "estimated with each curve (the data state none)")
    }

    /// The projection options of the model `model` of the series `series`: its replicate streams are
    /// ``/InflowProjection/StreamKey/index(series:model:)``, so they depend on the series' and the model's names only.
    public func projectionOptions(series: String, model: ModelID) -> ProjectionOptions {
        ProjectionOptions(horizon: horizon, replicates: replicates, seed: seed,
                          seriesIndex: StreamKey.index(series: series, model: model), threads: threads)
    }

    /// The backtest options of the series `series`.
    public var backtestOptions: BacktestOptions {
        BacktestOptions(origins: backtestOrigins, horizon: min(horizon, backtestHorizon),
                        replicates: min(replicates, backtestReplicates), seed: seed, threads: threads)
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
