import Foundation
import Testing
@testable import InflowData

/// Known releases by province: names and codes resolve, dates and date-times are read in the time zone
/// (or with their offset), and every bad file names its line and column.
@Suite("Release events files")
struct ReleaseEventsTests {
    static let gazetteer: ProvinceGazetteer = {
        do { return try ProvinceGazetteer.bundled() } catch { fatalError("bundled gazetteer: \(error)") }
    }()

    /// Releases read from `csv`, written to a temporary file named `releases.csv`, in Phnom Penh time.
    private func releases(_ csv: String) throws -> ReleaseEvents {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("releases.csv")
            try Data(csv.utf8).write(to: url)
            return try ReleaseEvents(contentsOf: url, gazetteer: Self.gazetteer, timeZone: phnomPenh, name: "releases.csv")
        }
    }

    /// The error reading `csv` gives, or `nil` (recording an issue) when it reads.
    private func releasesError(_ csv: String) -> DataError? {
        do {
            _ = try releases(csv)
            Issue.record("expected an error for \(csv.debugDescription)")
            return nil
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("names and codes resolve; dates, date-times and offsets give instants; descriptions are kept")
    func goodFile() throws {
        let read = try releases("""
            # Releases named in January 2026 reporting
            province,date,description
            Tbong Khmum,2026-01-17,"compound near the Vietnam border emptied, about 1,000 people"
            kh-20, 2026-01-19T08:00 ,Bavet compounds
            Banteay Meanchey,2026-01-20T08:00+07:00,
            Preah Sihanouk,2026-01-21T01:00:30Z,
            """)
        #expect(read.source == "releases.csv")
        #expect(read.events.map(\.isoCode) == ["KH-25", "KH-20", "KH-1", "KH-18"])
        #expect(read.events.map(\.province) == ["Tbong Khmum", "Svay Rieng", "Banteay Meanchey", "Preah Sihanouk"])
        #expect(read.events.map(\.line) == [3, 4, 5, 6])
        #expect(read.events.map(\.date) == [instant("2026-01-17T00:00:00+07:00"), instant("2026-01-19T08:00:00+07:00"),
                                            instant("2026-01-20T01:00:00Z"), instant("2026-01-21T01:00:30Z")])
        #expect(read.events.map(\.description) == ["compound near the Vietnam border emptied, about 1,000 people",
                                                   "Bavet compounds", nil, nil])
        #expect(read.event(for: "KH-20")?.line == 4)
        #expect(read.event(for: "KH-12") == nil)
        let event = ReleaseEvent(isoCode: "KH-20", province: "Svay Rieng", date: instant("2026-01-19T01:00:00Z"),
                                 description: "Bavet compounds", line: 4)
        #expect(read.event(for: "KH-20") == event)
    }

    @Test("without a description column; dates read in the time zone given")
    func withoutDescription() throws {
        let read = try releases("Date,Province\n2026-01-17,KH-25\n")
        #expect(read.events == [ReleaseEvent(isoCode: "KH-25", province: "Tbong Khmum",
                                             date: instant("2026-01-16T17:00:00Z"), description: nil, line: 2)])
        let utc = try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("r.csv")
            try Data("province,date\nKep,2026-01-17\n".utf8).write(to: url)
            return try ReleaseEvents(contentsOf: url, gazetteer: Self.gazetteer, timeZone: TimeZone(identifier: "UTC")!)
        }
        #expect(utc.events.first?.date == instant("2026-01-17T00:00:00Z"))
        #expect(utc.source.hasSuffix("r.csv"))
    }

    @Test("a missing column lists the columns there are")
    func missingColumn() {
        let error = releasesError("province,day\nKep,2026-01-17\n")
        #expect(error?.kind == .missingColumn)
        #expect(error?.description
            == #"releases.csv:1: no column named "date"; the columns are "province", "day"; expected the columns province,date and optionally description"#)
    }

    @Test("a row with too many fields")
    func fieldCount() {
        let error = releasesError("province,date,description\nKep,2026-01-17,emptied, at night\n")
        #expect(error?.kind == .fieldCount)
        #expect(error?.description
            == "releases.csv:2:4: 4 fields; expected 3 as in the header (a value containing a comma must be in double quotes)")
    }

    @Test("an unknown province, with a suggestion")
    func unknownProvince() {
        let error = releasesError("province,date\nKep,2026-01-17\nTbong Kmum,2026-01-18\n")
        #expect(error?.kind == .unknownProvince)
        #expect(error?.description == #"releases.csv:3:1: unknown province "Tbong Kmum"; did you mean Tbong Khmum (KH-25)?"#)
        #expect(releasesError("date,province\n2026-01-17,Mondolkiri\n")?.description
            == #"releases.csv:2:2: unknown province "Mondolkiri"; did you mean Mondulkiri (KH-11)?"#)
    }

    @Test("a date that is not one of the forms, or empty")
    func invalidDate() {
        let forms = "expected a date such as 2026-01-17 or a date-time such as 2026-01-17T08:00, optionally with an offset such as 2026-01-17T08:00+07:00"
        for field in ["2026-13-45", "17/01/2026", "2026-02-30", "2026-01-17T24:00", "2026-01-17 8am"] {
            let error = releasesError("province,date\nKep,2026-01-17\nKampot,\(field)\n")
            #expect(error?.kind == .invalidTime)
            #expect(error?.description == #"releases.csv:3:2: "\#(field)" is not a date; \#(forms)"#)
        }
        #expect(releasesError("province,date,description\nKep,,emptied\n")?.description
            == "releases.csv:2:2: the date is empty; \(forms)")
    }

    @Test("the same province twice names both lines")
    func duplicateProvince() {
        let error = releasesError("""
            province,date
            Svay Rieng,2026-01-17
            Kandal,2026-01-18
            Kep,2026-01-18
            KH-20,2026-01-20
            """)
        #expect(error?.kind == .duplicateProvince)
        #expect(error?.description
            == "releases.csv:5:1: one release per province: Svay Rieng is on lines 2 and 5; keep the earliest or split the province's pool in a shares file")
    }

    @Test("a header without rows")
    func noRows() {
        let error = releasesError("province,date,description\n,,\n")
        #expect(error?.kind == .noRows)
        #expect(error?.description
            == "releases.csv:1: the file has a header but no rows; expected one row per release, such as Tbong Khmum,2026-01-17")
    }
}
