import InflowCore
import Foundation

/// The series read from a file, what the loader decided, and what it had to handle.
public struct LoadedData: Sendable {
    /// One series per key (per combination of key column values), in order of first appearance;
    /// one series when there are no key columns. Times ascend.
    public var series: [InflowSeries]
    /// The total over keys, present only when there are key columns: for counts, the sum at each
    /// time over the keys reporting at that time; for cumulative totals, at each time any key
    /// reports, the sum over keys of each key's last total at or before it (keys that have not
    /// reported yet add zero); for levels, the sum at each time as for counts. Its figure kinds:
    /// exact where every part is exact; a lower (upper) bound where some part is a lower (upper)
    /// bound and none the other kind of bound; a sum with both kinds of bound is left out (missing,
    /// with a ``DataWarning/Kind-swift.enum/mixedFigureKinds`` warning); a partial day where a part is a
    /// partial day and none a bound.
    public var total: InflowSeries?
    /// What the loader handled and how, in line order.
    public var warnings: [DataWarning]
    /// The comment lines before the header (sources, definitions), for the report.
    public var provenance: [String]
    /// The background rate the file states in a `# @background: 20..25` directive, if any.
    public var statedBackground: StatedRate?
    /// Each series' key values, one per key column (empty without key columns).
    public var keyValues: [[String]]
    /// The group columns (such as `region`), whose values group the keys.
    public var groupColumns: [String]
    /// Each series' value in each group column.
    public var groupValues: [[String]]
    /// The line of each series' first row (empty without key columns).
    public var keyLines: [Int]
    /// The file's own total (rows whose every key is `Total`), kept for comparison; ``total`` is the keys' sum.
    public var statedTotal: InflowSeries?
    /// The file as named in messages.
    public var file: String
    /// The time column used.
    public var timeColumn: String
    /// The value column used.
    public var valueColumn: String
    /// The key columns used.
    public var keyColumns: [String]
    /// How the values were read.
    public var kind: ObservationKind
    /// When cumulative totals count from (or the common time origin of counts and levels).
    public var origin: Date?
    /// Number of data rows read.
    public var rowCount: Int
    /// The figure-kind column read, if the file has one (each series' ``/InflowCore/InflowSeries/figureKinds`` hold its
    /// figures' kinds either way).
    public var kindColumn: String?

    /// Loaded data.
    public init(
        series: [InflowSeries], total: InflowSeries?, warnings: [DataWarning], provenance: [String], file: String,
        timeColumn: String, valueColumn: String, keyColumns: [String], kind: ObservationKind, origin: Date?,
        rowCount: Int, statedBackground: StatedRate? = nil, keyValues: [[String]]? = nil, groupColumns: [String] = [],
        groupValues: [[String]]? = nil, statedTotal: InflowSeries? = nil, keyLines: [Int]? = nil,
        kindColumn: String? = nil
    ) {
        self.kindColumn = kindColumn
        self.keyLines = keyLines ?? series.map { _ in 0 }
        self.statedBackground = statedBackground
        self.keyValues = keyValues ?? series.map { keyColumns.isEmpty ? [] : [$0.name] }
        self.groupColumns = groupColumns
        self.groupValues = groupValues ?? series.map { _ in [] }
        self.statedTotal = statedTotal
        self.series = series
        self.total = total
        self.warnings = warnings
        self.provenance = provenance
        self.file = file
        self.timeColumn = timeColumn
        self.valueColumn = valueColumn
        self.keyColumns = keyColumns
        self.kind = kind
        self.origin = origin
        self.rowCount = rowCount
    }

    /// The series named `name` (or the total when `name` is its name).
    public func series(named name: String) -> InflowSeries? {
        series.first { $0.name == name } ?? (total?.name == name ? total : nil)
    }
}
