import Foundation
import InflowCore
import Testing
@testable import InflowData

@Suite("Loading series")
struct SeriesLoaderTests {
    @Test("a long-format file with a province column gives one series per province and the total")
    func longFormat() throws {
        let url = try resource("provinces-long.csv")
        let data = try SeriesLoader(options: LoadOptions(keyColumns: ["province"]), now: testNow)
            .load(contentsOf: url, name: "provinces-long.csv")
        #expect(data.kind == .counts)
        #expect(data.timeColumn == "date")
        #expect(data.valueColumn == "arrivals")
        #expect(data.keyColumns == ["province"])
        #expect(data.rowCount == 8)
        #expect(subject(data.warnings).isEmpty)
        #expect(data.file == "provinces-long.csv")
        #expect(data.provenance == [
            "Synthetic test data: daily arrivals at one embassy by province of departure.",
            "Kandal's figure for 2026-01-18 was not published (empty = missing, not zero).",
        ])
        #expect(data.series.map(\.name) == ["Preah Sihanouk", "Kandal", "Svay Rieng"])
        #expect(data.series.map(\.values) == [[40, 55, 60], [12, nil, 20], [7, 9]])
        let day17 = instant("2026-01-17T00:00:00Z")
        #expect(data.series.allSatisfy { $0.kind == .counts && $0.origin == day17 && $0.periodLength == 1 })
        #expect(data.series[0].times == [day17, day17 + 86_400, day17 + 2 * 86_400])
        #expect(data.series[2].days == [1, 2])
        let total = try #require(data.total)
        #expect(total.name == "Total")
        #expect(total.kind == .counts)
        #expect(total.times == data.series[0].times)
        #expect(total.values == [52, 62, 89])
        #expect(data.series(named: "Kandal")?.values == [12, nil, 20])
        #expect(data.series(named: "Total")?.values == [52, 62, 89])
    }

    @Test("the total of cumulative totals adds each key's last total at or before each time")
    func cumulativeTotal() throws {
        let csv = """
            as_of,site,cumulative_since_2026_01_16
            2026-01-17T12:00,Poipet,10
            2026-01-17T18:00,Bavet,4
            2026-01-18T12:00,Poipet,25
            2026-01-18T12:00,Bavet,9
            2026-01-19T08:00,Bavet,NA
            2026-01-19T12:00,Poipet,30
            """
        let data = try SeriesLoader(options: LoadOptions(keyColumns: ["site"]), now: testNow).load(csv: csv)
        #expect(data.kind == .cumulative)
        #expect(data.origin == instant("2026-01-16T00:00:00Z"))
        #expect(data.series.map(\.name) == ["Poipet", "Bavet"])
        #expect(data.series[1].values == [4, 9, nil])
        #expect(data.series.allSatisfy { $0.cumulativeCountsFromOrigin })
        let total = try #require(data.total)
        #expect(total.times == ["2026-01-17T12:00:00Z", "2026-01-17T18:00:00Z", "2026-01-18T12:00:00Z", "2026-01-19T12:00:00Z"].map(instant))
        #expect(total.values == [10, 14, 34, 39])
        #expect(total.origin == instant("2026-01-16T00:00:00Z"))
    }

    @Test("several key columns name a series by their values joined with a slash")
    func severalKeys() throws {
        let csv = "date,nationality,province,arrivals\n2026-01-17,ID,Kandal,3\n2026-01-17,ID,Takeo,2\n2026-01-17,VN,Kandal,1\n"
        let data = try SeriesLoader(options: LoadOptions(keyColumns: ["nationality", "province"]), now: testNow).load(csv: csv)
        #expect(data.series.map(\.name) == ["ID / Kandal", "ID / Takeo", "VN / Kandal"])
        #expect(data.total?.values == [6])
    }

    @Test("a single series is named after the file; without keys there is no total")
    func singleSeries() throws {
        let data = try SeriesLoader(now: testNow).load(csv: "date,arrivals\n2026-01-18,5\n2026-01-17,4\n", name: "data/kbri.csv")
        #expect(data.series.map(\.name) == ["kbri"])
        #expect(data.total == nil)
        // Rows need not be in time order.
        #expect(data.series[0].values == [4, 5])
    }

    @Test("ISO 8601 forms: dates, date-times, seconds, fractions, offsets")
    func timeForms() throws {
        let csv = """
            time,arrivals
            2026-01-17,1
            2026-01-17T06:00,2
            2026-01-17T07:00:30,3
            2026-01-17 08:00:00.25,4
            2026-01-17T09:00Z,5
            2026-01-17T17:00+07:00,6
            2026-01-17T18:00+0700,7
            2026-01-17T19:00-01:30,8
            """
        let data = try SeriesLoader(now: testNow).load(csv: csv)
        #expect(data.series[0].values == [1, 2, 3, 4, 5, 6, 7, 8])
        var expected: [Date] = [
            "2026-01-17T00:00:00Z", "2026-01-17T06:00:00Z", "2026-01-17T07:00:30Z", "2026-01-17T08:00:00Z",
            "2026-01-17T09:00:00Z", "2026-01-17T10:00:00Z", "2026-01-17T11:00:00Z", "2026-01-17T20:30:00Z",
        ].map(instant)
        expected[3] += 0.25
        #expect(data.series[0].times == expected)
    }

    @Test("a date is the start of the day for counts and its end, 23:59, for cumulative totals, in the time zone")
    func datesInTimeZone() throws {
        let options = LoadOptions(timeZone: phnomPenh)
        let counts = try SeriesLoader(options: options, now: testNow).load(csv: "date,arrivals\n2026-01-17,5\n")
        #expect(counts.series[0].times == [instant("2026-01-16T17:00:00Z")])
        let totals = try SeriesLoader(options: options, now: testNow).load(csv: "date,total\n2026-01-17,5\n")
        #expect(totals.series[0].times == [instant("2026-01-17T16:59:00Z")])
        #expect(totals.origin == nil)
        #expect(totals.series[0].cumulativeCountsFromOrigin == false)
        let clock = try SeriesLoader(options: options, now: testNow).load(csv: "as_of,total\n2026-01-17T23:59,5\n2026-01-18T01:00Z,6\n")
        #expect(clock.series[0].times == [instant("2026-01-17T16:59:00Z"), instant("2026-01-18T01:00:00Z")])
    }

    @Test("local times in a zone with daylight saving time use the offset of that date")
    func daylightSaving() throws {
        guard let berlin = TimeZone(identifier: "Europe/Berlin") else { return }
        let data = try SeriesLoader(options: LoadOptions(timeZone: berlin), now: testNow)
            .load(csv: "date,arrivals\n2025-03-29T12:00,1\n2025-03-30T12:00,2\n")
        #expect(data.series[0].times == [instant("2025-03-29T11:00:00Z"), instant("2025-03-30T10:00:00Z")])
    }

    @Test("the kind and the origin come from the value column's name")
    func namesTellKindAndOrigin() {
        #expect(LoadOptions.kind(forValueColumn: "cumulative_since_2026_01_16") == .cumulative)
        #expect(LoadOptions.kind(forValueColumn: "Total arrivals") == .cumulative)
        #expect(LoadOptions.kind(forValueColumn: "arrivals") == .counts)
        #expect(LoadOptions.origin(forValueColumn: "cumulative_since_2026_01_16", timeZone: phnomPenh)
            == instant("2026-01-16T00:00:00+07:00"))
        #expect(LoadOptions.origin(forValueColumn: "Total since 2026-01-16", timeZone: LoadOptions.utc)
            == instant("2026-01-16T00:00:00Z"))
        #expect(LoadOptions.origin(forValueColumn: "cumulative_since_20260116", timeZone: LoadOptions.utc)
            == instant("2026-01-16T00:00:00Z"))
        #expect(LoadOptions.origin(forValueColumn: "cumulative", timeZone: LoadOptions.utc) == nil)
        #expect(LoadOptions.origin(forValueColumn: "since_2026_13_16", timeZone: LoadOptions.utc) == nil)
    }

    @Test("explicit options override detection; column names match ignoring case")
    func explicitOptions() throws {
        let csv = "Day of report,Site,Arrivals,Cumulative\n2026-01-17,Poipet,5,5\n2026-01-18,Poipet,3,8\n"
        let origin = instant("2026-01-10T00:00:00Z")
        let data = try SeriesLoader(options: LoadOptions(
            timeColumn: "day of report", valueColumn: "cumulative", keyColumns: ["site"], kind: .cumulative, origin: origin),
                                    now: testNow).load(csv: csv)
        #expect(data.timeColumn == "Day of report")
        #expect(data.valueColumn == "Cumulative")
        #expect(data.series[0].values == [5, 8])
        #expect(data.series[0].origin == origin)
        let detected = try SeriesLoader(options: LoadOptions(keyColumns: ["Site"]), now: testNow).load(csv: csv)
        #expect(detected.valueColumn == "Arrivals")
        #expect(detected.kind == .counts)
    }

    @Test("plain numbers of days, detected or requested, for level data")
    func dayNumbers() throws {
        let csv = "day,level\n0,1.5\n1,2.5\n2.5,-3\n"
        let data = try SeriesLoader(options: LoadOptions(kind: .level), now: testNow).load(csv: csv)
        let series = data.series[0]
        #expect(series.kind == .level)
        #expect(series.days == [0, 1, 2.5])
        #expect(series.values == [1.5, 2.5, -3])
        #expect(series.origin == Date(timeIntervalSince1970: 0))
        #expect(loadError("day,level\n2026-01-17,1\n", options: LoadOptions(dayNumbers: true))?.description
            == #"data.csv:2:1: "2026-01-17" is not a number of days; expected a plain number such as 12 or 12.5"#)
        #expect(loadError("day,level\n12,1\n", options: LoadOptions(dayNumbers: false))?.description
            == #"data.csv:2:1: "12" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"#)
    }

    @Test("missing values are kept as nil, never as zero")
    func missingValues() throws {
        let data = try SeriesLoader(now: testNow).load(csv: "date,arrivals\n2026-01-17,\n2026-01-18,NA\n2026-01-19,n/a\n2026-01-20, 4 \n")
        #expect(data.series[0].values == [nil, nil, nil, 4])
    }
}
