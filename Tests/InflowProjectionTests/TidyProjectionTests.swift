import Foundation
import InflowCore
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import Testing

/// A projection as tidy rows: local days in the series' time zone, intervals equal to `interval(_:period:coverage:)`,
/// CSV that reads back.
@Suite("Tidy projection rows")
struct TidyProjectionTests {
    static let phnomPenh = TimeZone(identifier: "Asia/Phnom_Penh")!

    /// 101 replicates over three daily periods after a report at 17:00 local time on 23 January 2026 (day 7 + 17/24
    /// since the origin, local midnight of 16 January): replicate b has `b * (k + 1)` arrivals in period k, except
    /// replicate 0, which failed (NaN).
    static func projection(model: ModelID = ModelID(family: "logistic", error: .negativeBinomial)) -> Projection {
        let origin = ISO8601DateFormatter().date(from: "2026-01-15T17:00:00Z")!
        let grid = ProjectionGrid.daily(after: 7 + 17.0 / 24, horizon: 3)
        let columns = (0...100).map { b in (0..<3).map { k in b == 0 ? Double.nan : Double(b * (k + 1)) } }
        return Projection(model: model, origin: origin, grid: grid, observedTotal: 2117,
                          increments: Matrix(columns: columns), finalSizes: Array(repeating: .nan, count: 101),
                          nonConvergedReplicates: 0, failedReplicates: 1, timeZone: phnomPenh)
    }

    @Test func rowsFollowTheIntervalsAndTheLocalDays() throws {
        let projection = Self.projection()
        let levels = [0.5, 0.85]
        let rows = projection.tidy(levels: levels)
        #expect(rows.count == projection.periods * 2 * levels.count)
        // The rest of 23 January after the 17:00 report, then 24 and 25 January, on Phnom Penh's clock.
        #expect(Array(Set(rows.map(\.date))).sorted() == ["2026-01-23", "2026-01-24", "2026-01-25"])
        #expect(rows.first?.end == "2026-01-24T00:00+07:00")
        for row in rows {
            #expect(row.model == "logistic (negative-binomial)")
            #expect(row.date == projection.day(row.period).text)
            #expect(row.horizon == row.period)     // horizon 0: the rest of the reference day
            #expect(row.replicates == 100)         // the failed replicate is left out
            let interval = try #require(projection.interval(row.target, period: row.period, coverage: row.level))
            #expect(row.lower == interval.lower && row.upper == interval.upper)
            let summary = projection.summaries(row.target, levels: [0.5])[row.period]
            #expect(row.median == summary.median && row.mean == summary.mean)
        }
        #expect(rows.map(\.period) == (0..<3).flatMap { k in Array(repeating: k, count: 4) })
        #expect(rows.prefix(4).map(\.target) == [.incidence, .incidence, .cumulative, .cumulative])
        #expect(rows.prefix(2).map(\.level) == levels)

        // Independently: period 0's arrivals are 1...100; type 7 quantiles at 0.25 and 0.75 are 25.75 and 75.25,
        // the mean 50.5; the cumulative total adds the observed 2,117.
        let first = rows[0]
        #expect(first.mean == 50.5 && first.median == 50.5)
        let (lower, upper) = (try #require(first.lower), try #require(first.upper))
        #expect(abs(lower - 25.75) < 1e-9 && abs(upper - 75.25) < 1e-9)
        let cumulativeMedian = try #require(rows[2].median)
        #expect(abs(cumulativeMedian - (2117 + 50.5)) < 1e-9)
    }

    @Test func aTargetNoReplicateGivesHasEmptyRows() throws {
        let rows = Self.projection().tidy(levels: [0.9], targets: [.remainingPool])
        #expect(rows.count == 3)
        for row in rows {
            #expect(row.target == .remainingPool && row.replicates == 0)
            #expect(row.mean == nil && row.median == nil && row.lower == nil && row.upper == nil)
        }
        let json = String(decoding: try JSONEncoder().encode(rows[0]), as: UTF8.self)
        #expect(json.contains("\"mean\":null") && json.contains("\"target\":\"remaining pool\""))
        #expect(try JSONDecoder().decode(TidyProjectionRow.self, from: Data(json.utf8)) == rows[0])
    }

    @Test func csvHasTheHeaderQuotesTextAndKeepsFullPrecision() throws {
        let projection = Self.projection(model: ModelID(family: "waves \"2\", shifted", error: .poisson))
        let rows = projection.tidy(levels: [0.9])
        let lines = TidyProjectionRow.csv(rows).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "model,period,date,horizon,end,target,level,mean,median,lower,upper,replicates")
        #expect(lines.count == rows.count + 2)    // header, rows, and the final line break
        #expect(lines.last == "")
        let first = String(lines[1])
        let model = "\"waves \"\"2\"\", shifted (poisson)\","
        #expect(first.hasPrefix(model))
        let fields = first.dropFirst(model.count).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == TidyProjectionRow.header.count - 1)
        #expect(fields[0] == "0" && fields[1] == "2026-01-23" && fields[2] == "0" && fields[3] == "2026-01-24T00:00+07:00")
        #expect(fields[4] == "inc arrivals" && fields[10] == "100")
        #expect(Double(fields[5]) == 0.9)
        #expect(Double(fields[8]) == rows[0].lower && Double(fields[9]) == rows[0].upper)

        let pool = TidyProjectionRow.csv(projection.tidy(levels: [0.9], targets: [.remainingPool]))
            .split(separator: "\n")[1]
        #expect(pool.hasSuffix(",remaining pool,0.9,,,,,0"))
    }
}
