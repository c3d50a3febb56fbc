import Foundation
import InflowCore
import Testing
@testable import InflowData

/// Figures with a kind (issue 17): the kind column, its spellings, its errors with file:line:column, kinds in keyed
/// files and their summed total, and the summary `inflow check` prints.
@Suite("Figure kinds")
struct FigureKindLoadingTests {
    static let cumulative = """
        as_of,cumulative_since_2026_01_16,kind
        2026-01-17T23:59,243,exact
        2026-01-18T23:59,308,
        2026-01-23T17:00,2117,partial_day
        2026-01-24T23:59,2277,EXACT
        2026-01-24T23:59:30,3100,lower_bound
        """

    func load(_ csv: String, options: LoadOptions = LoadOptions()) throws -> LoadedData {
        try SeriesLoader(options: options, now: .distantFuture).load(csv: csv, name: "kbri.csv")
    }

    @Test("a kind column is read automatically: every spelling, empty is exact, any case")
    func automaticColumn() throws {
        let data = try load(Self.cumulative)
        #expect(data.kindColumn == "kind")
        #expect(data.series[0].figureKinds == [.exact, .exact, .partialDay, .exact, .lowerBound])
        #expect(data.series[0].values.compactMap { $0 } == [243, 308, 2117, 2277, 3100])
        #expect(data.valueColumn == "cumulative_since_2026_01_16")
    }

    @Test("figure_kind is found too, --kind-column names any column, and without one every figure is exact")
    func namedColumn() throws {
        let renamed = Self.cumulative.replacingOccurrences(of: ",kind\n", with: ",figure_kind\n")
        #expect(try load(renamed).series[0].figureKinds.last == .lowerBound)
        let other = Self.cumulative.replacingOccurrences(of: ",kind\n", with: ",what\n")
        #expect(try load(other).series[0].figureKinds == Array(repeating: .exact, count: 5))
        #expect(try load(other).kindColumn == nil)
        var options = LoadOptions()
        options.kindColumn = "what"
        #expect(try load(other, options: options).series[0].figureKinds.last == .lowerBound)
        options.kindColumn = "missing"
        #expect(throws: DataError.self) { try load(other, options: options) }
    }

    @Test("an unknown kind is an error naming file, line and column")
    func unknownKind() throws {
        let past = Self.cumulative.replacingOccurrences(of: "2026-01-24T23:59:30,3100,lower_bound", with: "2026-01-24T23:59:30,3100,about")
        let thrown = try #require(loadError(past, name: "kbri.csv"))
        #expect(thrown.kind == .invalidFigureKind)
        #expect(thrown.description == #"kbri.csv:6:3: "about" is not a figure kind; expected exact, lower_bound, upper_bound or partial_day (empty is exact)"#)
    }

    @Test("partial_day needs a time of day; the error names the row's time column")
    func partialDayWithoutTime() throws {
        let csv = """
            date,count,kind
            2026-01-20,120,
            2026-01-21,80,partial_day
            """
        let error = try #require(loadError(csv, name: "daily.csv"))
        #expect(error.kind == .invalidFigureKind)
        #expect(error.line == 3 && error.column == 1)
        #expect(error.message.hasPrefix("partial_day figure at 2026-01-21 has no time of day"))
    }

    @Test("bounds in a level series and bounds without a value are errors")
    func boundsThatCannotBeUsed() throws {
        let level = """
            day,level,kind
            1,10.5,
            2,12,upper_bound
            """
        var options = LoadOptions()
        options.kind = .level
        let error = try #require(loadError(level, name: "level.csv", options: options))
        #expect(error.kind == .invalidFigureKind && error.line == 3 && error.column == 3)
        #expect(error.message.contains("bounds need a count likelihood"))
        // Library words: the loading option, not the command line's flag.
        #expect(error.message.hasSuffix("read the values as counts or cumulative totals (LoadOptions.kind)"))
        let empty = """
            date,count,kind
            2026-01-20,120,
            2026-01-21,,lower_bound
            """
        let missing = try #require(loadError(empty, name: "daily.csv"))
        #expect(missing.kind == .invalidFigureKind && missing.line == 3 && missing.column == 2)
    }

    @Test("every problem of the kinds is listed by the check, with the summary of the figures")
    func check() throws {
        let csv = """
            as_of,cumulative_since_2026_01_16,kind
            2026-01-17T23:59,243,
            2026-01-18T23:59,308,about
            2026-01-19,911,partial_day
            2026-01-20T21:00,1440,partial_day
            """
        let (issues, figures) = DataCheck.inspect(reader: CSVReader(string: csv, name: "kbri.csv", recovering: true),
                                                  now: testNow)
        #expect(subject(issues).map(\.description) == [
            #"kbri.csv:3:3: error: "about" is not a figure kind; expected exact, lower_bound, upper_bound or partial_day (empty is exact)"#,
            "kbri.csv:4:1: error: partial_day figure at 2026-01-19 has no time of day; expected the time the figure counts up to, such as 2026-01-19T17:00",
        ])
        let summary = try #require(figures)
        #expect(summary.lines == ["figures: 1 exact, 1 partial_day", "  line 5: 2026-01-20T21:00, 1,440 (partial_day)"])
    }

    @Test("a file without a kind column has no figure summary")
    func noSummary() {
        let (_, figures) = DataCheck.inspect(reader: CSVReader(string: "date,count\n2026-01-20,3\n", name: "a.csv", recovering: true),
                                             now: testNow)
        #expect(figures == nil)
    }

    @Test("keyed counts: kinds per key; the summed total is exact only where every part is, a bound where the bounds agree")
    func keyedCounts() throws {
        let csv = """
            date,site,count,kind
            2026-01-20,A,10,
            2026-01-20,B,5,
            2026-01-21,A,12,lower_bound
            2026-01-21,B,6,
            2026-01-22,A,12,lower_bound
            2026-01-22,B,6,upper_bound
            2026-01-23T17:00,A,4,partial_day
            2026-01-23T17:00,B,3,
            """
        let data = try load(csv, options: LoadOptions(keyColumns: ["site"]))
        #expect(data.series[0].figureKinds == [.exact, .lowerBound, .lowerBound, .partialDay])
        #expect(data.series[1].figureKinds == [.exact, .exact, .upperBound, .exact])
        let total = try #require(data.total)
        #expect(total.figureKinds == [.exact, .lowerBound, .exact, .partialDay])
        #expect(total.values == [15, 18, nil, 7])
        #expect(data.warnings.contains { $0.kind == .mixedFigureKinds && $0.line == 7 })
    }

    @Test("keyed cumulative totals: a key's bound makes the summed total a bound until the key reports an exact total")
    func keyedCumulative() throws {
        let csv = """
            as_of,site,cumulative,kind
            2026-01-20T23:59,A,10,
            2026-01-20T23:59,B,5,
            2026-01-21T23:59,A,30,lower_bound
            2026-01-22T23:59,B,9,
            2026-01-23T23:59,A,40,
            """
        let data = try load(csv, options: LoadOptions(keyColumns: ["site"], kind: .cumulative))
        let total = try #require(data.total)
        #expect(total.values == [15, 35, 39, 49])
        #expect(total.figureKinds == [.exact, .lowerBound, .lowerBound, .exact])
    }

    @Test("repeated counts of one time: their sum is a bound when a part is")
    func summedRepeats() throws {
        let csv = """
            date,count,kind
            2026-01-20,10,
            2026-01-20,5,lower_bound
            2026-01-21,4,
            """
        let data = try load(csv)
        #expect(data.series[0].values == [15, 4])
        #expect(data.series[0].figureKinds == [.lowerBound, .exact])
    }

    @Test("the example file loads: a partial day and an illustrative trailing lower bound")
    func exampleFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/bounds/kbri-with-bounds.csv")
        var options = LoadOptions()
        options.timeZone = phnomPenh
        let data = try SeriesLoader(options: options, now: .distantFuture).load(contentsOf: url, name: "kbri-with-bounds.csv")
        #expect(data.series[0].figureKinds.filter { $0 != .exact } == [.partialDay, .lowerBound])
        #expect(data.series[0].values.last == 3100)
        let (issues, figures) = DataCheck.inspect(file: url, options: options, name: "kbri-with-bounds.csv", now: .distantFuture)
        #expect(issues.isEmpty)
        #expect(figures?.countsLine == "figures: 7 exact, 1 lower_bound, 1 partial_day")
        #expect(figures?.inexactRows.map(\.line) == [18, 20])
    }
}
