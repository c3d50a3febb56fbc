import Foundation
import InflowArchive
import InflowCore
import InflowData
import InflowProjection
import InflowStatistics
import Testing

@Suite("Scoring an archive against newer figures")
struct ArchiveScorerTests {
    static let header = "as_of,cumulative_since_2026_01_16,kind\n"

    /// A run made on 24 January (last report 23:59, total 2,277), and newer figures: 25 January exact, 26 January
    /// until 17:00 (a partial day), 27 January "more than 2,900"; the 24 January total corrected to 2,280.
    static func scenario() throws -> (root: URL, scores: ArchiveScores, before: [String: String]) {
        let root = ArchiveFixtures.temporaryDirectory()
        let archive = try ForecastArchive.open(at: root, creating: true)
        let observations = [ArchivedObservation(time: "2026-01-23T17:00+07:00", value: 2117, kind: .partialDay),
                            ArchivedObservation(time: "2026-01-24T23:59+07:00", value: 2277, kind: .exact)]
        _ = try archive.add(rows: ArchiveFixtures.rows(reference: "2026-01-24", days: 5, median: 150, startTotal: 2277),
                            metadata: ArchiveFixtures.metadata(reference: "2026-01-24", lastObservation: "2026-01-24T23:59+07:00",
                                                               observations: observations),
                            results: nil)
        let newer = try ArchiveFixtures.load(header + """
            2026-01-23T17:00,2117,partial_day
            2026-01-24T23:59,2280,exact
            2026-01-25T23:59,2400,exact
            2026-01-26T17:00,2500,partial_day
            2026-01-27T12:00,2900,lower_bound

            """)
        let before = ArchiveFixtures.snapshot(root)
        return (root, ArchiveScorer.score(archive.list(), newer: newer), before)
    }

    @Test("exact figures, partial days and bounds become exact and censored truths; later days are pending")
    func truths() throws {
        let (_, scores, _) = try Self.scenario()
        let run = try #require(scores.runs.first)
        func observation(_ target: String, _ day: String) -> ObservedValue? {
            run.scores.first { $0.target == target && $0.targetEndDate == day }?.observation
        }
        // 25 January: total 2,400 exact; arrivals 2,400 − 2,280 (the corrected total at the run's last report).
        #expect(observation("day cum arrivals", "2026-01-25") == ObservedValue(value: 2400, bound: .exact))
        #expect(observation("day inc arrivals", "2026-01-25") == ObservedValue(value: 120, bound: .exact))
        // 26 January: only until 17:00, so the day ended with at least 2,500, at least 100 arrivals that day.
        #expect(observation("day cum arrivals", "2026-01-26") == ObservedValue(value: 2500, bound: .atLeast))
        #expect(observation("day inc arrivals", "2026-01-26") == ObservedValue(value: 100, bound: .atLeast))
        // 27 January: "more than 2,900" at noon bounds the day's end total (scored now, censored); the day's
        // arrivals are not determined yet (a bound minus a bound): pending.
        #expect(observation("day cum arrivals", "2026-01-27") == ObservedValue(value: 2900, bound: .atLeast))
        #expect(observation("day inc arrivals", "2026-01-27") == nil)
        // 28 and 29 January: after the last figure.
        #expect(run.pending.count == 5)
        #expect(Set(run.pending.map(\.targetEndDate)) == ["2026-01-27", "2026-01-28", "2026-01-29"])
        #expect(run.undetermined == 0)
        // The 24 January total was corrected.
        #expect(run.corrections == [FigureCorrection(runID: run.metadata.runID, time: "2026-01-24T23:59+07:00", archived: 2277,
                                                     archivedKind: .exact, newer: 2280, newerKind: .exact)])
    }

    @Test("scores are the forecast's WIS against the truth, censored for bounds; the archive is untouched")
    func scoresAndReadOnly() throws {
        let (root, scores, before) = try Self.scenario()
        let run = try #require(scores.runs.first)
        let levels = ArchiveFixtures.levels
        // 25 January arrivals: median 150, spread 75; the truth 120.
        let forecast = try QuantileForecast(levels: levels, values: levels.map { 150 + 75 * ($0 - 0.5) * 4 })
        let score = try #require(run.scores.first { $0.target == "day inc arrivals" && $0.targetEndDate == "2026-01-25" })
        #expect(score.wis == WeightedIntervalScore(forecast: forecast, observation: 120))
        #expect(score.covered == [true, true, true])
        // 26 January: at least 100, the censored forecast min(q, 100) against 100.
        let bounded = try #require(run.scores.first { $0.target == "day inc arrivals" && $0.targetEndDate == "2026-01-26" })
        let censored = try TargetScore.censored(forecast, at: 100, lower: true)
        #expect(bounded.wis == WeightedIntervalScore(forecast: censored, observation: 100))
        #expect(bounded.covered == nil)
        // The evaluation table: one row per score, NA coverage for bounds; target data: exact whole days only.
        let table = EvaluationTable.scores(scores).split(separator: "\n")
        #expect(table.count == 1 + run.scores.count)
        #expect(table.contains { $0.contains(",2026-01-26,100,lower_bound,") && $0.contains(",NA,NA,NA,") })
        let target = EvaluationTable.targetData(scores)
        #expect(target == """
            target_end_date,target,location,observation
            2026-01-25,day cum arrivals,kbri-phnom-penh,2400
            2026-01-25,day inc arrivals,kbri-phnom-penh,120

            """)
        #expect(ArchiveFixtures.snapshot(root) == before)
    }

    @Test("daily counts: each day's row is its truth; a partial day bounds its day; the running sum gives totals")
    func counts() throws {
        var options = LoadOptions()
        options.kind = .counts
        options.timeZone = ArchiveFixtures.timeZone
        let loaded = try SeriesLoader(options: options).load(csv: """
            date,arrivals,kind
            2026-01-20,100,
            2026-01-21,120,
            2026-01-22T17:00,90,partial_day
            """, name: "counts.csv")
        let truths = TargetTruths(series: try #require(loaded.total ?? loaded.series.first))
        let day = { (text: String) in ParsedTime(text)!.date(in: ArchiveFixtures.timeZone) }
        #expect(truths.arrivals(from: day("2026-01-21"), to: day("2026-01-22")) == ObservedValue(value: 120, bound: .exact))
        #expect(truths.cumulative(at: day("2026-01-22")) == ObservedValue(value: 220, bound: .exact))
        #expect(truths.arrivals(from: day("2026-01-22"), to: day("2026-01-23")) == ObservedValue(value: 90, bound: .atLeast))
        #expect(truths.cumulative(at: day("2026-01-23")) == ObservedValue(value: 310, bound: .atLeast))
    }
}
