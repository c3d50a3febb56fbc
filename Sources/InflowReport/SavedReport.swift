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
///   "ensemble": { "method": "aicc" | "wis" | "none",
///                 "weights": [ { "model": Model, "weight": Double } ] },
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
///     "location": String,                 // hub location: series or key name
///     "role": "headline" | "model" | "key",
///     "referenceDate": "yyyy-MM-dd",      // local date of the last observation
///     "levels": [Double],                 // the 23 hub quantile levels
///     "entries": [ { "target": "inc arrivals" | "cum arrivals" | "remaining pool",
///                    "horizon": Int,      // 1 = first projected day
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

    /// The ensemble's method and weights.
    public struct EnsembleRecord: Sendable, Equatable, Codable {
        /// How the weights were made.
        public var method: EnsembleMethod
        /// The weight of each model.
        public var weights: [ModelWeight]

        public init(method: EnsembleMethod, weights: [ModelWeight]) {
            self.method = method
            self.weights = weights
        }
    }

    /// One model's ensemble weight.
    public struct ModelWeight: Sendable, Equatable, Codable {
        public var model: ModelID
        public var weight: Double

        public init(model: ModelID, weight: Double) {
            self.model = model
            self.weight = weight
        }
    }

    public init(document: ReportDocument, forecasts: [ForecastTable], fits: [FitSummary] = [],
                ensemble: EnsembleRecord = EnsembleRecord(method: .none, weights: [])) {
        self.schema = Self.schemaName
        self.schemaVersion = Self.currentVersion
        self.document = document
        self.forecasts = forecasts
        self.fits = fits
        self.ensemble = ensemble
    }
}
