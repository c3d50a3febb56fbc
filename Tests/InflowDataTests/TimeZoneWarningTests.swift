import Foundation
import InflowCore
@testable import InflowData
import Testing

/// Clock times without a UTC offset, read as UTC because no time zone was given: the loader says so, names what the
/// file's comments say about the zone, and applies nothing it was not told.
@Suite("Times read as UTC")
struct TimeZoneWarningTests {
    static let commented = """
        # Arrivals at the embassy.
        # as_of is local time in Phnom Penh (UTC+7).
        as_of,arrivals
        2026-01-17T23:59,243
        2026-01-18T23:59,65

        """

    static func warnings(_ csv: String, options: LoadOptions = LoadOptions()) throws -> [DataWarning] {
        try SeriesLoader(options: options, now: testNow).load(csv: csv, name: "kbri.csv").warnings
            .filter { $0.kind == .timesReadAsUTC }
    }

    @Test func theBundledFileReadWithoutATimeZoneWarnsAndNamesItsCommentsOffset() throws {
        let bundled = BundledDataset.defaultDataset
        let data = try SeriesLoader(now: .distantFuture).load(contentsOf: bundled.url, name: bundled.fileName)
        let warning = try #require(data.warnings.first { $0.kind == .timesReadAsUTC })
        #expect(data.warnings.filter { $0.kind == .timesReadAsUTC }.count == 1)
        #expect(warning.description == "kbri-phnom-penh-2026-01.csv:11:1: warning: times without a UTC offset (the first: "
            + "2026-01-17T23:59) are read as UTC because no time zone was given; the file's comments mention UTC+7 (line 3), "
            + "which is not applied; set LoadOptions.timeZone to the time zone of the figures' clock (to UTC if they are UTC)")
        // Said, not applied: the series is on UTC, its first total at 23:59 UTC.
        #expect(data.series[0].timeZone.secondsFromGMT() == 0)
        #expect(data.series[0].times[0] == instant("2026-01-17T23:59:00Z"))
        // The bundled dataset's own options give UTC+7: no warning, and the times are Phnom Penh's.
        let loaded = try bundled.load()
        #expect(!loaded.warnings.contains { $0.kind == .timesReadAsUTC })
        #expect(loaded.series[0].times[0] == instant("2026-01-17T23:59:00+07:00"))
    }

    @Test func aTimeZoneGivenUTCIncludedSilencesTheWarning() throws {
        #expect(try Self.warnings(Self.commented).count == 1)
        #expect(try Self.warnings(Self.commented, options: LoadOptions(timeZone: phnomPenh)).isEmpty)
        #expect(try Self.warnings(Self.commented, options: LoadOptions(timeZone: LoadOptions.utc)).isEmpty)
        var options = LoadOptions()
        #expect(options.givenTimeZone == nil && options.timeZone == LoadOptions.utc)
        options.timeZone = LoadOptions.utc
        #expect(options.givenTimeZone == LoadOptions.utc)
        #expect(try Self.warnings(Self.commented, options: options).isEmpty)
    }

    @Test func datesOffsetsAndDayNumbersAreNotWarnedAbout() throws {
        // Dates alone name the same days in any time zone; an offset says the instant; day numbers have no zone.
        #expect(try Self.warnings("# UTC+7\ndate,arrivals\n2026-01-17,5\n2026-01-18,6\n").isEmpty)
        #expect(try Self.warnings("date,arrivals\n2026-01-17T23:59+07:00,5\n2026-01-18T23:59Z,6\n").isEmpty)
        #expect(try Self.warnings("day,level\n1,5\n2,6\n").isEmpty)
        // One clock time without an offset among times with one: warned about, at its line.
        let mixed = try Self.warnings("date,arrivals\n2026-01-17T23:59+07:00,5\n2026-01-18T23:59,6\n")
        #expect(mixed.map(\.line) == [3])
    }

    @Test func withoutAMentionTheWarningSaysWhatToSet() throws {
        let warning = try #require(try Self.warnings("as_of,arrivals\n2026-01-17 08:00,5\n").first)
        #expect(warning.message == "times without a UTC offset (the first: 2026-01-17 08:00) are read as UTC because no time "
            + "zone was given; set LoadOptions.timeZone to the time zone of the figures' clock (to UTC if they are UTC)")
        let named = try #require(try Self.warnings("# Times are Asia/Phnom_Penh wall-clock.\nas_of,arrivals\n2026-01-17 08:00,5\n").first)
        #expect(named.message.contains("the file's comments mention Asia/Phnom_Penh (line 1), which is not applied"))
    }

    @Test func theCommentsMentionsAreFoundAsWritten() {
        let cases: [(String, String?)] = [
            ("as_of is local time in Phnom Penh (UTC+7).", "UTC+7"),
            ("times in UTC+07:00", "UTC+07:00"),
            ("New York, GMT -0530 in winter", "GMT -0530"),
            ("utc\u{2212}5", "utc\u{2212}5"),
            ("Times are UTC.", nil),
            ("GMT+7h", "GMT+7"),
            ("STUTC+7", nil),
            ("2026/01/16 and/or N/A", nil),
            ("zone Asia/Phnom_Penh, see above", "Asia/Phnom_Penh"),
        ]
        for (comment, expected) in cases {
            let found = ZoneMention.first(in: [comment], lines: [4])
            #expect(found?.text == expected, "\(comment)")
            if expected != nil { #expect(found?.line == 4) }
        }
        #expect(ZoneMention.first(in: ["nothing", "UTC+8 here"], lines: [1, 2]) == ZoneMention(text: "UTC+8", line: 2))
    }

    @Test func theCheckListsItAndAShardedReadSaysItOnce() throws {
        let issues = DataCheck.check(csv: Self.commented, name: "kbri.csv", now: testNow)
        #expect(issues.contains { $0.warningKind == .timesReadAsUTC && $0.description.contains("kbri.csv:4:1: warning: times without") })
        let keyed = "site,date,arrivals\na,2026-01-16T08:00,3\na,2026-01-17T08:00,5\nb,2026-01-16T08:00,1\nb,2026-01-17T08:00,2\n"
        let reader = try KeyGroupReader(reader: CSVReader(string: keyed, name: "sites.csv"),
                                        options: LoadOptions(keyColumns: ["site"]), now: testNow)
        var said = 0
        while let group = try reader.next() { said += group.data.warnings.filter { $0.kind == .timesReadAsUTC }.count }
        #expect(said == 1)
    }
}
