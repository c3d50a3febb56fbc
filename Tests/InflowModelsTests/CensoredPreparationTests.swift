import InflowCore
import Foundation
import Testing
import InflowModels

/// Preparation of figures with a kind: partial days and bounds (issue 17).
@Suite("Preparing bounds and partial days")
struct CensoredPreparationTests {
    let day = 86_400.0
    let origin = Date(timeIntervalSince1970: 1_768_496_400)   // 2026-01-16T00:00+07:00

    func series(_ kind: ObservationKind, _ days: [Double], _ values: [Double?], _ kinds: [FigureKind]) -> InflowSeries {
        var series = InflowSeries(kind: kind, origin: origin, times: days.map { origin.addingTimeInterval($0 * day) },
                                  values: values)
        series.figureKinds = kinds
        return series
    }

    @Test("a partial-day count runs from the start of its day to its time; a cumulative partial day changes nothing")
    func partialDays() {
        let counts = series(.counts, [0, 1, 2 + 17.0 / 24], [100, 120, 80], [.exact, .exact, .partialDay]).prepared()
        #expect(counts.intervals.map(\.start) == [0, 1, 2])
        #expect(abs(counts.intervals[2].end - (2 + 17.0 / 24)) < 1e-12)
        #expect(counts.intervals[2].count == 80)
        #expect(counts.censored.isEmpty)
        // A partial day at midnight closes the day before.
        let midnight = series(.counts, [0, 2], [100, 80], [.exact, .partialDay]).prepared()
        #expect(midnight.intervals[1] == CountInterval(start: 1, end: 2, count: 80))

        let totals = series(.cumulative, [1, 2.7], [100, 220], [.exact, .partialDay]).prepared()
        let exact = series(.cumulative, [1, 2.7], [100, 220], [.exact, .exact]).prepared()
        #expect(totals.intervals == exact.intervals)
    }

    @Test("a bound on a count bounds its period's count and stays out of the responses")
    func countBounds() {
        let prepared = series(.counts, [0, 1, 2, 3], [100, 120, 150, 0],
                              [.exact, .lowerBound, .upperBound, .lowerBound]).prepared()
        #expect(prepared.responses == [100])
        #expect(prepared.observedTotal == 100)
        #expect(prepared.censored == [
            CensoredInterval(start: 1, end: 2, bound: 120, direction: .atLeast, index: 1),
            CensoredInterval(start: 2, end: 3, bound: 150, direction: .atMost, index: 2),
        ])
        #expect(prepared.warnings.map(\.kind) == [.uninformativeBound])
        #expect(prepared.warnings[0].index == 3)
    }

    @Test("a trailing bound on a cumulative total bounds the count since the last exact total")
    func trailingBounds() {
        let prepared = series(.cumulative, [1, 2, 3, 4.5], [100, 250, 400, 380],
                              [.exact, .exact, .lowerBound, .upperBound]).prepared()
        #expect(prepared.responses == [100, 150])
        #expect(prepared.lastTime == 2)
        #expect(prepared.censored == [
            CensoredInterval(start: 2, end: 3, bound: 150, direction: .atLeast, index: 2),
            CensoredInterval(start: 2, end: 4.5, bound: 130, direction: .atMost, index: 3),
        ])
        #expect(prepared.warnings.isEmpty)
    }

    @Test("bounds followed by an exact total, below it or contradicting it are left out with a warning each")
    func boundsLeftOut() {
        let prepared = series(.cumulative, [1, 2, 3, 4, 5], [100, 500, 250, 240, 200],
                              [.exact, .lowerBound, .exact, .lowerBound, .upperBound]).prepared()
        #expect(prepared.censored.isEmpty)
        #expect(prepared.responses == [100, 150])
        #expect(prepared.warnings.map(\.kind) == [.supersededBound, .uninformativeBound, .inconsistentBound])
        #expect(prepared.warnings.map(\.index) == [1, 3, 4])
        #expect(prepared.warnings[0].message.contains("row 3"))
    }

    @Test("a bound in level data is left out with a warning")
    func levelBound() {
        let prepared = series(.level, [1, 2], [10, 12], [.exact, .upperBound]).prepared()
        #expect(prepared.levelValues == [10])
        #expect(prepared.censored.isEmpty)
        #expect(prepared.warnings.map(\.kind) == [.unsupportedBound])
    }

    @Test("a cumulative series counted from its first total: bounds count from the last exact total, or are left out without one")
    func baseline() {
        var first = series(.cumulative, [1, 2, 3], [100, 160, 300], [.exact, .exact, .lowerBound])
        first.cumulativeCountsFromOrigin = false
        #expect(first.prepared().censored == [CensoredInterval(start: 2, end: 3, bound: 140, direction: .atLeast, index: 2)])
        var none = series(.cumulative, [3], [300], [.lowerBound])
        none.cumulativeCountsFromOrigin = false
        #expect(none.prepared().censored.isEmpty)
        #expect(none.prepared().warnings.map(\.kind) == [.supersededBound])
    }
}
