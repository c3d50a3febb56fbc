import Foundation
import InflowCore
import Testing
@testable import InflowData

/// Every bad-input case with its exact message (`file:line:column: message`).
@Suite("Bad input: errors and warnings with their messages")
struct DataErrorTests {
    @Test("an empty file")
    func emptyFile() {
        let error = loadError("")
        #expect(error?.kind == .emptyFile)
        #expect(error?.description == "data.csv:1: the file is empty; expected a header row naming the columns, such as date,arrivals")
    }

    @Test("a file of comments and blank lines without a header")
    func noHeader() {
        #expect(loadError("# source: embassy\n# figures of January\n")?.description
            == "data.csv:3: the file has only comment lines; expected a header row naming the columns, such as date,arrivals")
        #expect(loadError("\n\n  \n")?.description
            == "data.csv:4: the file has only blank lines; expected a header row naming the columns, such as date,arrivals")
    }

    @Test("directive comments: a stated background is read; an unknown directive or a bad value names its line")
    func directives() throws {
        let good = "# source\n# @background: 9..25 per day before the surge\ndate,arrivals\n2026-01-01,5\n"
        let data = try SeriesLoader(now: .distantFuture).load(csv: good, name: "data.csv")
        #expect(data.statedBackground == StatedRate(lower: 9, upper: 25, note: "per day before the surge", line: 2))
        let exact = try SeriesLoader(now: .distantFuture).load(csv: "# @background: 14\ndate,arrivals\n2026-01-01,5\n")
        #expect(exact.statedBackground.map { [$0.lower, $0.upper] } == [14, 14])
        #expect(loadError("# @backgrund: 20\ndate,arrivals\n2026-01-01,5\n")?.description
            == "data.csv:1:1: unknown directive '@backgrund'; the directive this reader knows is '@background: RATE' or '@background: LOW..HIGH' (arrivals per day)")
        #expect(loadError("# x\n# @background: 25..20\ndate,arrivals\n2026-01-01,5\n")?.description
            == #"data.csv:2:1: @background takes a rate of at least 0 per day or a range LOW..HIGH such as 20..25 (got "25..20")"#)
        #expect(loadError("# @background: -3\ndate,arrivals\n2026-01-01,5\n")?.kind == .invalidDirective)
        #expect(loadError("# @background 3\ndate,arrivals\n2026-01-01,5\n")?.kind == .invalidDirective)
    }

    @Test("a header without rows")
    func noRows() {
        let error = loadError("# comment\ndate,arrivals\n\n")
        #expect(error?.kind == .noRows)
        #expect(error?.description == "data.csv:2: the file has a header but no rows; expected one row of figures per time")
    }

    @Test("a missing column names the columns there are and the LoadOptions property that maps it")
    func missingColumn() {
        let csv = "as_of,cumulative_since_2026_01_16,note\n2026-01-17T23:59,243,x\n"
        let value = loadError(csv, options: LoadOptions(valueColumn: "arrivals"))
        #expect(value?.kind == .missingColumn)
        #expect(value?.description == #"data.csv:1: no column named "arrivals"; the columns are "as_of", "cumulative_since_2026_01_16", "note"; name the value column with LoadOptions.valueColumn"#)
        #expect(loadError(csv, options: LoadOptions(timeColumn: "date"))?.description
            == #"data.csv:1: no column named "date"; the columns are "as_of", "cumulative_since_2026_01_16", "note"; name the time column with LoadOptions.timeColumn"#)
        #expect(loadError(csv, options: LoadOptions(keyColumns: ["province"]))?.description
            == #"data.csv:1: no column named "province"; the columns are "as_of", "cumulative_since_2026_01_16", "note"; name the key column with LoadOptions.keyColumns"#)
    }

    @Test("automatic detection that finds no time or value column says so")
    func nothingDetected() {
        #expect(loadError("when,n\n1,2\n")?.description
            == #"data.csv:1: no time column: no column name contains "date", "time", "as_of" or "day"; the columns are "when", "n"; name the time column with LoadOptions.timeColumn"#)
        #expect(loadError("date,note\n2026-01-17,quiet day\n")?.description
            == #"data.csv:1: no column of numbers besides the time column; the columns are "date", "note"; name the value column with LoadOptions.valueColumn"#)
        #expect(loadError("date,province\n2026-01-17,Kandal\n", options: LoadOptions(keyColumns: ["province"]))?.description
            == #"data.csv:1: no column of numbers besides the time and key columns; the columns are "date", "province"; name the value column with LoadOptions.valueColumn"#)
    }

    @Test("a column name given twice")
    func duplicateColumn() {
        let error = loadError("date,arrivals,date\n2026-01-17,5,2026-01-17\n")
        #expect(error?.kind == .duplicateColumn)
        #expect(error?.description == #"data.csv:1:3: column name "date" appears twice (columns 1 and 3); expected each column name once"#)
    }

    @Test("an unparsable date")
    func badDate() {
        let csv = """
            # KBRI Phnom Penh
            # cumulative totals
            as_of,cumulative_since_2026_01_16
            2026-01-17T23:59,243
            2026-01-18T23:59,308
            2026-01-19T23:59,911
            2026-13-45,1440

            """
        let error = loadError(csv, name: "kbri.csv")
        #expect(error?.kind == .invalidTime)
        #expect(error?.description == #"kbri.csv:7:1: "2026-13-45" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#)
        let message = { (time: String) in loadError("date,arrivals\n\(time),5\n")?.description }
        #expect(message("17/01/2026") == #"data.csv:2:1: "17/01/2026" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#)
        #expect(message("2026-02-29") == #"data.csv:2:1: "2026-02-29" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#)
        #expect(message("2026-01-17T24:00") == #"data.csv:2:1: "2026-01-17T24:00" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#)
        #expect(message("2026-01-17T23:59+7") == #"data.csv:2:1: "2026-01-17T23:59+7" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#)
        #expect(message("") == "data.csv:2:1: the date is empty; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59")
        #expect(loadError("day,level\n1,5\nmonday,6\n")?.description
            == #"data.csv:3:1: "monday" is not a number of days; expected a plain number such as 12 or 12.5"#)
    }

    @Test("an unparsable number")
    func badNumber() {
        let error = loadError("date,arrivals\n2026-01-17,5\n2026-01-18,12a\n")
        #expect(error?.kind == .invalidNumber)
        #expect(error?.description == #"data.csv:3:2: "12a" is not a number; expected a number such as 243 or 1440.5, or an empty field for a missing value"#)
        #expect(loadError("date,arrivals\n2026-01-17,5\n2026-01-18,\"1,440\"\n")?.description
            == #"data.csv:3:2: "1,440" is not a number; expected digits without thousands separators, such as 1440"#)
        #expect(loadError("date,arrivals\n2026-01-17,5\n2026-01-18,inf\n")?.description
            == #"data.csv:3:2: "inf" is not a number; expected a number such as 243 or 1440.5, or an empty field for a missing value"#)
    }

    @Test("a negative count or total")
    func negative() {
        let error = loadError("date,arrivals\n2026-01-17,5\n2026-01-18,-3\n")
        #expect(error?.kind == .negativeValue)
        #expect(error?.description == "data.csv:3:2: negative count -3; expected zero or more arrivals")
        #expect(loadError("date,cumulative\n2026-01-17,5\n2026-01-18,-2.5\n")?.description
            == "data.csv:3:2: negative cumulative total -2.5; expected zero or more arrivals")
        // Levels may be negative.
        #expect(loadError("date,level\n2026-01-17,-5\n", options: LoadOptions(kind: .level)) == nil)
    }

    @Test("a decreasing cumulative total is a warning, and the totals are kept as published")
    func decreasingTotal() throws {
        let csv = "as_of,cumulative_since_2026_01_16\n2026-01-19T23:59,911\n2026-01-20T21:00,1440\n2026-01-21,1400\n2026-01-22,1950\n"
        let data = try SeriesLoader(now: testNow).load(csv: csv, name: "kbri.csv")
        #expect(data.series[0].values == [911, 1440, 1400, 1950])
        #expect(subject(data.warnings).map(\.kind) == [.decreasingCumulative])
        #expect(subject(data.warnings).map(\.description) == [
            "kbri.csv:4:2: warning: cumulative total 1400 at 2026-01-21 is below the previous total 1440 at 2026-01-20T21:00 (line 3); kept as published: the fit reads the lower total as a correction of the earlier ones",
        ])
        let keyed = "date,site,total\n2026-01-18,Bavet,10\n2026-01-18,Poipet,30\n2026-01-19,Poipet,25\n"
        #expect(loadWarnings(keyed, options: LoadOptions(keyColumns: ["site"])) == [
            #"data.csv:2:2: warning: key "Bavet" has one observation; it is kept, and its projection leans on the other keys (partial pooling)"#,
            #"data.csv:4:3: warning: cumulative total 25 for "Poipet" at 2026-01-19 is below the previous total 30 at 2026-01-18 (line 3); kept as published: the fit reads the lower total as a correction of the earlier ones"#,
        ])
    }

    @Test("two totals at the same time (and key)")
    func duplicateTimes() {
        let error = loadError("date,cumulative\n2026-01-17,5\n2026-01-18,7\n2026-01-18,8\n")
        #expect(error?.kind == .duplicateTime)
        #expect(error?.description == "data.csv:4:1: time 2026-01-18 appears again (first on line 3); expected one row per time")
        // The same instant written two ways is the same time.
        #expect(loadError("as_of,total\n2026-01-17T23:59+07:00,5\n2026-01-17T16:59Z,5\n")?.description
            == "data.csv:3:1: time 2026-01-17T16:59Z appears again (first on line 2); expected one row per time")
        let keyed = "date,province,level\n2026-01-17,Kandal,5\n2026-01-17,Takeo,5\n2026-01-17,Kandal,6\n"
        #expect(loadError(keyed, options: LoadOptions(keyColumns: ["province"], kind: .level))?.description
            == #"data.csv:4:1: time 2026-01-17 for "Kandal" appears again (first on line 2); expected one row per time and key"#)
    }

    @Test("counts that repeat a time and key are added, with one warning")
    func summedCounts() throws {
        let csv = "date,province,arrivals\n2026-01-17,Kandal,5\n2026-01-17,Takeo,1\n2026-01-17,Kandal,2\n2026-01-17,Kandal,3\n"
        let data = try SeriesLoader(options: LoadOptions(keyColumns: ["province"]), now: testNow).load(csv: csv, name: "data.csv")
        #expect(data.series.map(\.values) == [[10], [1]])
        #expect(subject(data.warnings).map(\.description) == [
            #"data.csv:2:2: warning: key "Kandal" has one observation; it is kept, and its projection leans on the other keys (partial pooling)"#,
            #"data.csv:3:2: warning: key "Takeo" has one observation; it is kept, and its projection leans on the other keys (partial pooling)"#,
            "data.csv:4:1: warning: 2 rows repeat the time and key of an earlier row (the first on line 4 repeats line 2); their counts are added together",
        ])
    }

    @Test("gaps in daily counts list the missing dates")
    func gaps() {
        let csv = "date,arrivals\n2026-01-15,5\n2026-01-16,6\n2026-01-19,4\n2026-01-21,3\n"
        #expect(loadWarnings(csv) == [
            "data.csv:4:1: warning: daily counts skip 3 dates: 2026-01-17, 2026-01-18, 2026-01-20; missing dates are left out of the fit, not read as zero",
        ])
        let keyed = "date,province,arrivals\n2026-01-01,Kandal,5\n2026-01-02,Takeo,1\n2026-01-14,Kandal,3\n2026-01-03,Takeo,1\n"
        #expect(loadWarnings(keyed, options: LoadOptions(keyColumns: ["province"])) == [
            #"data.csv:4:1: warning: daily counts for "Kandal" skip 12 dates: 2026-01-02, 2026-01-03, 2026-01-04, 2026-01-05, 2026-01-06, 2026-01-07, 2026-01-08, 2026-01-09, 2026-01-10, 2026-01-11 and 2 more; missing dates are left out of the fit, not read as zero"#,
        ])
        // Counts at clock times and cumulative totals have no expected spacing.
        #expect(loadWarnings("date,arrivals\n2026-01-15T08:00,5\n2026-01-19T08:00,4\n").isEmpty)
        #expect(loadWarnings("date,total\n2026-01-15,5\n2026-01-19,9\n").isEmpty)
    }

    @Test("dates in the future, relative to the given now")
    func future() {
        // now = 2026-01-25T03:00Z.
        let error = loadError("date,arrivals\n2026-01-24,5\n2026-01-26,6\n")
        #expect(error?.kind == .futureTime)
        #expect(error?.description == "data.csv:3:1: 2026-01-26 is in the future (now is 2026-01-25T03:00Z); expected times up to now")
        // Today's date is not in the future, even as the end of the day for totals.
        #expect(loadError("date,total\n2026-01-25,5\n") == nil)
        // In Phnom Penh it is 10:00.
        let local = LoadOptions(timeZone: phnomPenh)
        #expect(loadError("date,arrivals\n2026-01-25T09:59,5\n", options: local) == nil)
        #expect(loadError("date,arrivals\n2026-01-25T10:01,5\n", options: local)?.description
            == "data.csv:2:1: 2026-01-25T10:01 is in the future (now is 2026-01-25T10:00+07:00); expected times up to now")
    }

    @Test("bytes that are not UTF-8 are named by line and byte column")
    func invalidUTF8() throws {
        let url = try resource("latin1.csv")
        do {
            _ = try SeriesLoader(options: LoadOptions(keyColumns: ["province"]), now: testNow).load(contentsOf: url, name: "latin1.csv")
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.kind == .invalidUTF8)
            #expect(error.description == "latin1.csv:5:26: invalid UTF-8 byte 0xE9; expected UTF-8 text (save the file as UTF-8)")
        }
        let reader = CSVReader(bytes: Array("date,n\n2026-01-17,".utf8) + [0xF0, 0x9F, 0x98] + Array(",x\n".utf8), name: "cut.csv")
        #expect(throws: DataError(.invalidUTF8, file: "cut.csv", line: 2, column: 12,
                                  message: "invalid UTF-8 byte 0xF0; expected UTF-8 text (save the file as UTF-8)")) {
            try reader.readAll()
        }
    }

    @Test("rows with too many or too few fields")
    func fieldCounts() {
        let tooMany = loadError("date,arrivals\n2026-01-17,5\n2026-01-18,1,440\n")
        #expect(tooMany?.kind == .fieldCount)
        #expect(tooMany?.description == "data.csv:3:3: 3 fields; expected 2 as in the header (a value containing a comma must be in double quotes)")
        #expect(loadError("date,province,arrivals\n2026-01-17,Kandal,5\n2026-01-18,6\n", options: LoadOptions(keyColumns: ["province"]))?.description
            == "data.csv:3: 2 fields; expected 3 as in the header")
        #expect(loadError("date,arrivals\n2026-01-17,5\n2026-01-18\n")?.description
            == "data.csv:3: 1 field; expected 2 as in the header")
    }

    @Test("malformed quoting")
    func quoting() {
        #expect(loadError("date,arrivals,note\n2026-01-17,5,\"open\n2026-01-18,6,x\n")?.description
            == "data.csv:2:3: a quoted field is not closed; expected a closing double quote before the end of the file")
        #expect(loadError("date,arrivals,note\n2026-01-17,5,\"said \"hi\"\n")?.description
            == #"data.csv:2:3: unexpected character after a closing quote; expected a comma or the end of the line (write a quote inside a quoted field as "")"#)
    }

    @Test("a file that cannot be opened")
    func unreadable() {
        do {
            _ = try SeriesLoader().load(contentsOf: URL(fileURLWithPath: "/nonexistent/inflow/arrivals.csv"))
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.kind == .unreadableFile)
            #expect(error.line == nil)
            #expect(error.description == "/nonexistent/inflow/arrivals.csv: cannot open the file (No such file or directory); expected a readable CSV file")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("descriptions leave out what does not apply")
    func descriptions() {
        #expect(DataError(.emptyFile, file: "a.csv", line: nil, message: "m").description == "a.csv: m")
        #expect(DataError(.emptyFile, file: "a.csv", line: 3, message: "m").description == "a.csv:3: m")
        #expect(DataError(.emptyFile, file: "a.csv", line: 3, column: 2, message: "m").description == "a.csv:3:2: m")
        #expect(DataWarning(.gap, file: "a.csv", line: 3, column: 1, message: "m").description == "a.csv:3:1: warning: m")
        #expect(DataIssue(severity: .error, file: "a.csv", line: 3, column: nil, message: "m").description == "a.csv:3: error: m")
    }
}
