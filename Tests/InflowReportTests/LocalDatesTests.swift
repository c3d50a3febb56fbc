import Foundation
import InflowAnalysis
import InflowArchive
import InflowCore
import InflowData
import InflowModels
import InflowProjection
import InflowReport
import Testing

/// The series' time zone kept through an analysis: fits, projections, hub rows and report inputs name the
/// data's local days (UTC+7 for the bundled figures), not UTC ones.
@Suite("Local dates of results")
struct LocalDatesTests {
    /// The local day of the instant one second before `date`, by Foundation's calendar in `timeZone`.
    static func dayBefore(_ date: Date, in timeZone: TimeZone) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date.addingTimeInterval(-1))
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    @Test("every projection of an analysis carries the series' time zone and names its periods' local days")
    func projectionDays() throws {
        let result = try ChartAPITests.analysis.get()
        let total = result.total
        let zone = total.series.timeZone
        #expect(zone.secondsFromGMT() == 7 * 3600)
        for fit in total.fits { #expect(fit.observations.timeZone == zone) }
        for projection in total.projections + [total.headline] {
            #expect(projection.timeZone == zone, "\(projection.model)")
        }
        let headline = total.headline
        #expect(headline.days == (0..<headline.periods).map { Self.dayBefore(headline.endDate($0), in: zone) })
        #expect(headline.days == headline.hubDays().targets)
        // The last report is 24 January, 23:59 in Phnom Penh (16:59 UTC, the same UTC day; the local day matters
        // for the periods' ends, which are local midnights).
        #expect(headline.referenceDay == CivilDate(year: 2026, month: 1, day: 24))
        let k = try #require(headline.period(covering: CivilDate(year: 2026, month: 2, day: 7)))
        #expect(headline.localText(headline.endDate(k)) == "2026-02-08T00:00")
        #expect(headline.day(k).text == "2026-02-07")
        let rows = headline.hubRows(location: "x").filter { $0.outputType == "mean" && $0.target == "day inc arrivals" }
        #expect(rows.map(\.targetEndDate) == headline.days.map(\.text))
        #expect(result.hubRows(timeZone: zone).contains { $0.targetEndDate == "2026-02-07" })
        // By default the rows are read in the data's time zone; read at UTC+14 every day moves on by one.
        let localDays = result.hubRows().map(\.targetEndDate)
        #expect(localDays == result.hubRows(timeZone: zone).map(\.targetEndDate))
        let kiribati = result.hubRows(timeZone: TimeZone(secondsFromGMT: 14 * 3600)!).map(\.targetEndDate)
        #expect(kiribati.first == "2026-01-26" && localDays.first == "2026-01-25")
        #expect(headline.description.hasSuffix(
            "; local days \(headline.days.first!.text) to \(headline.days.last!.text) (UTC+07:00)"))
    }

    @Test("an archived run's metadata records the series' time zone unless told otherwise")
    func archiveMetadata() throws {
        let result = try ChartAPITests.analysis.get()
        let metadata = ArchiveRunMetadata(analysis: result, rows: result.hubRows(), input: ArchiveInput(name: "data.csv", bytes: []),
                                          inflowVersion: "test", createdAt: Date(timeIntervalSince1970: 1_769_310_000))
        #expect(metadata.utcOffsetSeconds == 7 * 3600)
        #expect(metadata.lastObservation == "2026-01-24T23:59+07:00")
    }

    @Test("a report input takes the series' time zone unless told otherwise")
    func reportInputTimeZone() throws {
        let result = try ChartAPITests.analysis.get()
        #expect(ReportInput(analysis: result, toolVersion: "test").timeZone.secondsFromGMT() == 7 * 3600)
        let utc = TimeZone(secondsFromGMT: 0)!
        #expect(ReportInput(analysis: result, toolVersion: "test", timeZone: utc).timeZone == utc)
        let chart = Chart.fit(result.total)
        #expect(chart.xAxis.unit.contains("UTC+07:00"))
    }
}
