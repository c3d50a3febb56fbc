import Foundation
import InflowCore
import InflowData
import Testing

/// Public time handling: the formats the command line reads, time zones as `--time-zone` takes them, and the
/// series' time zone kept by the loader and through saving. Expected instants come from Foundation's
/// `Calendar` (an implementation independent of ``ParsedTime``).
@Suite("Time handling")
struct TimeHandlingTests {
    static let phnomPenh = TimeZone(secondsFromGMT: 7 * 3600)!

    /// The instant of a wall-clock reading in `timeZone`, by Foundation's calendar.
    static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
                        in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    @Test("the command line's time formats parse to the instants Foundation's calendar gives")
    func formats() throws {
        let utc = TimeZone(secondsFromGMT: 0)!
        let cases: [(String, Date)] = [
            ("2026-01-17T23:59", Self.instant(2026, 1, 17, 23, 59, in: Self.phnomPenh)),
            ("2026-01-17 23:59:30", Self.instant(2026, 1, 17, 23, 59, 30, in: Self.phnomPenh)),
            ("2026-01-17", Self.instant(2026, 1, 17, in: Self.phnomPenh)),
            ("2026-01-17T23:59Z", Self.instant(2026, 1, 17, 23, 59, in: utc)),
            ("2026-01-17T23:59+07:00", Self.instant(2026, 1, 17, 23, 59, in: Self.phnomPenh)),
            ("2026-01-17T23:59-0530", Self.instant(2026, 1, 17, 23, 59, in: TimeZone(secondsFromGMT: -19_800)!)),
        ]
        for (text, expected) in cases {
            #expect(ParsedTime.date(text, in: Self.phnomPenh) == expected, "\(text)")
        }
        // An offset written wins over the time zone given; a date alone may be read at 23:59 (cumulative totals).
        #expect(ParsedTime.date("2026-01-17T23:59+07:00", in: utc) == Self.instant(2026, 1, 17, 23, 59, in: Self.phnomPenh))
        #expect(ParsedTime.date("2026-01-17", in: Self.phnomPenh, dateOnlySecond: 86_340)
                == Self.instant(2026, 1, 17, 23, 59, in: Self.phnomPenh))
        #expect(ParsedTime.date("2026-01-17") == Self.instant(2026, 1, 17, in: utc))
        for bad in ["2026-02-30", "2026-01-17T24:00", "17/01/2026", "2026-01-17T23:59+7", ""] {
            #expect(ParsedTime.date(bad, in: Self.phnomPenh) == nil, "\(bad)")
        }
        #expect(ParsedTime("2026-01-17T23:59")?.civilDate == CivilDate(year: 2026, month: 1, day: 17))
    }

    @Test("time zones as --time-zone takes them: UTC, offsets and identifiers")
    func timeZones() throws {
        #expect(ParsedTime.timeZone("+07:00")?.secondsFromGMT() == 25_200)
        #expect(ParsedTime.timeZone("+0700")?.secondsFromGMT() == 25_200)
        #expect(ParsedTime.timeZone("+07")?.secondsFromGMT() == 25_200)
        #expect(ParsedTime.timeZone("-05:30")?.secondsFromGMT() == -19_800)
        #expect(ParsedTime.timeZone("UTC")?.secondsFromGMT() == 0)
        #expect(ParsedTime.timeZone("Z")?.secondsFromGMT() == 0)
        #expect(ParsedTime.timeZone("Asia/Phnom_Penh")?.identifier == "Asia/Phnom_Penh")
        for bad in ["+7", "+07:0", "07:00", "+19:00", "+07:60", "Phnom Penh", "+07:00:00", "Nowhere/Atlantis"] {
            #expect(ParsedTime.timeZone(bad) == nil, "\(bad)")
        }
    }

    @Test("a loaded series keeps the file's time zone and names its days on that clock")
    func loaderKeepsTheTimeZone() throws {
        let csv = "as_of,cumulative_since_2026_01_16\n2026-01-17T23:59,243\n2026-01-18T23:59,308\n2026-01-19T17:00,600\n"
        let data = try SeriesLoader(options: LoadOptions(timeZone: Self.phnomPenh), now: .distantFuture).load(csv: csv)
        let series = data.series[0]
        #expect(series.timeZone.secondsFromGMT() == 25_200)
        #expect(series.localDay(of: series.times[0]) == CivilDate(year: 2026, month: 1, day: 17))
        #expect(series.localText(series.times[2]) == "2026-01-19T17:00")
        #expect(series.localText(series.times[2], withOffset: true) == "2026-01-19T17:00+07:00")
        #expect(series.date("2026-01-19T17:00") == series.times[2])
        #expect(series.startOfDay(CivilDate(year: 2026, month: 1, day: 16)) == series.origin)
        #expect(series.prepared().timeZone.secondsFromGMT() == 25_200)
        let bundled = try BundledDataset.defaultDataset.load().series[0]
        #expect(bundled.timeZone.secondsFromGMT() == 25_200)
        #expect(try SeriesLoader().load(csv: csv).series[0].timeZone.secondsFromGMT() == 0)
    }

    @Test("a series' time zone is saved with it; a series saved before it was kept reads as UTC")
    func coding() throws {
        let times = [Self.instant(2026, 1, 17, 23, 59, in: Self.phnomPenh), Self.instant(2026, 1, 18, 23, 59, in: Self.phnomPenh)]
        for zone in [Self.phnomPenh, TimeZone(identifier: "Asia/Phnom_Penh")!, TimeZone(secondsFromGMT: 0)!] {
            let series = InflowSeries(name: "s", kind: .cumulative, times: times, values: [243, 308], timeZone: zone)
            let data = try JSONEncoder().encode(series)
            let decoded = try JSONDecoder().decode(InflowSeries.self, from: data)
            #expect(decoded.timeZone.secondsFromGMT(for: times[0]) == zone.secondsFromGMT(for: times[0]))
            #expect(decoded.times == series.times && decoded.values == series.values)
        }
        let saved = try JSONEncoder().encode(InflowSeries(name: "s", kind: .cumulative, times: times, values: [243, 308],
                                                          timeZone: Self.phnomPenh))
        var object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        #expect(object["timeZone"] as? String == "+07:00")
        object["timeZone"] = nil
        let old = try JSONDecoder().decode(InflowSeries.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(old.timeZone.secondsFromGMT() == 0)
        object["timeZone"] = "Nowhere/Atlantis"
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(InflowSeries.self, from: try JSONSerialization.data(withJSONObject: object))
        }
    }
}
