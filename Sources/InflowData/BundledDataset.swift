import Foundation

/// A data file that ships with the package, with what it is, where it comes from and how to read it.
///
/// Commands use ``defaultDataset`` when no `--data` is given, so a new user sees a real result at once.
///
/// ```swift
/// let data = try BundledDataset.named("kbri-phnom-penh-2026-01")!.load()
/// let series = data.series[0]   // 8 cumulative totals counted from 2026-01-16T00:00+07:00
/// ```
public struct BundledDataset: Sendable, Identifiable {
    /// The identifier, also the file name without `.csv`: `kbri-phnom-penh-2026-01`.
    public let name: String
    /// A title for reports.
    public let title: String
    /// What the figures are, in a sentence or two.
    public let description: String
    /// The name given to the loaded series when the file has no key columns.
    public let seriesName: String
    /// How to read the file.
    public let options: LoadOptions

    /// The identifier (``name``).
    public var id: String { name }

    /// The file name: ``name`` with `.csv`.
    public var fileName: String { name + ".csv" }

    /// Where the file is, in the module's resource bundle.
    public var url: URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Datasets") else {
            preconditionFailure("the bundled dataset \(fileName) is missing from the InflowData resources")
        }
        return url
    }

    /// The comment lines at the top of the file: sources, definitions and caveats.
    public var provenance: [String] {
        guard let reader = try? CSVReader(contentsOf: url, name: fileName), (try? reader.readHeader()) != nil else {
            return []
        }
        return reader.comments
    }

    /// A dataset description.
    public init(name: String, title: String, description: String, seriesName: String, options: LoadOptions) {
        self.name = name
        self.title = title
        self.description = description
        self.seriesName = seriesName
        self.options = options
    }

    /// Loads the file. Bundled figures are published history, so no time counts as in the future.
    /// - Throws: ``DataError`` (only if the bundle is damaged).
    public func load() throws -> LoadedData {
        var data = try SeriesLoader(options: options, now: .distantFuture).load(contentsOf: url, name: fileName)
        if options.keyColumns.isEmpty, !data.series.isEmpty {
            data.series[0].name = seriesName
        }
        return data
    }

    /// Indonesians reporting to the Indonesian embassy in Phnom Penh after leaving scam compounds,
    /// January 2026: eight published cumulative totals from 2026-01-17 to 2026-01-24, counted from
    /// 2026-01-16T00:00 Phnom Penh time (UTC+7).
    public static let kbriPhnomPenh2026January: BundledDataset = {
        let phnomPenh = TimeZone(secondsFromGMT: 7 * 3600)!
        let valueColumn = "cumulative_since_2026_01_16"
        return BundledDataset(
            name: "kbri-phnom-penh-2026-01",
            title: "Indonesians reporting to the embassy in Phnom Penh, January 2026",
            description: "Cumulative totals of Indonesian nationals reporting to the Indonesian embassy (KBRI) in "
                + "Phnom Penh after leaving online-scam compounds, counted from 2026-01-16, as published by the "
                + "embassy and the Indonesian foreign ministry (8 reports, 2026-01-17 to 2026-01-24, local time UTC+7).",
            seriesName: "KBRI Phnom Penh",
            options: LoadOptions(
                timeColumn: "as_of", valueColumn: valueColumn, kind: .cumulative, timeZone: phnomPenh,
                origin: LoadOptions.origin(forValueColumn: valueColumn, timeZone: phnomPenh)))
    }()

    /// The dataset commands use when no data file is given.
    public static let defaultDataset = kbriPhnomPenh2026January

    /// Every bundled dataset.
    public static let all: [BundledDataset] = [kbriPhnomPenh2026January]

    /// The bundled dataset called `name` (with or without `.csv`), or `nil`.
    public static func named(_ name: String) -> BundledDataset? {
        let bare = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        return all.first { $0.name == bare }
    }
}
