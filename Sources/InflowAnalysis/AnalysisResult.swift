import InflowData
import InflowModels

/// What ``Analysis/run(_:options:progress:)`` produced: the analysis of the data's total (or its only
/// series), each key's projection, and the options and data it came from.
public struct AnalysisResult: Sendable {
    /// The data analysed.
    public let data: LoadedData
    /// The options of the run.
    public let options: AnalysisOptions
    /// The analysis of the total over keys, or of the file's only series.
    public let total: SeriesAnalysis
    /// Each key's projection, in the order of the file (empty without key columns).
    public let keys: [KeyAnalysis]
    /// Everything worth saying, the data's warnings first: the total's warnings, then the keys'.
    public let warnings: [String]

    /// A result.
    public init(data: LoadedData, options: AnalysisOptions, total: SeriesAnalysis, keys: [KeyAnalysis],
                warnings: [String]) {
        self.data = data
        self.options = options
        self.total = total
        self.keys = keys
        self.warnings = warnings
    }
}
