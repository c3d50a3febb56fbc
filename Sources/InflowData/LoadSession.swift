import InflowCore
import Foundation

/// One pass over a CSV file that turns rows into series: resolves the columns, parses and checks
/// every row, and aggregates by key and time while streaming.
///
/// In throwing mode the first error is thrown (``SeriesLoader``); in collecting mode every error is
/// recorded and reading goes on (``DataCheck``). Memory is bounded by the number of distinct
/// (key, time) pairs plus a cache of at most ``timeCacheLimit`` parsed time strings.
final class LoadSession {
    /// A parsed time field.
    struct TimeValue {
        var date: Date
        var dateOnly: Bool
        var day: Int
    }

    /// Rows read before the value column and day numbers are detected.
    static let detectionRows = 100
    /// At most this many distinct time strings are cached; the cache is emptied when full.
    static let timeCacheLimit = 10_000
    static let dateExample = "expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"

    let options: LoadOptions
    let now: Date
    let file: String
    let collecting: Bool
    let maximumIssues: Int

    private(set) var issues: [DataIssue] = []
    private(set) var omittedIssues = 0
    private(set) var omittedErrors = 0
    private(set) var warnings: [DataWarning] = []
    private(set) var errorCount = 0

    private var names: [String] = []
    private var width = 0
    private var timeIndex = 0
    private var valueIndex = 0
    private var keyIndexes: [Int] = []
    /// The figure-kind column, if the file has one.
    private var kindIndex: Int?
    /// Rows with a value by figure kind, and the inexact rows (for ``DataCheck``).
    private(set) var figureCounts: [FigureKind: Int] = [:]
    private(set) var inexactRows: [FigureSummary.Row] = []
    private(set) var omittedInexactRows = 0
    private var kind = ObservationKind.counts
    private var origin: Date?
    private var dayNumbers = false
    private var dateOnlySecond = 0.0
    private let today: Int

    private var keyLookup: [String: Int] = [:]
    private var groups: [KeyAccumulator] = []
    private var timeCache: [String: TimeValue] = [:]
    private var lastTime: (text: String, value: TimeValue)?
    private var lastGroup: KeyAccumulator?
    private var rowCount = 0
    private var duplicateRows = 0
    private var firstDuplicate: (line: Int, earlierLine: Int)?
    private var statedBackground: StatedRate?
    private var groupIndexes: [Int] = []
    /// The file's own total (rows whose every key is `Total` or `All`): kept apart and checked against the sum.
    private var fileTotal: KeyAccumulator?
    /// The first row dated before an earlier row of its series: its line, the earlier row's, the series.
    private var firstUnsorted: (line: Int, earlierLine: Int, key: String)?
    private var subtotalWarned = Set<String>()
    /// The first time with a clock time and no UTC offset, read as UTC because no time zone was given.
    private var firstTimeReadAsUTC: (line: Int, text: String)?

    init(options: LoadOptions, now: Date, file: String, collecting: Bool, maximumIssues: Int = .max) {
        self.options = options
        self.now = now
        self.file = file
        self.collecting = collecting
        self.maximumIssues = maximumIssues
        self.today = TimeText.day(of: now, in: options.timeZone)
    }

    // MARK: - Reporting

    /// Throws `error` (throwing mode) or records it (collecting mode).
    private func report(_ error: DataError) throws {
        errorCount += 1
        guard collecting else { throw error }
        if issues.count < maximumIssues {
            issues.append(DataIssue(error))
        } else {
            omittedIssues += 1
            omittedErrors += 1
        }
    }

    private func warn(_ warning: DataWarning) {
        warnings.append(warning)
    }

    private func drain(_ reader: some RecordSource) throws {
        guard !reader.recoveredErrors.isEmpty else { return }
        for error in reader.removeRecoveredErrors() { try report(error) }
    }

    // MARK: - Reading

    /// Reads the whole input. Returns the data, or `nil` in collecting mode when errors stopped it
    /// from being built.
    func run(_ reader: some RecordSource) throws -> LoadedData? {
        do {
            return try read(reader)
        } catch let error as DataError where collecting {
            // Problems the reader recovered from before the one that stopped it come first.
            try drain(reader)
            try report(error)
            return nil
        }
    }

    private func read(_ reader: some RecordSource) throws -> LoadedData? {
        let header = try reader.readHeader()
        try drain(reader)
        try readDirectives(reader)
        names = header.fields.map { LoadSession.trimmed($0) }
        width = names.count
        try checkDuplicateNames(line: header.line)

        guard let time = try resolveTimeColumn(line: header.line) else { return nil }
        timeIndex = time
        keyIndexes = []
        for key in options.keyColumns {
            guard let index = try resolveNamed(key, role: .key, line: header.line) else { return nil }
            keyIndexes.append(index)
        }
        groupIndexes = []
        for column in options.groupColumns {
            guard let index = try resolveNamed(column, role: .group, line: header.line) else { return nil }
            groupIndexes.append(index)
        }

        if let name = options.kindColumn {
            guard let index = try resolveNamed(name, role: .figureKind, line: header.line) else { return nil }
            kindIndex = index
        } else {
            let excluded = Set([timeIndex] + keyIndexes + groupIndexes)
            kindIndex = names.indices.first { index in
                !excluded.contains(index) && LoadOptions.kindColumnNames.contains(names[index].lowercased())
            }
        }

        var buffered: [CSVRecord] = []
        while buffered.count < LoadSession.detectionRows, let record = try reader.next() {
            buffered.append(record)
        }
        if buffered.isEmpty {
            try drain(reader)
            try report(DataError(.noRows, file: file, line: header.line,
                                 message: "the file has a header but no rows; expected one row of figures per time"))
            return nil
        }
        guard let value = try resolveValueColumn(line: header.line, rows: buffered) else {
            try drain(reader)
            return nil
        }
        valueIndex = value
        kind = options.kind ?? LoadOptions.kind(forValueColumn: names[valueIndex])
        origin = options.origin
            ?? (kind == .cumulative ? LoadOptions.origin(forValueColumn: names[valueIndex], timeZone: options.timeZone) : nil)
        dayNumbers = options.dayNumbers ?? detectDayNumbers(buffered)
        dateOnlySecond = kind == .cumulative ? 23 * 3600 + 59 * 60 : 0
        if keyIndexes.isEmpty {
            groups = [KeyAccumulator(name: LoadSession.baseName(file))]
        }

        // The buffered records were read before the reader's repaired errors were drained, so
        // drain first: the errors of those lines come before the row checks of the same lines.
        try drain(reader)
        for record in buffered {
            try process(record.fields, line: record.line)
        }
        buffered = []
        var fields: [String] = []
        while let line = try reader.readRecord(into: &fields) {
            try drain(reader)
            try process(fields, line: line)
        }
        try drain(reader)
        return try finish(reader)
    }

    // MARK: - Columns

    /// The first ``listedColumns`` column names, quoted, then how many more.
    private var columnList: String {
        let listed = names.prefix(Self.listedColumns).map { "\"\(LoadSession.quoted($0, limit: Self.listedNameLength))\"" }
            .joined(separator: ", ")
        return names.count > Self.listedColumns
            ? "\(listed) and \(NumberText.grouped(Double(names.count - Self.listedColumns))) more" : listed
    }

    /// Usable observations the default models need (a three-parameter curve, NB2's dispersion and an
    /// estimated background); fewer is warned about, since `project` will fail without more knowledge.
    static let observationsForDefaultModels = 5

    /// Column names listed in a message at most, and the characters shown of each.
    static let listedColumns = 6
    static let listedNameLength = 40

    private func checkDuplicateNames(line: Int) throws {
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                try report(DataError(
                    .duplicateColumn, file: file, line: line, column: index + 1,
                    message: "column name \"\(LoadSession.quoted(name))\" appears twice (columns \(first + 1) and \(index + 1)); expected each column name once"))
            } else {
                seen[name] = index
            }
        }
    }

    /// The index of the column named `name` (exact match first, then ignoring case).
    private func index(of name: String) -> Int? {
        let wanted = LoadSession.trimmed(name)
        if let index = names.firstIndex(of: wanted) { return index }
        let lower = wanted.lowercased()
        return names.firstIndex { $0.lowercased() == lower }
    }

    private func resolveNamed(_ name: String, role: DataError.ColumnRole, line: Int) throws -> Int? {
        if let index = index(of: name) { return index }
        try report(DataError(
            .missingColumn, file: file, line: line,
            message: "no column named \"\(LoadSession.quoted(name))\"; the columns are \(columnList); name the \(role.rawValue) column\(role.namingSuffix)",
            columnRole: role))
        return nil
    }

    private func resolveTimeColumn(line: Int) throws -> Int? {
        if let name = options.timeColumn {
            return try resolveNamed(name, role: .time, line: line)
        }
        let keyNames = Set(options.keyColumns.map { LoadSession.trimmed($0).lowercased() })
        if let index = names.firstIndex(where: { name in
            let lower = name.lowercased()
            return !keyNames.contains(lower) && LoadOptions.timeColumnMarkers.contains { lower.contains($0) }
        }) {
            return index
        }
        let markers = LoadOptions.timeColumnMarkers.map { "\"\($0)\"" }
        let listed = markers.dropLast().joined(separator: ", ") + " or " + markers.last!
        try report(DataError(
            .missingColumn, file: file, line: line,
            message: "no time column: no column name contains \(listed); the columns are \(columnList); name the time column\(DataError.ColumnRole.time.namingSuffix)",
            columnRole: .time))
        return nil
    }

    private func resolveValueColumn(line: Int, rows: [CSVRecord]) throws -> Int? {
        if let name = options.valueColumn {
            return try resolveNamed(name, role: .value, line: line)
        }
        let excluded = Set([timeIndex] + keyIndexes + (kindIndex.map { [$0] } ?? []))
        let complete = rows.filter { $0.count == width }
        for index in 0..<width where !excluded.contains(index) {
            // Numeric when at least half of the values present are numbers, so that a typo in a
            // column of figures gets its own message instead of hiding the column.
            var numbers = 0
            var others = 0
            for record in complete {
                switch LoadSession.parseValue(record.fields[index]) {
                case .number: numbers += 1
                case .missing: break
                case .invalid: others += 1
                }
            }
            if numbers > 0 && numbers >= others { return index }
        }
        try report(DataError(
            .missingColumn, file: file, line: line,
            message: "no column of numbers besides \(keyIndexes.isEmpty ? "the time column" : "the time and key columns"); the columns are \(columnList); name the value column\(DataError.ColumnRole.value.namingSuffix)",
            columnRole: .value))
        return nil
    }

    /// Plain numbers in the first non-empty time field mean day numbers.
    private func detectDayNumbers(_ rows: [CSVRecord]) -> Bool {
        for record in rows where record.count == width {
            let text = LoadSession.trimmed(record.fields[timeIndex])
            if text.isEmpty { continue }
            return LoadSession.isPlainNumber(text)
        }
        return false
    }

    // MARK: - Rows

    private func process(_ fields: [String], line: Int) throws {
        guard fields.count == width else {
            if fields.count > width {
                try report(DataError(
                    .fieldCount, file: file, line: line, column: width + 1,
                    message: "\(fields.count) fields; expected \(width) as in the header (a value containing a comma must be in double quotes)"))
            } else {
                try report(DataError(
                    .fieldCount, file: file, line: line,
                    message: "\(fields.count) field\(fields.count == 1 ? "" : "s"); expected \(width) as in the header"))
            }
            return
        }
        rowCount += 1
        let timeText = LoadSession.trimmed(fields[timeIndex])
        guard let time = try parseTime(timeText, line: line) else { return }

        let valueText = fields[valueIndex]
        let value: Double?
        switch LoadSession.parseValue(valueText) {
        case .missing:
            value = nil
        case .number(let number):
            value = number
        case .invalid:
            let shown = LoadSession.trimmed(valueText)
            let expected = shown.contains(",")
                ? "expected digits without thousands separators, such as 1440"
                : "expected a number such as 243 or 1440.5, or an empty field for a missing value"
            try report(DataError(.invalidNumber, file: file, line: line, column: valueIndex + 1,
                                 message: "\"\(LoadSession.quoted(shown))\" is not a number; \(expected)"))
            return
        }
        if let value, value < 0, kind != .level {
            let what = kind == .counts ? "count" : "cumulative total"
            try report(DataError(.negativeValue, file: file, line: line, column: valueIndex + 1,
                                 message: "negative \(what) \(NumberText.text(value)); expected zero or more arrivals"))
            return
        }
        if let value, kind != .level, value > options.maximumValue {
            let what = kind == .counts ? "count" : "cumulative total"
            try report(DataError(.implausibleValue, file: file, line: line, column: valueIndex + 1,
                                 message: "\(what) \(NumberText.text(value)) is above the plausibility limit of \(NumberText.grouped(options.maximumValue)) arrivals; expected a number of people"))
            return
        }
        guard let figure = try figureKind(fields, time: time, timeText: timeText, value: value, line: line) else { return }

        let group: KeyAccumulator
        if keyIndexes.isEmpty {
            group = groups[0]
        } else {
            let keyValues = keyIndexes.map { LoadSession.trimmed(fields[$0]) }
            let key = keyValues.joined(separator: " / ")
            let totals = keyValues.map { LoadSession.totalWords.contains($0.lowercased()) }
            if totals.allSatisfy({ $0 }) {
                // The file's own total: kept apart from the keys, checked against their sum at the end.
                if fileTotal == nil { fileTotal = KeyAccumulator(name: key, keyValues: keyValues) }
                group = fileTotal!
            } else if let last = lastGroup, last.name == key {
                group = last
            } else if let index = keyLookup[key] {
                group = groups[index]
            } else {
                group = KeyAccumulator(name: key, keyValues: keyValues)
                group.groupValues = groupIndexes.map { LoadSession.trimmed(fields[$0]) }
                group.groupLine = line
                keyLookup[key] = groups.count
                groups.append(group)
                if totals.contains(true), subtotalWarned.insert(key).inserted {
                    warn(DataWarning(.subtotalKey, file: file, line: line, column: keyIndexes[totals.firstIndex(of: true)!] + 1,
                                     message: "key \"\(Self.quoted(key))\" looks like a subtotal; it is read as a key of its own (only rows whose every key is Total are the file's total)"))
                }
            }
            if group !== fileTotal {
                for (position, index) in groupIndexes.enumerated() {
                    let value = LoadSession.trimmed(fields[index])
                    if value != group.groupValues[position] {
                        try report(DataError(
                            .inconsistentGroup, file: file, line: line, column: index + 1,
                            message: "key \"\(Self.quoted(key))\" has \(names[index]) \"\(Self.quoted(value))\" here and \"\(Self.quoted(group.groupValues[position]))\" on line \(group.groupLine); expected one \(names[index]) per key"))
                        return
                    }
                }
                lastGroup = group
            }
        }

        let (position, found) = group.position(of: time.date)
        if found {
            let existing = group.rows[position].entry
            if kind == .counts {
                var merged = existing
                if let value {
                    guard let summed = existing.value == nil ? figure : Self.combined([existing.figure, figure]) else {
                        try report(DataError(.invalidFigureKind, file: file, line: line, column: kindIndex.map { $0 + 1 },
                                             message: "this \(figure.rawValue) count is added to the \(existing.figure.rawValue) count of line \(existing.line) (same time\(keyIndexes.isEmpty ? "" : " and key")), and a sum of a lower and an upper bound is neither; expected one bound kind per time"))
                        return
                    }
                    merged.figure = summed
                    merged.value = (existing.value ?? 0) + value
                    countFigure(figure, line: line, key: keyIndexes.isEmpty ? "" : group.name, time: timeText, value: value)
                }
                if let sum = merged.value, sum > options.maximumValue {
                    try report(DataError(.implausibleValue, file: file, line: line, column: valueIndex + 1,
                                         message: "the counts of this time\(keyIndexes.isEmpty ? "" : " and key") add up to \(NumberText.text(sum)) with line \(existing.line), above the plausibility limit of \(NumberText.grouped(options.maximumValue)) arrivals; expected a number of people"))
                    return
                }
                group.rows[position].entry = merged
                duplicateRows += 1
                if firstDuplicate == nil { firstDuplicate = (line, existing.line) }
            } else {
                let forKey = keyIndexes.isEmpty ? "" : " for \"\(Self.quoted(group.name))\""
                let rule = keyIndexes.isEmpty ? "one row per time" : "one row per time and key"
                try report(DataError(
                    .duplicateTime, file: file, line: line, column: timeIndex + 1,
                    message: "time \(timeText)\(forKey) appears again (first on line \(existing.line)); expected \(rule)"))
            }
            return
        }
        group.rows.insert((time.date, KeyAccumulator.Entry(value: value, line: line, dateOnly: time.dateOnly, day: time.day,
                                                           figure: figure)),
                          at: position)
        if let value { countFigure(figure, line: line, key: keyIndexes.isEmpty ? "" : group.name, time: timeText, value: value) }
        if let latest = group.latest, time.date < latest.date {
            if firstUnsorted == nil { firstUnsorted = (line, latest.line, group.name) }
        } else {
            group.latest = (time.date, line)
        }
    }

    /// The figure kind of a row (exact without a kind column), or `nil` after reporting a problem: an unknown
    /// spelling, a `partial_day` without a time of day, a bound in a level series or without a value.
    private func figureKind(_ fields: [String], time: TimeValue, timeText: String, value: Double?, line: Int) throws -> FigureKind? {
        guard let kindIndex else { return .exact }
        let text = LoadSession.trimmed(fields[kindIndex])
        if text.isEmpty { return .exact }
        guard let figure = FigureKind(rawValue: text) ?? FigureKind(rawValue: text.lowercased()) else {
            let spellings = FigureKind.spellings
            let expected = spellings.dropLast().joined(separator: ", ") + " or " + spellings.last!
            try report(DataError(.invalidFigureKind, file: file, line: line, column: kindIndex + 1,
                                 message: "\"\(LoadSession.quoted(text))\" is not a figure kind; expected \(expected) (empty is exact)"))
            return nil
        }
        if figure == .partialDay && time.dateOnly {
            try report(DataError(.invalidFigureKind, file: file, line: line, column: timeIndex + 1,
                                 message: "partial_day figure at \(timeText) has no time of day; expected the time the figure counts up to, such as \(timeText)T17:00"))
            return nil
        }
        if figure.isBound && kind == .level {
            try report(DataError(.invalidFigureKind, file: file, line: line, column: kindIndex + 1,
                                 message: "\(figure.rawValue) in a level series: bounds need a count likelihood; expected exact or partial_day, or read the values as counts or cumulative totals (LoadOptions.kind)"))
            return nil
        }
        if figure.isBound && value == nil {
            try report(DataError(.invalidFigureKind, file: file, line: line, column: valueIndex + 1,
                                 message: "\(figure.rawValue) without a value; expected the bound's number, such as 3100 for \"more than 3,100\""))
            return nil
        }
        return figure
    }

    /// Counts a row's figure for the summary of ``DataCheck``.
    private func countFigure(_ figure: FigureKind, line: Int, key: String, time: String, value: Double) {
        figureCounts[figure, default: 0] += 1
        guard figure != .exact, kindIndex != nil else { return }
        if inexactRows.count < FigureSummary.listedRows {
            inexactRows.append(FigureSummary.Row(line: line, key: key, time: time, value: value, kind: figure))
        } else {
            omittedInexactRows += 1
        }
    }

    /// The figure summary, when the file has a figure-kind column.
    var figureSummary: FigureSummary? {
        guard let kindIndex else { return nil }
        var counts = figureCounts
        for kind in FigureKind.allCases where counts[kind] == nil { counts[kind] = 0 }
        return FigureSummary(kindColumn: names[kindIndex], counts: counts,
                             inexactRows: inexactRows.sorted { $0.line < $1.line }, omittedRows: omittedInexactRows)
    }

    /// The kind of a sum of figures of these kinds (the keys' figures at one time, or counts of one time added
    /// together): exact parts do not change a bound, so a sum with lower bounds (and no upper bound) is a lower
    /// bound, one with upper bounds (and no lower bound) an upper bound; a partial day among exact parts makes a
    /// partial day; `nil` when lower and upper bounds are mixed (the sum is neither).
    static func combined(_ kinds: some Sequence<FigureKind>) -> FigureKind? {
        var lower = false, upper = false, partial = false
        for kind in kinds {
            switch kind {
            case .exact: break
            case .lowerBound: lower = true
            case .upperBound: upper = true
            case .partialDay: partial = true
            }
        }
        if lower && upper { return nil }
        if lower { return .lowerBound }
        if upper { return .upperBound }
        return partial ? .partialDay : .exact
    }

    private func parseTime(_ text: String, line: Int) throws -> TimeValue? {
        // Long files often list every key for one time before the next: try the last time first.
        if let last = lastTime, last.text == text { return last.value }
        if let cached = timeCache[text] {
            lastTime = (text, cached)
            return cached
        }
        let column = timeIndex + 1
        if text.isEmpty {
            let expected = dayNumbers ? "expected a plain number of days such as 12 or 12.5" : LoadSession.dateExample
            try report(DataError(.invalidTime, file: file, line: line, column: column,
                                 message: "the \(dayNumbers ? "day number" : "date") is empty; \(expected)"))
            return nil
        }
        let value: TimeValue
        if dayNumbers {
            guard LoadSession.isPlainNumber(text), let days = Double(text), (days * InflowSeries.secondsPerDay).isFinite else {
                try report(DataError(.invalidTime, file: file, line: line, column: column,
                                     message: "\"\(LoadSession.quoted(text))\" is not a number of days; expected a plain number such as 12 or 12.5"))
                return nil
            }
            value = TimeValue(date: Date(timeIntervalSince1970: days * InflowSeries.secondsPerDay), dateOnly: false, day: 0)
        } else {
            guard let parsed = ParsedTime(text) else {
                try report(DataError(.invalidTime, file: file, line: line, column: column,
                                     message: "\"\(LoadSession.quoted(text))\" is not a date; \(LoadSession.dateExample)"))
                return nil
            }
            value = TimeValue(date: parsed.date(in: options.timeZone, dateOnlySecond: dateOnlySecond),
                              dateOnly: parsed.dateOnly, day: parsed.day)
            if parsed.offset == nil, !parsed.dateOnly, options.givenTimeZone == nil, firstTimeReadAsUTC == nil {
                firstTimeReadAsUTC = (line, text)
            }
            let future = parsed.dateOnly ? parsed.day > today : value.date > now
            if future {
                let nowText = TimeText.text(now, in: options.timeZone, withOffset: true)
                try report(DataError(.futureTime, file: file, line: line, column: column,
                                     message: "\(text) is in the future (now is \(nowText)); expected times up to now"))
                return nil
            }
        }
        if timeCache.count >= LoadSession.timeCacheLimit { timeCache.removeAll(keepingCapacity: true) }
        timeCache[text] = value
        lastTime = (text, value)
        return value
    }

    // MARK: - Values

    enum ParsedValue {
        case missing
        case number(Double)
        case invalid
    }

    static let missingMarkers: Set<String> = ["na", "n/a", "null"]

    static func parseValue(_ raw: String) -> ParsedValue {
        let text = trimmed(raw)
        if text.isEmpty { return .missing }
        if isDecimalNumber(text), let number = Double(text), number.isFinite { return .number(number) }
        if text.utf8.count <= 4, missingMarkers.contains(text.lowercased()) { return .missing }
        return .invalid
    }

    /// A whole field that is a decimal number: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`,
    /// nothing else. `Double(_:)` alone would stop at a NUL byte (reading `9<NUL>7` as 9) and accepts `inf`,
    /// `nan` and hexadecimal.
    static func isDecimalNumber(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var next = bytes.next()
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { next = bytes.next() }
        var mantissaDigits = 0
        while isDigit(next) { mantissaDigits += 1; next = bytes.next() }
        if next == UInt8(ascii: ".") {
            next = bytes.next()
            while isDigit(next) { mantissaDigits += 1; next = bytes.next() }
        }
        guard mantissaDigits > 0 else { return false }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            next = bytes.next()
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { next = bytes.next() }
            var exponentDigits = 0
            while isDigit(next) { exponentDigits += 1; next = bytes.next() }
            guard exponentDigits > 0 else { return false }
        }
        return next == nil
    }

    /// `12`, `-3`, `12.5`: digits with an optional sign and decimal point, nothing else.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var points = 0
        for (offset, byte) in text.utf8.enumerated() {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else if offset == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) {
                continue
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// `text` without leading and trailing spaces and tabs (cheap when there are none).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.isEmpty { return text }
        let first = utf8[utf8.startIndex]
        let last = utf8[utf8.index(before: utf8.endIndex)]
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The file name without directories and extension.
    static func baseName(_ file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { return String(last[..<dot]) }
        return last
    }

    // MARK: - Series

    private func label(_ date: Date, _ entry: KeyAccumulator.Entry) -> String {
        if dayNumbers { return "day \(NumberText.text(date.timeIntervalSince1970 / InflowSeries.secondsPerDay))" }
        return TimeText.text(date, in: options.timeZone, dateOnly: entry.dateOnly)
    }

    private func finish(_ reader: some RecordSource) throws -> LoadedData? {
        let forKey: (KeyAccumulator) -> String = { [keyIndexes] group in
            keyIndexes.isEmpty ? "" : " for \"\(Self.quoted(group.name))\""
        }
        let sortedGroups = groups.map { $0.sorted() }
        let plausibleTimes = try checkTimes(sortedGroups + [fileTotal?.sorted() ?? []])
        for (group, sorted) in zip(groups, sortedGroups) {
            if kind == .cumulative { checkDecreasing(sorted, forKey: forKey(group)) }
            if kind == .counts && !dayNumbers && options.periodLength == 1 && plausibleTimes {
                checkGaps(sorted, forKey: forKey(group))
            }
        }
        if let firstUnsorted {
            let forKey = keyIndexes.isEmpty ? "" : " of \"\(Self.quoted(firstUnsorted.key))\""
            warn(DataWarning(
                .unsortedRows, file: file, line: firstUnsorted.line, column: timeIndex + 1,
                message: "rows\(forKey) are not in time order (this row is dated before line \(firstUnsorted.earlierLine)); they are read in time order"))
        }
        if let firstTimeReadAsUTC {
            let mention = ZoneMention.first(in: reader.comments, lines: reader.commentLines)
                .map { "; the file's comments mention \($0.text) (line \($0.line)), which is not applied" } ?? ""
            warn(DataWarning(
                .timesReadAsUTC, file: file, line: firstTimeReadAsUTC.line, column: timeIndex + 1,
                message: "times without a UTC offset (the first: \(Self.quoted(firstTimeReadAsUTC.text))) are read as UTC because no time zone was given\(mention); \(DataWarning.timeZoneAdvice)"))
        }
        if duplicateRows > 0, let firstDuplicate {
            let what = keyIndexes.isEmpty ? "the time" : "the time and key"
            let rows = duplicateRows == 1 ? "1 row repeats" : "\(duplicateRows) rows repeat"
            warn(DataWarning(
                .summedDuplicates, file: file, line: firstDuplicate.line, column: timeIndex + 1,
                message: "\(rows) \(what) of an earlier row (the first on line \(firstDuplicate.line) repeats line \(firstDuplicate.earlierLine)); their counts are added together"))
        }
        warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        guard errorCount == 0 else { return nil }

        let epoch = Date(timeIntervalSince1970: 0)
        let seriesOrigin: Date?
        if dayNumbers {
            seriesOrigin = origin ?? epoch
        } else if kind == .cumulative {
            seriesOrigin = origin
        } else {
            seriesOrigin = origin ?? sortedGroups.compactMap { $0.first?.date }.min()
        }
        var series: [InflowSeries] = []
        for (group, sorted) in zip(groups, sortedGroups) {
            var one = InflowSeries(
                name: group.name, kind: kind, origin: seriesOrigin,
                times: sorted.map(\.date), values: sorted.map(\.entry.value), periodLength: options.periodLength,
                timeZone: options.timeZone)
            one.figureKinds = sorted.map(\.entry.figure)
            series.append(one)
        }
        var total: InflowSeries?
        var statedTotal: InflowSeries?
        if !keyIndexes.isEmpty {
            checkProvinces(groups, names: names)
            checkSparseKeys(groups, sortedGroups)
            let (times, values, figures) = kind == .cumulative ? cumulativeTotal(sortedGroups) : summedTotal(sortedGroups)
            total = InflowSeries(name: "Total", kind: kind, origin: seriesOrigin, times: times, values: values,
                                 periodLength: options.periodLength, timeZone: options.timeZone)
            total?.figureKinds = figures
            if let fileTotal {
                let sorted = fileTotal.sorted()
                statedTotal = InflowSeries(name: "Total (as stated in the file)", kind: kind, origin: seriesOrigin,
                                           times: sorted.map(\.date), values: sorted.map(\.entry.value),
                                           periodLength: options.periodLength, timeZone: options.timeZone)
                statedTotal?.figureKinds = sorted.map(\.entry.figure)
                compareTotals(stated: sorted, summed: Dictionary(zip(times, values), uniquingKeysWith: { a, _ in a }))
            }
        }
        if let fitted = total ?? series.first, kind != .level {
            let usable = fitted.prepared().count
            if usable < Self.observationsForDefaultModels {
                let lastLine = sortedGroups.flatMap { $0.map(\.entry.line) }.max()
                warn(DataWarning(
                    .fewObservations, file: file, line: lastLine, column: valueIndex + 1,
                    message: "only \(usable) usable observation\(usable == 1 ? "" : "s")\(keyIndexes.isEmpty ? "" : " of the total"): the default models have 4 or 5 parameters (a curve, negative binomial dispersion, and the background unless it is stated), so a projection needs more figures, a stated background or fixed parameters"))
            }
        }
        warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return LoadedData(
            series: series, total: total, warnings: warnings, provenance: reader.comments, file: file,
            timeColumn: names[timeIndex], valueColumn: names[valueIndex], keyColumns: keyIndexes.map { names[$0] },
            kind: kind, origin: seriesOrigin, rowCount: rowCount, statedBackground: statedBackground,
            keyValues: groups.map(\.keyValues), groupColumns: groupIndexes.map { names[$0] },
            groupValues: groups.map(\.groupValues), statedTotal: statedTotal, keyLines: groups.map(\.groupLine),
            kindColumn: kindIndex.map { names[$0] })
    }

    /// The directives among the comments before the header: `@background: RATE` or `@background: LOW..HIGH`
    /// (arrivals per day unrelated to the surge; text after the value is its note). An unknown directive or
    /// an invalid value is an error naming its line.
    private func readDirectives(_ reader: some RecordSource) throws {
        for (text, line) in zip(reader.comments, reader.commentLines) where text.hasPrefix("@") {
            guard let colon = text.firstIndex(of: ":") else {
                try report(DataError(.invalidDirective, file: file, line: line, column: 1,
                                     message: "\"\(Self.quoted(text))\" is not a directive; expected '# @background: 20..25' (arrivals per day before the surge)"))
                continue
            }
            let name = text[text.index(after: text.startIndex)..<colon].trimmingCharacters(in: .whitespaces)
            guard name == "background" else {
                try report(DataError(.invalidDirective, file: file, line: line, column: 1,
                                     message: "unknown directive '@\(Self.quoted(name))'; the directive this reader knows is '@background: RATE' or '@background: LOW..HIGH' (arrivals per day)"))
                continue
            }
            guard let rate = StatedRate.parse(text[text.index(after: colon)...], line: line) else {
                try report(DataError(.invalidDirective, file: file, line: line, column: 1,
                                     message: "@background takes a rate of at least 0 per day or a range LOW..HIGH such as 20..25 (got \"\(Self.quoted(String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))\")"))
                continue
            }
            statedBackground = rate
        }
    }

    /// At most `limit` characters of `text`, for messages, with control characters made visible (`\0`, `\t`,
    /// `\u{1B}`) before the cut, so that a NUL or an escape sequence in a field can be seen, cannot garble a
    /// terminal, and cannot make the message longer than the limit.
    static func quoted(_ text: some StringProtocol, limit: Int = 80) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\0": result += "\\0"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            // Stop early on a long field: a few characters past the limit are enough to know it is cut.
            if result.count > limit + 8 { break }
        }
        return result.count <= limit ? result : String(result.prefix(limit - 3)) + "..."
    }

    private func checkDecreasing(_ sorted: [(date: Date, entry: KeyAccumulator.Entry)], forKey: String) {
        var previous: (date: Date, entry: KeyAccumulator.Entry, value: Double)?
        for (date, entry) in sorted {
            guard let value = entry.value else { continue }
            if let previous, value < previous.value {
                warn(DataWarning(
                    .decreasingCumulative, file: file, line: entry.line, column: valueIndex + 1,
                    message: "cumulative total \(NumberText.text(value))\(forKey) at \(label(date, entry)) is below the previous total \(NumberText.text(previous.value)) at \(label(previous.date, previous.entry)) (line \(previous.entry.line)); kept as published: the fit reads the lower total as a correction of the earlier ones"))
            }
            previous = (date, entry, value)
        }
    }

    /// Errors for times that cannot belong with the others: cumulative totals dated before the origin they
    /// count from, and, when the file spans more than ``LoadOptions/maximumSpanDays``, the row farthest from
    /// the median time (a row dated 1970 among January 2026 figures).
    /// - Returns: whether the span is plausible.
    private func checkTimes(_ groups: [[(date: Date, entry: KeyAccumulator.Entry)]]) throws -> Bool {
        let rows = groups.flatMap { $0 }
        guard let first = rows.min(by: { $0.date < $1.date }), let last = rows.max(by: { $0.date < $1.date }) else { return true }
        if kind == .cumulative, let origin, first.date < origin {
            for row in rows.sorted(by: { $0.entry.line < $1.entry.line }) where row.date < origin {
                try report(DataError(
                    .implausibleTime, file: file, line: row.entry.line, column: timeIndex + 1,
                    message: "\(label(row.date, row.entry)) is before \(TimeText.text(origin, in: options.timeZone)), when the cumulative totals start counting (the value column's name, or LoadOptions.origin); expected a time at or after it"))
                break
            }
        }
        let span = last.date.timeIntervalSince(first.date) / InflowSeries.secondsPerDay
        if span <= Double(options.maximumSpanDays) { return true }
        let middle = rows.sorted { $0.date < $1.date }[rows.count / 2]
        let median = middle.date
        let outlier = rows.max { abs($0.date.timeIntervalSince(median)) < abs($1.date.timeIntervalSince(median)) }!
        let distance = (abs(outlier.date.timeIntervalSince(median)) / InflowSeries.secondsPerDay).rounded()
        try report(DataError(
            .implausibleTime, file: file, line: outlier.entry.line, column: timeIndex + 1,
            message: "\(label(outlier.date, outlier.entry)) is \(NumberText.grouped(distance)) days from the middle of the file's times (\(label(median, middle.entry))); one file's times span at most \(NumberText.grouped(Double(options.maximumSpanDays))) days; expected a time near the others"))
        return false
    }

    /// Lists the dates missing between the first and last dates of daily counts written as dates.
    private func checkGaps(_ sorted: [(date: Date, entry: KeyAccumulator.Entry)], forKey: String) {
        guard sorted.allSatisfy(\.entry.dateOnly) else { return }
        var missing: [Int] = []
        var firstLine: Int?
        var missingCount = 0
        let listed = 10
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.entry.day - earlier.entry.day > 1 {
            if firstLine == nil { firstLine = later.entry.line }
            for day in (earlier.entry.day + 1)..<later.entry.day {
                missingCount += 1
                if missing.count < listed { missing.append(day) }
            }
        }
        guard let firstLine else { return }
        var dates = missing.map { CivilDate(daysSinceEpoch: $0).text }.joined(separator: ", ")
        if missingCount > listed { dates += " and \(missingCount - listed) more" }
        warn(DataWarning(
            .gap, file: file, line: firstLine, column: timeIndex + 1,
            message: "daily counts\(forKey) skip \(missingCount) date\(missingCount == 1 ? "" : "s"): \(dates); missing dates are left out of the fit, not read as zero"))
    }

    /// Key values that mark the file's own total rows.
    static let totalWords: Set<String> = ["total", "all", "all provinces", "national"]

    /// Compares the file's total rows with the sum of the keys at the times both have: one warning for the
    /// largest difference (naming its line), never a silent replacement.
    private func compareTotals(stated: [(date: Date, entry: KeyAccumulator.Entry)], summed: [Date: Double?]) {
        var differing = 0
        var largest: (line: Int, stated: Double, summed: Double, time: String)?
        for (date, entry) in stated {
            guard let value = entry.value, let sum = summed[date] ?? nil else { continue }
            if abs(value - sum) > 1e-9 * max(abs(value), 1) {
                differing += 1
                if largest.map({ abs(value - sum) > abs($0.stated - $0.summed) }) ?? true {
                    largest = (entry.line, value, sum, label(date, entry))
                }
            }
        }
        guard let largest else { return }
        warn(DataWarning(
            .totalDiffers, file: file, line: largest.line, column: valueIndex + 1,
            message: "the file's total differs from the sum of its keys at \(differing) time\(differing == 1 ? "" : "s"), most at \(largest.time): \(NumberText.text(largest.stated)) stated, \(NumberText.text(largest.summed)) summed; the keys' sum is analysed and the stated total is kept for comparison"))
    }

    /// Warns of each value of a province column (a key column whose name contains "province", or at least half of
    /// whose values are in the bundled gazetteer) that the gazetteer does not know, with the nearest name.
    private func checkProvinces(_ groups: [KeyAccumulator], names: [String]) {
        guard let gazetteer = try? ProvinceGazetteer.bundled() else { return }
        for (position, column) in keyIndexes.enumerated() {
            var firstLines: [String: Int] = [:]
            var order: [String] = []
            for group in groups where firstLines[group.keyValues[position]] == nil {
                firstLines[group.keyValues[position]] = group.groupLine
                order.append(group.keyValues[position])
            }
            let known = order.filter { gazetteer.province(named: $0) != nil }.count
            guard known < order.count else { continue }
            if known == 0 {
                // A province column of another country, or codes: one note, not one per key.
                if names[column].lowercased().contains("province") {
                    warn(DataWarning(
                        .unknownProvince, file: file, line: groups.first?.groupLine ?? 1, column: column + 1,
                        message: "none of the \(order.count) values of \(names[column]) is a province of the bundled gazetteer of Cambodia; the keys are located by their names"))
                }
                continue
            }
            guard names[column].lowercased().contains("province") || 2 * known >= order.count else { continue }
            for value in order where gazetteer.province(named: value) == nil {
                let suggestion = gazetteer.nearest(to: value).map { "; the nearest is \($0.name) (\($0.isoCode))" } ?? ""
                warn(DataWarning(
                    .unknownProvince, file: file, line: firstLines[value]!, column: column + 1,
                    message: "\(names[column]) \"\(Self.quoted(value))\" is not in the gazetteer of Cambodia's provinces\(suggestion); it is kept as a key of its own, located by its name"))
            }
        }
    }

    /// Warns of each key with a single observation or no arrivals at all: kept, and projected with the others'
    /// help.
    private func checkSparseKeys(_ groups: [KeyAccumulator], _ sortedGroups: [[(date: Date, entry: KeyAccumulator.Entry)]]) {
        for (group, sorted) in zip(groups, sortedGroups) {
            let values = sorted.compactMap(\.entry.value)
            if values.count == 1 {
                warn(DataWarning(
                    .sparseKey, file: file, line: group.groupLine, column: keyIndexes[0] + 1,
                    message: "key \"\(Self.quoted(group.name))\" has one observation; it is kept, and its projection leans on the other keys (partial pooling)"))
            } else if !values.isEmpty, kind != .level, values.allSatisfy({ $0 == 0 }) {
                warn(DataWarning(
                    .sparseKey, file: file, line: group.groupLine, column: keyIndexes[0] + 1,
                    message: "key \"\(Self.quoted(group.name))\" has had no arrivals; it is kept, and its projection is pooled towards the other keys"))
            }
        }
    }

    /// At each time, the sum over the keys reporting then (`nil` when all of them are missing), and its figure
    /// kind (``combined(_:)`` of the parts'; lower and upper bounds mixed at one time leave the time out, with a
    /// warning).
    private func summedTotal(_ groups: [[(date: Date, entry: KeyAccumulator.Entry)]]) -> ([Date], [Double?], [FigureKind]) {
        var sums: [Date: Double?] = [:]
        var kinds: [Date: (lower: Bool, upper: Bool, partial: Bool, line: Int)] = [:]
        for group in groups {
            for (date, entry) in group {
                let current = sums[date] ?? nil
                if let value = entry.value {
                    sums[date] = (current ?? 0) + value
                    var mark = kinds[date] ?? (false, false, false, entry.line)
                    switch entry.figure {
                    case .exact: break
                    case .lowerBound: mark.lower = true
                    case .upperBound: mark.upper = true
                    case .partialDay: mark.partial = true
                    }
                    mark.line = max(mark.line, entry.line)
                    kinds[date] = mark
                } else if sums[date] == nil {
                    sums[date] = .some(nil)
                }
            }
        }
        let times = sums.keys.sorted()
        var values = times.map { sums[$0] ?? nil }
        var figures: [FigureKind] = []
        figures.reserveCapacity(times.count)
        for (index, date) in times.enumerated() {
            guard let mark = kinds[date] else { figures.append(.exact); continue }
            if mark.lower && mark.upper {
                values[index] = nil
                figures.append(.exact)
                warnMixed(date: date, line: mark.line)
            } else {
                figures.append(mark.lower ? .lowerBound : mark.upper ? .upperBound : mark.partial ? .partialDay : .exact)
            }
        }
        return (times, values, figures)
    }

    private func warnMixed(date: Date, line: Int) {
        warn(DataWarning(
            .mixedFigureKinds, file: file, line: line, column: kindIndex.map { $0 + 1 },
            message: "the keys' figures at \(TimeText.text(date, in: options.timeZone)) include both a lower and an upper bound, so their sum is neither exact nor a bound; the summed total leaves this time out"))
    }

    /// At each time any key reports, the sum of each key's last total at or before it, and its figure kind:
    /// a lower (upper) bound while any key's last total is a lower (upper) bound, exact parts not changing it
    /// (``combined(_:)``); lower and upper bounds mixed leave the time out (missing), with a warning; a
    /// partial day where the key reporting then reports a partial day (a cumulative partial day is exact at its time).
    /// - Complexity: O(m log m) for m figures (the sort), O(1) per figure after it.
    private func cumulativeTotal(_ groups: [[(date: Date, entry: KeyAccumulator.Entry)]]) -> ([Date], [Double?], [FigureKind]) {
        var events: [(date: Date, group: Int, value: Double, figure: FigureKind, line: Int)] = []
        for (index, group) in groups.enumerated() {
            for (date, entry) in group {
                if let value = entry.value { events.append((date, index, value, entry.figure, entry.line)) }
            }
        }
        events.sort { $0.date < $1.date }
        var last = [Double](repeating: 0, count: groups.count)
        var lastFigure = [FigureKind](repeating: .exact, count: groups.count)
        var lowerParts = 0, upperParts = 0
        var sum = 0.0
        var times: [Date] = []
        var values: [Double?] = []
        var figures: [FigureKind] = []
        var lines: [Int] = []
        for event in events {
            // A running sum of differences: rounding can leave -1e-16 where the keys' totals are all zero.
            sum = max(sum + event.value - last[event.group], 0)
            last[event.group] = event.value
            if lastFigure[event.group] == .lowerBound { lowerParts -= 1 }
            if lastFigure[event.group] == .upperBound { upperParts -= 1 }
            lastFigure[event.group] = event.figure
            if event.figure == .lowerBound { lowerParts += 1 }
            if event.figure == .upperBound { upperParts += 1 }
            let figure: FigureKind? = lowerParts > 0 && upperParts > 0 ? nil
                : lowerParts > 0 ? .lowerBound : upperParts > 0 ? .upperBound : event.figure
            if times.last == event.date {
                values[values.count - 1] = figure == nil ? nil : sum
                figures[figures.count - 1] = Self.sameTime(figures[figures.count - 1], figure ?? .exact)
                lines[lines.count - 1] = event.line
            } else {
                times.append(event.date)
                values.append(figure == nil ? nil : sum)
                figures.append(figure ?? .exact)
                lines.append(event.line)
            }
        }
        for index in values.indices where values[index] == nil { warnMixed(date: times[index], line: lines[index]) }
        return (times, values, figures)
    }

    /// The kind of a summed total at a time where several keys report: the running kind after the last of them,
    /// keeping a partial day that an earlier key at the same time reported.
    private static func sameTime(_ earlier: FigureKind, _ later: FigureKind) -> FigureKind {
        later == .exact && earlier == .partialDay ? .partialDay : later
    }

    /// The issues found, in line order, with a closing note when some were left out.
    func collectedIssues() -> [DataIssue] {
        var all = issues
        let room = max(0, maximumIssues - all.count)
        all += warnings.prefix(room).map(DataIssue.init)
        let omittedWarnings = warnings.count - min(room, warnings.count)
        all = all.enumerated().sorted {
            let (l, r) = ($0.element.line ?? 0, $1.element.line ?? 0)
            return l != r ? l < r : $0.offset < $1.offset
        }.map(\.element)
        let omitted = omittedIssues + omittedWarnings
        if omitted > 0 {
            all.append(DataIssue(
                severity: omittedErrors > 0 ? .error : .warning, file: file, line: nil, column: nil,
                message: "\(omitted) more problem\(omitted == 1 ? " is" : "s are") not listed (the first \(maximumIssues) are)"))
        }
        return all
    }
}
