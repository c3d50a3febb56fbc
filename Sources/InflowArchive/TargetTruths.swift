import Foundation
import InflowCore
import InflowProjection

/// What a newer figure file says about the hub targets of one location: the cumulative total at any time, and
/// the arrivals in any period, exactly or as a bound.
///
/// Rules (times within ``/InflowProjection/ProjectionGrid/boundarySnap`` (two minutes) of each other are the same time, so a
/// 23:59 report is the end of its day):
/// - **Cumulative totals.** The total at time x is exact when an exact or partial-day report falls at x. Otherwise
///   it is bounded below by the largest total reported (exact, partial day or `lower_bound`) in the day before x
///   (a partial day's "2,117 until 17:00" says the day ended with at least 2,117), else bounded above by the
///   smallest total reported (exact or `upper_bound`) in the day after x; else unknown.
/// - **Arrivals in (a, b]** are the difference of the totals at b and a (`ObservedValue.minus(_:)`); for daily
///   counts, the row covering exactly (a, b] when there is one (a partial day's count a lower bound on the day).
/// - For daily counts the cumulative total is the running sum from the first row, exact until the first gap
///   and bounded as far as the bounds go.
public struct TargetTruths: Sendable {
    private struct Report: Sendable {
        var time: Date
        var value: Double
        var kind: FigureKind
    }

    private struct CountRow: Sendable {
        var start: Date
        var end: Date
        var value: Double
        var kind: FigureKind
    }

    private var reports: [Report] = []
    private var rows: [CountRow] = []
    /// The time of the last figure: targets ending after it are pending.
    public private(set) var lastTime: Date?
    /// The time of the first figure.
    public private(set) var firstTime: Date?
    /// The series' kind.
    public let kind: ObservationKind

    private static let snap = ProjectionGrid.boundarySnap * InflowSeries.secondsPerDay
    private static let day = InflowSeries.secondsPerDay

    /// The truths of `series` (cumulative totals or counts; level series have none).
    /// - Complexity: O(n log n).
    public init(series: InflowSeries) {
        kind = series.kind
        var figures: [(time: Date, value: Double, kind: FigureKind)] = []
        for index in series.times.indices {
            guard let value = series.values[index], value.isFinite else { continue }
            figures.append((series.times[index], value, series.figureKinds[index]))
        }
        figures.sort { $0.time < $1.time }
        switch series.kind {
        case .cumulative:
            reports = figures.map { Report(time: $0.time, value: $0.value, kind: $0.kind) }
            firstTime = reports.first?.time
            lastTime = reports.last?.time
        case .counts:
            let length = series.periodLength * Self.day
            for figure in figures {
                if figure.kind == .partialDay {
                    // A partial day covers (start of its period, its time].
                    let offset = figure.time.timeIntervalSince(series.origin)
                    let start = series.origin.addingTimeInterval((offset / length).rounded(.down) * length)
                    rows.append(CountRow(start: start, end: figure.time, value: figure.value, kind: figure.kind))
                } else {
                    rows.append(CountRow(start: figure.time, end: figure.time.addingTimeInterval(length),
                                         value: figure.value, kind: figure.kind))
                }
            }
            firstTime = rows.first?.start
            lastTime = rows.map(\.end).max()
            // The running sum, as reports, while the rows join up.
            guard let first = rows.first else { break }
            var total = ObservedValue(value: 0, bound: .exact)
            var end = first.start
            reports.append(Report(time: end, value: 0, kind: .exact))
            for row in rows {
                guard abs(row.start.timeIntervalSince(end)) <= Self.snap else { break }
                let count: ObservedValue
                switch row.kind {
                case .exact: count = ObservedValue(value: row.value, bound: .exact)
                case .partialDay, .lowerBound: count = ObservedValue(value: row.value, bound: .atLeast)
                case .upperBound: count = ObservedValue(value: row.value, bound: .atMost)
                }
                guard let next = Self.sum(total, count) else { break }
                total = next
                end = row.end
                reports.append(Report(time: end, value: total.value, kind: Self.kind(of: total.bound)))
                if row.kind == .partialDay { break }   // the rest of that day is not in any row
            }
        case .level:
            break
        }
    }

    private static func sum(_ a: ObservedValue, _ b: ObservedValue) -> ObservedValue? {
        switch (a.bound, b.bound) {
        case (.exact, _): return ObservedValue(value: a.value + b.value, bound: b.bound)
        case (_, .exact): return ObservedValue(value: a.value + b.value, bound: a.bound)
        case (.atLeast, .atLeast), (.atMost, .atMost): return ObservedValue(value: a.value + b.value, bound: a.bound)
        default: return nil
        }
    }

    private static func kind(of bound: ObservedValue.Bound) -> FigureKind {
        switch bound {
        case .exact: .exact
        case .atLeast: .lowerBound
        case .atMost: .upperBound
        }
    }

    /// The cumulative total at `time`, as far as the figures say.
    public func cumulative(at time: Date) -> ObservedValue? {
        var exact: Double?
        var lower: Double?
        var upper: Double?
        for report in reports {
            let offset = report.time.timeIntervalSince(time)
            if abs(offset) <= Self.snap, report.kind == .exact || report.kind == .partialDay {
                exact = report.value   // the latest such report wins (a correction in the same minute)
            } else if offset <= 0, offset > -Self.day, report.kind != .upperBound {
                lower = max(lower ?? report.value, report.value)
            } else if offset >= 0, offset < Self.day, report.kind == .exact || report.kind == .upperBound {
                upper = min(upper ?? report.value, report.value)
            }
        }
        if let exact { return ObservedValue(value: exact, bound: .exact) }
        if let lower { return ObservedValue(value: lower, bound: .atLeast) }
        if let upper { return ObservedValue(value: upper, bound: .atMost) }
        return nil
    }

    /// The arrivals in `(start, end]`, as far as the figures say.
    /// - Parameters:
    ///   - start: the start of the interval (excluded).
    ///   - end: the end of the interval (included).
    ///   - startFallback: the total at `start` when the figures do not give it (the archived run's own
    ///     last figure).
    public func arrivals(from start: Date, to end: Date, startFallback: ObservedValue? = nil) -> ObservedValue? {
        if let row = rows.last(where: {
            abs($0.start.timeIntervalSince(start)) <= Self.snap && abs($0.end.timeIntervalSince(end)) <= Self.snap
        }) {
            switch row.kind {
            case .exact: return ObservedValue(value: row.value, bound: .exact)
            case .lowerBound: return ObservedValue(value: row.value, bound: .atLeast)
            case .upperBound: return ObservedValue(value: row.value, bound: .atMost)
            case .partialDay: break
            }
        }
        if let row = rows.last(where: {
            abs($0.start.timeIntervalSince(start)) <= Self.snap && $0.kind == .partialDay && $0.end <= end
        }) {
            return ObservedValue(value: row.value, bound: .atLeast)
        }
        guard let endValue = cumulative(at: end) else { return nil }
        let startValue: ObservedValue?
        if let known = cumulative(at: start), known.bound == .exact {
            startValue = known
        } else {
            startValue = startFallback ?? cumulative(at: start)
        }
        guard let startValue, let difference = endValue.minus(startValue) else { return nil }
        // A lower bound at or below zero, or an upper bound below zero, says nothing (or is inconsistent).
        if difference.bound == .atLeast && difference.value <= 0 { return nil }
        if difference.bound == .atMost && difference.value < 0 { return nil }
        return difference
    }

    /// The figure published at `time` (within two minutes) in this file, for comparison with an archived one.
    public func figure(at time: Date) -> (value: Double, kind: FigureKind)? {
        if kind == .counts {
            return rows.last { abs(($0.kind == .partialDay ? $0.end : $0.start).timeIntervalSince(time)) <= Self.snap }
                .map { ($0.value, $0.kind) }
        }
        return reports.last { abs($0.time.timeIntervalSince(time)) <= Self.snap }.map { ($0.value, $0.kind) }
    }
}
