import InflowCore
import Foundation
import InflowArchive
import InflowAnalysis
import InflowModels
import InflowProjection

/// Everything a report is built from: the data, the fits, the projections and how they were made.
///
/// Models (in ``modelWeights``, ``projections`` and the backtest) are joined by their ``/InflowModels/ModelID``;
/// the mixture is ``/InflowModels/ModelID/ensemble(_:)``. ``init(analysis:toolVersion:generatedAt:timeZone:)``
/// builds the input of an ``/InflowAnalysis/AnalysisResult``.
///
/// ```swift
/// var input = ReportInput(datasetName: "KBRI Phnom Penh", observed: series, fits: [fit],
///                         projections: [fit.id: projection], headlineProjection: fit.id)
/// input.seed = 1; input.replicates = 200; input.horizon = 30
/// let html = HTMLRenderer().render(ReportBuilder(input).document())
/// ```
public struct ReportInput: Sendable {
    /// The dataset's name (a bundled dataset name or a file's name).
    public var datasetName: String
    /// The report's title.
    public var title: String
    /// Provenance lines as the data file states them (source, publisher, retrieval date).
    public var provenance: [String]
    /// Where the data came from: a file path or "bundled dataset NAME"; `nil` if unknown.
    public var dataSource: String?
    /// The observed series (all keys together: the national total).
    public var observed: InflowSeries
    /// The hub location of the main series (the slug of its name, `kbri-phnom-penh`, unless given).
    public var location: String
    /// The curve fits, in the order they were requested.
    public var fits: [CurveFit]
    /// A log-linear fit to the same data, if one was made.
    public var logLinearFit: LogLinearFit?
    /// Ensemble weights by model (sum 1 over the members).
    public var modelWeights: [ModelID: Double]
    /// How the weights were made.
    public var ensembleMethod: EnsembleMethod
    /// Projections by model, the ensemble's included when there is one.
    public var projections: [ModelID: Projection]
    /// The model whose projection the headline numbers come from.
    public var headlineProjection: ModelID
    /// Rolling-origin backtest scores, if a backtest was run.
    public var backtest: BacktestResult?
    /// The background the fits used and where it came from, in words ("20..25 per day, stated in ...").
    public var background: String?
    /// Why the weights are what they are (the method's basis, fallbacks, models left out).
    public var weightNotes: [String] = []
    /// Models merged into another before weighting (key), with the model that carries their weight.
    public var mergedModels: [ModelID: ModelID] = [:]
    /// Each weighted model's mean backtest CRPS, when a backtest made the weights.
    public var backtestCRPS: [ModelID: Double] = [:]
    /// The projection under other knowledge about the pool.
    public var sensitivity: [SensitivityRow] = []
    /// The whole pipeline's forecasts at earlier origins.
    public var retrospective: [RetrospectiveOrigin] = []
    /// The forecast archive's earlier runs scored against these figures (`inflow project --archive DIR --report`).
    public var archiveScores: ArchiveScores? = nil
    /// What the keys are called ("province").
    /// The headline split by province of origin (`inflow project --by province`), if any.
    public var provincial: ProvincialAnalysis? = nil
    /// The name of the data's key (`province`).
    public var keyName: String
    /// Per-node series and their projections (table and small multiples), by node name.
    public var keyed: [String: KeyedSeries]
    /// The nodes in hierarchy order (total, groups, keys); `nil` sorts them by name.
    public var nodeOrder: [String]?
    /// How the keys' forecasts were made coherent, and what was pooled, in sentences.
    public var hierarchyNotes: [String] = []
    /// The hierarchy's record for the saved report.
    public var hierarchy: SavedReport.HierarchyRecord?
    /// Warnings from reading the data and running the analysis.
    public var warnings: [String]
    /// The seed of the random streams.
    public var seed: UInt64
    /// Bootstrap replicates per projection.
    public var replicates: Int
    /// Days projected.
    public var horizon: Int
    /// How bootstrap replicates were drawn.
    public var bootstrapMethod: BootstrapMethod
    /// The tool's version.
    public var toolVersion: String
    /// When the report is generated (inject a fixed date for reproducible output).
    public var generatedAt: Date
    /// The time zone dates are shown in (the data's local time; by default the observed series' own,
    /// ``/InflowCore/InflowSeries/timeZone``).
    public var timeZone: TimeZone
    /// Threads for the per-model final-size intervals of the models table (profile likelihoods, computed side
    /// by side; the same numbers for any count). ``init(analysis:toolVersion:generatedAt:timeZone:)`` takes the
    /// analysis's thread count.
    public var threads = 1

    /// An input given field by field (for a report on results that did not come from ``/InflowAnalysis/Analysis``);
    /// the arguments are the properties of the same names.
    public init(
        datasetName: String, title: String? = nil, provenance: [String] = [], dataSource: String? = nil,
        observed: InflowSeries, location: String? = nil, fits: [CurveFit], logLinearFit: LogLinearFit? = nil,
        modelWeights: [ModelID: Double] = [:], ensembleMethod: EnsembleMethod = .none,
        projections: [ModelID: Projection], headlineProjection: ModelID, backtest: BacktestResult? = nil, keyName: String = "province",
        keyed: [String: KeyedSeries] = [:], warnings: [String] = [], seed: UInt64 = 20260116, replicates: Int = 1000,
        horizon: Int = 30, bootstrapMethod: BootstrapMethod = .parametric, toolVersion: String = "unknown",
        generatedAt: Date = Date(), timeZone: TimeZone? = nil
    ) {
        self.datasetName = datasetName
        self.title = title ?? "Inflow projection: \(datasetName)"
        self.provenance = provenance
        self.dataSource = dataSource
        self.observed = observed
        self.location = location ?? HubRow.slug(observed.name)
        self.fits = fits
        self.logLinearFit = logLinearFit
        self.modelWeights = modelWeights
        self.ensembleMethod = ensembleMethod
        self.projections = projections
        self.headlineProjection = headlineProjection
        self.backtest = backtest
        self.keyName = keyName
        self.keyed = keyed
        self.warnings = warnings
        self.seed = seed
        self.replicates = replicates
        self.horizon = horizon
        self.bootstrapMethod = bootstrapMethod
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.timeZone = timeZone ?? observed.timeZone
    }

    /// Projections in a stable order: those of the fits in fit order, then the log-linear model's, then
    /// the rest (the ensemble) by description.
    public var projectionOrder: [ModelID] {
        let fitted = (fits.map(\.id) + (logLinearFit.map { [$0.id] } ?? [])).filter { projections[$0] != nil }
        var seen = Set<ModelID>()
        let unique = fitted.filter { seen.insert($0).inserted }
        return unique + projections.keys.filter { !seen.contains($0) }.sorted { $0.description < $1.description }
    }

    /// Nodes in display order.
    public var keyOrder: [String] { nodeOrder?.filter { keyed[$0] != nil } ?? keyed.keys.sorted() }
}
