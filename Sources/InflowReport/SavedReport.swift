import InflowAnalysis
import InflowModels
import InflowProjection

/// A report saved as JSON: the document and the forecasts, enough to render the report again
/// (HTML, Markdown, CSV) without refitting. Written and read by ``JSONRenderer``.
///
/// ## Schema (`inflow-report`, version 2)
///
/// The file is one UTF-8 JSON object, keys sorted. Numbers that are not finite are the
/// strings `"NaN"`, `"Infinity"` and `"-Infinity"`. Optional fields may be absent.
///
/// ```text
/// {
///   "schema": "inflow-report",            // always this string
///   "schemaVersion": 2,                   // bumped on incompatible changes
///   "fits": [ FitSummary ],               // every fit: coefficients (estimate, SE, z, p, interval),
///                                         // statistics (n, k, df, log-likelihood, AIC, AICc, BIC, deviance,
///                                         // theta and its SE, status) and warnings; null where not determined
///   "ensemble": { "method": "stacking" | "aicc" | "wis" | "none",
///                 "weights": [ { "model": Model, "weight": Double,
///                                "backtestCRPS": Double | null,   // mean CRPS on the figures all weighted models forecast
///                                "mergedInto": Model | null } ],  // a model with the same predictive distribution
///                 "notes": [String] },                          // how the weights were made, fallbacks, exclusions
///   "background": String | null,          // "20..25 per day, stated in data.csv, line 8: ..."
///   "sensitivity": [ { "remainingAtMost": Double | null, "finalSizeAtLeast": Double | null,
///                      "headline": Bool, "illustrative": Bool, "days": Int,
///                      "arrivals": Interval, "remainingPool": Interval | null } ],
///   "retrospective": [ { "origin": String,           // ISO 8601
///                        "method": "stacking" | "aicc" | ..., // the weights the pipeline had then
///                        "figures": [ { "target": String, "horizon": Int, "observed": Double,
///                                       "projected": Interval } ] } ],
///   "hierarchy": null | {                 // with key columns (--key-column, --group-column)
///     "reconciliation": "bottom-up" | "conditioning" | "mint",
///     "minTraceMethod": "ols" | "wls-struct" | "shrink" | null,
///     "effectiveSampleSize": Double | null, "candidates": Int,   // conditioning's weights, and its pool
///     "nodes": [ { "name": String,         // as in the forecasts' "location" column's source
///                  "level": "total" | "key" | "group:<column>" | "value:<column>",
///                  "location": String,     // ISO 3166-2 code of a gazetteer province, else the name's slug
///                  "keys": [String],       // the keys the node sums
///                  "poolingFactor": Double | null,   // keys: 0 = own data, 1 = common level
///                  "shareNext7Days": Interval } ],   // share of the total's next 7 days' arrivals
///     "pooledFits": [ { "family": String, "share": Double, "sizeSpread": Double, "commonSize": Double,
///                       "theta": Double, "converged": Bool, "warnings": [String] } ],
///     "warnings": [String] },
///   "document": {
///     "title": String, "subtitle": String, "datasetName": String,
///     "generatedAt": String,              // ISO 8601, UTC, e.g. "2026-01-25T03:00:00Z"
///     "toolVersion": String,
///     "sections": [ {
///       "id": String,                     // headline, observed-fitted, cumulative, model-comparison,
///                                         // backtest, provinces, diagnostics, provenance, method
///       "title": String,
///       "blocks": [ Block ]
///     } ]
///   },
///   "forecasts": [ {
///     "model": Model,                     // { "family": "logistic", "error": "negative-binomial" };
///                                         // the mixture's family is "ensemble"
///     "location": String,                 // hub location: ISO 3166-2 code, or the series' name as a slug
///     "role": "headline" | "model" | "key",
///     "referenceDate": "yyyy-MM-dd",      // the local day in which the last observation ends
///     "levels": [Double],                 // the 23 hub quantile levels
///     "entries": [ { "target": "inc arrivals" | "cum arrivals" | "remaining pool",
///                    "horizon": Int,      // days from referenceDate to targetEndDate (0: rest of that day)
///                    "targetEndDate": "yyyy-MM-dd",   // the local day the period covers
///                    "mean": Double, "median": Double,
///                    "quantiles": [Double] } ]   // one per level
///   } ]
/// }
///
/// Block = { "type": "paragraph", "text": String }
///       | { "type": "list", "items": [String] }
///       | { "type": "headline", "cards": [ { "label": String, "value": String,
///                                             "interval": String?, "detail": String? } ] }
///       | { "type": "table", "table": { "caption": String?, "header": [String],
///                                       "alignments": ["left" | "right"], "rows": [[String]] } }
///       | { "type": "chart", "chart": Chart }
///       | { "type": "smallMultiples", "charts": [Chart] }
///       | { "type": "note", "note": { "kind": "info" | "warning", "text": String } }
///
/// Chart = { "title": String, "summary": String, "notes": [String],
///           "xAxis": Axis, "yAxis": Axis,
///           "series": [ { "name": String, "legendLabel": String?,
///                         "kind": "line" | "points" | "linePoints" | "band" | "bars",
///                         "color": "ink" | "blue" | "orange" | "green" | "purple" | "red" | "teal" | "gray",
///                         "dashed": Bool, "opacity": Double,
///                         "points": [ { "x": Double, "y": Double, "lower": Double?, "upper": Double? } ] } ],
///           "legend": [ { "label": String, "kind": Kind, "color": Color, "dashed": Bool, "opacity": Double } ],
///           "markers": [ { "x": Double, "label": String } ] }
/// Model = { "family": String, "error": "poisson" | "negative-binomial" | "gaussian" | "quasi-poisson" }
/// Interval = { "median": Double, "lower": Double, "upper": Double | null,   // central 90%
///              "note": String | null }   // "not determined by these data (at least 26)" when upper is null
/// Axis  = { "label": String, "unit": String, "scale": "linear" | "date",
///           "timeZoneIdentifier": String?,  // date axes: ticks at local midnights of this zone
///           "minimum": Double?, "maximum": Double?, "includesZero": Bool, "integerTicks": Bool }
/// ```
///
/// On a `date` axis, x values are seconds since 1970-01-01T00:00:00Z. All text is plain
/// (unescaped): a renderer escapes it for its format.
public struct SavedReport: Sendable, Equatable, Codable {
    /// The schema's name.
    public static let schemaName = "inflow-report"
    /// The schema version this library writes and reads.
    public static let currentVersion = 2

    /// Always ``schemaName``.
    public var schema: String
    /// ``currentVersion`` when written by this library.
    public var schemaVersion: Int
    /// The report document.
    public var document: ReportDocument
    /// The forecasts of every projection in the report.
    public var forecasts: [ForecastTable]
    /// Every fit as tables: coefficients, statistics and warnings.
    public var fits: [FitSummary]
    /// How the models were combined, and their weights.
    public var ensemble: EnsembleRecord
    /// The background the fits used, in words.
    public var background: String?
    /// The projection under other knowledge of the pool.
    public var sensitivity: [SensitivityRecord]
    /// The pipeline's forecasts at earlier origins.
    public var retrospective: [RetrospectiveRecord]
    /// The hierarchy of a keyed analysis; `nil` without key columns.
    public var hierarchy: HierarchyRecord?

    /// The ensemble's method and weights.
    public struct EnsembleRecord: Sendable, Equatable, Codable {
        /// How the weights were made.
        public var method: EnsembleMethod
        /// The weight of each model.
        public var weights: [ModelWeight]
        /// How the weights were made: the basis of the method, fallbacks, models left out.
        public var notes: [String]

        /// A record; the arguments are the properties of the same names.
        public init(method: EnsembleMethod, weights: [ModelWeight], notes: [String] = []) {
            self.method = method
            self.weights = weights
            self.notes = notes
        }
    }

    /// One model's ensemble weight.
    public struct ModelWeight: Sendable, Equatable, Codable {
        /// The model.
        public var model: ModelID
        /// Its weight in the ensemble, in [0, 1].
        public var weight: Double
        /// Its mean backtest CRPS, when a backtest made the weights.
        public var backtestCRPS: Double?
        /// The model it was merged into (same predictive distribution), if any.
        public var mergedInto: ModelID?

        /// A weight; the arguments are the properties of the same names.
        public init(model: ModelID, weight: Double, backtestCRPS: Double? = nil, mergedInto: ModelID? = nil) {
            self.model = model
            self.weight = weight
            self.backtestCRPS = backtestCRPS
            self.mergedInto = mergedInto
        }

        enum CodingKeys: String, CodingKey { case model, weight, backtestCRPS, mergedInto }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(model, forKey: .model)
            try container.encode(weight, forKey: .weight)
            try container.encode(backtestCRPS, forKey: .backtestCRPS)
            try container.encode(mergedInto, forKey: .mergedInto)
        }
    }

    /// A central 90% interval of a predictive sample, with the median; an upper end the data do not give is
    /// `nil` and the note says so.
    public struct IntervalRecord: Sendable, Equatable, Codable {
        /// The median.
        public var median: Double
        /// The lower end of the central 90% interval.
        public var lower: Double
        /// The upper end of the central 90% interval; `nil` when the data do not give one.
        public var upper: Double?
        /// Why the upper end is missing, if it is.
        public var note: String?

        /// The record of `summary` for a number of people when `observed` have been counted (a remaining pool
        /// gets an upper end only when the data bound it).
        public init(_ summary: QuantileSummary, observed: Double, bounded: Bool = false) {
            let bound = summary.sizeBound(coverage: 0.9, observed: observed, remaining: bounded)
            let interval = summary.interval(0.9)
            median = summary.median.isFinite ? summary.median : 0
            lower = interval.map { $0.lower.isFinite ? $0.lower : 0 } ?? 0
            if bounded && !bound.isDetermined {
                upper = nil
                note = bound.description
            } else {
                upper = interval.flatMap { $0.upper.isFinite ? $0.upper : nil }
                note = upper == nil ? "not determined by these data" : nil
            }
        }

        enum CodingKeys: String, CodingKey { case median, lower, upper, note }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(median, forKey: .median)
            try container.encode(lower, forKey: .lower)
            try container.encode(upper, forKey: .upper)
            try container.encode(note, forKey: .note)
        }
    }

    /// One row of the sensitivity table.
    public struct SensitivityRecord: Sendable, Equatable, Codable {
        /// The knowledge of the row: people known to be still held at most (`nil`: not stated).
        public var remainingAtMost: Double?
        /// The knowledge of the row: a published final size of at least this many (`nil`: not stated).
        public var finalSizeAtLeast: Double?
        /// Whether the row is the headline's knowledge.
        public var headline: Bool
        /// Whether the row's knowledge is illustrative (not stated by the user or the data).
        public var illustrative: Bool
        /// The days over which ``arrivals`` are counted.
        public var days: Int
        /// Arrivals over the next ``days`` days.
        public var arrivals: IntervalRecord
        /// The people still to come, when the model has a finite pool.
        public var remainingPool: IntervalRecord?

        enum CodingKeys: String, CodingKey {
            case remainingAtMost, finalSizeAtLeast, headline, illustrative, days, arrivals, remainingPool
        }

        /// The record of `row` when `observed` people have been counted.
        public init(_ row: SensitivityRow, observed: Double) {
            remainingAtMost = row.knowledge.remainingAtMost
            finalSizeAtLeast = row.knowledge.finalSizeAtLeast
            headline = row.isHeadline
            illustrative = row.isIllustrative
            days = row.days
            arrivals = IntervalRecord(row.arrivals, observed: observed)
            remainingPool = row.remaining.map { IntervalRecord($0, observed: observed, bounded: true) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(remainingAtMost, forKey: .remainingAtMost)
            try container.encode(finalSizeAtLeast, forKey: .finalSizeAtLeast)
            try container.encode(headline, forKey: .headline)
            try container.encode(illustrative, forKey: .illustrative)
            try container.encode(days, forKey: .days)
            try container.encode(arrivals, forKey: .arrivals)
            try container.encode(remainingPool, forKey: .remainingPool)
        }
    }

    /// The pipeline's ensemble forecasts at one earlier origin.
    public struct RetrospectiveRecord: Sendable, Equatable, Codable {
        /// One scored figure: what was published and what the ensemble had projected for it.
        public struct Figure: Sendable, Equatable, Codable {
            /// The time forecast, as an ISO 8601 date-time.
            public var target: String
            /// Whole days from the origin to the time forecast.
            public var horizon: Int
            /// What was later published.
            public var observed: Double
            /// What the ensemble projected at the origin.
            public var projected: IntervalRecord
        }
        /// The origin (the last report used), as an ISO 8601 date-time.
        public var origin: String
        /// How the ensemble was weighted at that origin.
        public var method: EnsembleMethod
        /// The figures scored.
        public var figures: [Figure]
    }

    /// A saved report; the arguments are the properties of the same names.
    public init(document: ReportDocument, forecasts: [ForecastTable], fits: [FitSummary] = [],
                ensemble: EnsembleRecord = EnsembleRecord(method: .none, weights: []), background: String? = nil,
                sensitivity: [SensitivityRecord] = [], retrospective: [RetrospectiveRecord] = [],
                hierarchy: HierarchyRecord? = nil) {
        self.schema = Self.schemaName
        self.schemaVersion = Self.currentVersion
        self.document = document
        self.forecasts = forecasts
        self.fits = fits
        self.ensemble = ensemble
        self.background = background
        self.sensitivity = sensitivity
        self.retrospective = retrospective
        self.hierarchy = hierarchy
    }

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, document, forecasts, fits, ensemble, background, sensitivity, retrospective, hierarchy
    }

    /// Writes every key, `null` for a missing background or hierarchy.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(document, forKey: .document)
        try container.encode(forecasts, forKey: .forecasts)
        try container.encode(fits, forKey: .fits)
        try container.encode(ensemble, forKey: .ensemble)
        try container.encode(background, forKey: .background)
        try container.encode(sensitivity, forKey: .sensitivity)
        try container.encode(retrospective, forKey: .retrospective)
        try container.encode(hierarchy, forKey: .hierarchy)
    }
}
