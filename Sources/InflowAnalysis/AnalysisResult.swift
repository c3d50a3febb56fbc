import InflowData
import InflowModels

/// What ``Analysis/run(_:options:progress:)`` produced: the analysis of the data's total (or its only
/// series), the keys' hierarchy, and the options and data it came from.
public struct AnalysisResult: Sendable {
    /// The data analysed.
    public let data: LoadedData
    /// The options of the run.
    public let options: AnalysisOptions
    /// The analysis of the total over keys, or of the file's only series.
    public let total: SeriesAnalysis
    /// The keys as a hierarchy, every node's coherent forecast (`nil` without key columns, or when the keys
    /// could not be fitted; the warnings say why).
    public let hierarchy: HierarchyAnalysis?
    /// The headline split by province of origin (`nil` unless ``AnalysisOptions/provincial`` is set).
    public let provincial: ProvincialAnalysis?
    /// Everything worth saying, the data's warnings first: the total's warnings, then the keys'.
    public let warnings: [String]

    /// A result.
    public init(data: LoadedData, options: AnalysisOptions, total: SeriesAnalysis, hierarchy: HierarchyAnalysis?,
                provincial: ProvincialAnalysis? = nil, warnings: [String]) {
        self.data = data
        self.options = options
        self.total = total
        self.hierarchy = hierarchy
        self.provincial = provincial
        self.warnings = warnings
    }
}
