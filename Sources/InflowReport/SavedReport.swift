/// A report saved as JSON: the document and the forecasts, enough to render the report again
/// (HTML, Markdown, CSV) without refitting. Written and read by ``JSONRenderer``.
///
/// ## Schema (`inflow-report`, version 1)
///
/// The file is one UTF-8 JSON object, keys sorted. Numbers that are not finite are the
/// strings `"NaN"`, `"Infinity"` and `"-Infinity"`. Optional fields may be absent.
///
/// ```text
/// {
///   "schema": "inflow-report",            // always this string
///   "schemaVersion": 1,                   // bumped on incompatible changes
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
///     "model": String,                    // "logistic (negative-binomial)", "ensemble"
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
    public static let currentVersion = 1

    /// Always ``schemaName``.
    public var schema: String
    /// ``currentVersion`` when written by this library.
    public var schemaVersion: Int
    /// The report document.
    public var document: ReportDocument
    /// The forecasts of every projection in the report.
    public var forecasts: [ForecastTable]

    public init(document: ReportDocument, forecasts: [ForecastTable]) {
        self.schema = Self.schemaName
        self.schemaVersion = Self.currentVersion
        self.document = document
        self.forecasts = forecasts
    }
}
