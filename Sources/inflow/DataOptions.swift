import ArgumentParser
import Foundation
import Inflow

/// Where the figures come from and how to read them.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A CSV file, '-' for standard input, or the name of a bundled dataset (see 'inflow datasets').", valueName: "file"))
    var data: String?

    @Option(name: .customLong("time-column"), help: ArgumentHelp(
        "Column with the dates or times (ISO 8601), or plain numbers of days for level data.", valueName: "name"))
    var timeColumn: String?

    @Option(name: .customLong("value-column"), help: ArgumentHelp("Column with the counts or totals.", valueName: "name"))
    var valueColumn: String?

    @Option(name: .customLong("key-column"), help: ArgumentHelp(
        "Column that splits the rows into series (province, nationality, site); repeatable.", valueName: "name"))
    var keyColumns: [String] = []

    @Option(name: .customLong("group-column"), help: ArgumentHelp(
        "Column that groups the keys into larger units (a region over provinces); repeatable.", valueName: "name"))
    var groupColumns: [String] = []

    @Option(name: .customLong("kind-column"), help: ArgumentHelp(
        "Column saying what each figure is: exact, lower_bound (\"more than N\"), upper_bound or partial_day (empty is exact; default: a column named kind or figure_kind).",
        valueName: "name"))
    var kindColumn: String?

    @Option(name: .long, help: ArgumentHelp(
        "How the values were observed: counts per day, cumulative totals, or the level of a curve.", valueName: "kind"))
    var observation: ObservationKind?

    @Option(name: .customLong("max-value"), help: ArgumentHelp(
        "Plausibility limit: the largest count or cumulative total accepted; a larger one is an error naming its line (default 10,000,000).",
        valueName: "n"))
    var maximumValue: Double?

    @Option(name: .customLong("max-span-days"), help: ArgumentHelp(
        "Plausibility limit: the most days between a file's first and last times; a row dated further from the others is an error naming its line (default 3,660).",
        valueName: "days"))
    var maximumSpanDays: Int?

    @Option(name: .customLong("time-zone"), help: ArgumentHelp(
        "Time zone of times without an offset: a UTC offset such as +07:00, or an IANA name such as Asia/Phnom_Penh (default: the dataset's, or UTC).",
        valueName: "zone"))
    var timeZone: String?

    func validate() throws {
        if let maximumValue, !(maximumValue > 0 && maximumValue.isFinite) {
            throw ValidationError("--max-value must be a positive number (got \(maximumValue)).")
        }
        if let maximumSpanDays, maximumSpanDays <= 0 {
            throw ValidationError("--max-span-days must be a positive number of days (got \(maximumSpanDays)).")
        }
        if let timeZone, ParsedTime.timeZone(timeZone) == nil {
            throw ValidationError(
                "--time-zone must be a UTC offset such as +07:00 or -05:30, or an IANA time zone name such as Asia/Phnom_Penh (got '\(timeZone)').")
        }
    }

    /// The bundled dataset named by --data (or the default one when --data is absent).
    /// A file that exists at the path given wins over a bundled dataset of the same name.
    var bundled: BundledDataset? {
        guard let data else { return BundledDataset.defaultDataset }
        if data != "-", FileManager.default.fileExists(atPath: data) { return nil }
        return BundledDataset.named(data)
    }

    /// Whether the figures come from standard input (`--data -`).
    var readsStandardInput: Bool { data == "-" }

    /// The file to read: the bundled dataset's or --data's (`/dev/stdin` for `-`).
    var url: URL {
        if let bundled { return bundled.url }
        return URL(fileURLWithPath: readsStandardInput ? "/dev/stdin" : data!)
    }

    /// The input's name in messages: the bundled file's, `stdin`, or the path as given.
    var messageName: String {
        if let bundled { return bundled.fileName }
        return readsStandardInput ? "stdin" : data!
    }

    /// A reader of the input, for reading it one key at a time.
    func reader() throws -> CSVReader {
        if bundled == nil, !readsStandardInput, !FileManager.default.fileExists(atPath: url.path) {
            throw CommandFailure("--data: no file or bundled dataset named '\(data ?? "")'; 'inflow datasets' lists the bundled ones.")
        }
        do {
            return try CSVReader(contentsOf: url, name: messageName)
        } catch let error as DataError {
            throw CommandHints.failure(error)
        }
    }

    /// Reading options: the bundled dataset's, overridden by flags.
    var loadOptions: LoadOptions {
        var options = bundled?.options ?? LoadOptions()
        if let timeColumn { options.timeColumn = timeColumn }
        if let valueColumn { options.valueColumn = valueColumn }
        if !keyColumns.isEmpty { options.keyColumns = keyColumns }
        if !groupColumns.isEmpty { options.groupColumns = groupColumns }
        if let kindColumn { options.kindColumn = kindColumn }
        if let observation { options.kind = observation }
        if let timeZone, let zone = ParsedTime.timeZone(timeZone) { options.timeZone = zone }
        if let maximumValue { options.maximumValue = maximumValue }
        if let maximumSpanDays { options.maximumSpanDays = maximumSpanDays }
        if observation == .level && options.dayNumbers == nil { options.dayNumbers = nil }
        return options
    }

    /// A name for the data in messages and reports.
    var displayName: String { bundled?.name ?? data ?? "data" }

    /// Loads the data, or throws a `DataError` that names file, line and column.
    func load() throws -> LoadedData {
        if let bundled, data == nil || data == bundled.name {
            var loaded = try bundled.load()
            if !keyColumns.isEmpty || !groupColumns.isEmpty || timeColumn != nil || valueColumn != nil || observation != nil
                || kindColumn != nil {
                loaded = try SeriesLoader(options: loadOptions).load(contentsOf: bundled.url, name: bundled.fileName)
            }
            return loaded
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure("--data: no file or bundled dataset named '\(data ?? "")'; 'inflow datasets' lists the bundled ones.")
        }
        do {
            return try SeriesLoader(options: loadOptions).load(contentsOf: url, name: messageName)
        } catch let error as DataError {
            throw CommandHints.failure(error)
        }
    }
}

extension ObservationKind: ExpressibleByArgument {}
