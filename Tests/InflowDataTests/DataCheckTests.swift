import Foundation
import Testing
@testable import InflowData

@Suite("Checking a file lists every problem")
struct DataCheckTests {
    @Test("a messy file: every error and warning, in line order")
    func messy() throws {
        let issues = DataCheck.check(file: try resource("messy.csv"), options: LoadOptions(keyColumns: ["site"]),
                                     name: "messy.csv", now: testNow)
        #expect(issues.map(\.description) == [
            #"messy.csv:4:3: warning: cumulative total 90 for "Poipet" at 2026-01-18 is below the previous total 100 at 2026-01-17 (line 3); kept as published: the fit reads the lower total as a correction of the earlier ones"#,
            #"messy.csv:5:1: error: "2026-13-45" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#,
            #"messy.csv:6:3: error: "12a" is not a number; expected a number such as 243 or 1440.5, or an empty field for a missing value"#,
            "messy.csv:7:3: error: negative cumulative total -5; expected zero or more arrivals",
            "messy.csv:8:4: error: 4 fields; expected 3 as in the header (a value containing a comma must be in double quotes)",
            #"messy.csv:10:1: error: time 2026-01-21 for "Poipet" appears again (first on line 9); expected one row per time and key"#,
            "messy.csv:11:1: error: 2027-01-01 is in the future (now is 2026-01-25T03:00Z); expected times up to now",
        ])
        #expect(DataCheck.hasErrors(issues))
        #expect(issues.filter { $0.severity == .warning }.count == 1)
    }

    @Test("invalid UTF-8 is listed and the rest of the file is still checked")
    func invalidUTF8() throws {
        let issues = DataCheck.check(file: try resource("latin1.csv"), options: LoadOptions(keyColumns: ["province"]),
                                     name: "latin1.csv", now: testNow)
        #expect(issues.map(\.description) == [
            "latin1.csv:5:26: error: invalid UTF-8 byte 0xE9; expected UTF-8 text (save the file as UTF-8)",
        ])
    }

    @Test("a clean file has no issues; warnings alone are not errors")
    func clean() {
        let dataset = BundledDataset.defaultDataset
        #expect(DataCheck.check(file: dataset.url, options: dataset.options, now: testNow).isEmpty)
        let gaps = DataCheck.check(csv: "date,arrivals\n2026-01-15,5\n2026-01-17,6\n", name: "gaps.csv", now: testNow)
        #expect(subject(gaps).map(\.description) == [
            "gaps.csv:3:1: warning: daily counts skip 1 date: 2026-01-16; missing dates are left out of the fit, not read as zero",
        ])
        #expect(!DataCheck.hasErrors(gaps))
    }

    @Test("problems that leave nothing to read end the check")
    func fatal() {
        #expect(DataCheck.check(csv: "", name: "e.csv").map(\.description)
            == ["e.csv:1: error: the file is empty; expected a header row naming the columns, such as date,arrivals"])
        #expect(DataCheck.check(csv: "date,n\n2026-01-17,1\n", name: "m.csv", options: LoadOptions(keyColumns: ["site"])).map(\.description)
            == [#"m.csv:1: error: no column named "site"; the columns are "date", "n"; name the key column with LoadOptions.keyColumns"#])
        #expect(DataCheck.check(file: URL(fileURLWithPath: "/nonexistent/x.csv")).map(\.severity) == [.error])
    }

    @Test("the list is capped, with a note of how many more there were")
    func capped() {
        let csv = "date,arrivals\n" + (1...5).map { "bad\($0),1\n" }.joined()
        let issues = DataCheck.check(csv: csv, name: "c.csv", now: testNow, maximumIssues: 2)
        #expect(issues.map(\.description) == [
            #"c.csv:2:1: error: "bad1" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#,
            #"c.csv:3:1: error: "bad2" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#,
            "c.csv: error: 3 more problems are not listed (the first 2 are)",
        ])
    }
}
