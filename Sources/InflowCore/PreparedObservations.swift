import Foundation

/// A series turned into what a likelihood needs: interval counts or level points, in days.
///
/// Built by ``InflowSeries/prepared()``, which applies the documented rules for missing
/// values, negative counts, duplicate times and decreasing cumulative totals and records a
/// ``SeriesWarning`` for each.
public struct PreparedObservations: Sendable {
    /// How the values were observed.
    public let kind: ObservationKind
    /// Time zero of the series: every time here is in days since it.
    public let origin: Date
    /// Interval counts (for ``ObservationKind/counts`` and ``ObservationKind/cumulative``), in time order.
    public let intervals: [CountInterval]
    /// Level points `(t, y)` (for ``ObservationKind/level``), in time order.
    public let levelTimes: [Double]
    /// Level values.
    public let levelValues: [Double]
    /// What had to be handled.
    public let warnings: [SeriesWarning]
    /// For cumulative totals counted from an unknown start: the first total, used as baseline.
    public let baseline: Double
    /// The responses in likelihood order: interval counts or level values (made once, here: every
    /// likelihood and fit reads them).
    public let responses: [Double]
    /// Where a likelihood evaluates the curve for these observations (the interval boundaries or the
    /// level times), made once here for every fit to them.
    package let grid: ObservationGrid

    init(kind: ObservationKind, origin: Date, intervals: [CountInterval], levelTimes: [Double], levelValues: [Double],
         warnings: [SeriesWarning], baseline: Double) {
        self.kind = kind
        self.origin = origin
        self.intervals = intervals
        self.levelTimes = levelTimes
        self.levelValues = levelValues
        self.warnings = warnings
        self.baseline = baseline
        responses = kind == .level ? levelValues : intervals.map(\.count)
        grid = ObservationGrid(kind: kind, intervals: intervals, levelTimes: levelTimes, countsAsRate: false)
    }

    /// Number of data points the likelihood uses.
    public var count: Int { kind == .level ? levelTimes.count : intervals.count }

    /// Arrivals observed in the fitted intervals (counts, cumulative) or the last level.
    public var observedTotal: Double {
        kind == .level ? (levelValues.last ?? 0) : intervals.reduce(0) { $0 + $1.count }
    }

    /// End of the last observation, days since the origin.
    public var lastTime: Double {
        kind == .level ? (levelTimes.last ?? 0) : (intervals.last?.end ?? 0)
    }

    /// Start of the first observation, days since the origin.
    public var firstTime: Double {
        kind == .level ? (levelTimes.first ?? 0) : (intervals.first?.start ?? 0)
    }
}

extension InflowSeries {
    /// Turns the series into interval counts or level points.
    ///
    /// Rules (each application adds a warning):
    /// - a missing (`nil`) or non-finite value is left out; for cumulative totals the next
    ///   total covers the gap, so nothing is lost;
    /// - a negative count is left out;
    /// - of two observations at the same time, the later row is used;
    /// - **decreasing cumulative totals**: a total below the previous one is a correction.
    ///   The corrected total supersedes every earlier total above it: the intervals ending
    ///   at those reports are merged into one interval that ends at the corrected report,
    ///   whose count is the corrected total minus the last total not above it (or the
    ///   baseline). Nothing is dropped and every count stays non-negative.
    /// - Complexity: O(n log n) for the sort, O(n) otherwise (merging is amortised).
    public func prepared() -> PreparedObservations {
        var warnings: [SeriesWarning] = []
        // Valid (time, value, original index) in time order; later duplicates win.
        var points: [(day: Double, value: Double, index: Int)] = []
        let dayValues = days
        for index in 0..<count {
            guard let value = values[index] else {
                warnings.append(SeriesWarning(kind: .missingValue, index: index,
                                              message: "row \(index + 1): value is missing; it is left out (missing is not zero)"))
                continue
            }
            guard value.isFinite else {
                warnings.append(SeriesWarning(kind: .nonFiniteValue, index: index,
                                              message: "row \(index + 1): value \(value) is not a finite number; it is left out"))
                continue
            }
            if kind != .level && value < 0 {
                warnings.append(SeriesWarning(kind: .negativeCount, index: index,
                                              message: "row \(index + 1): \(kind == .counts ? "count" : "total") \(value) is negative; it is left out"))
                continue
            }
            if kind != .level && value != value.rounded() {
                warnings.append(SeriesWarning(kind: .fractionalCount, index: index,
                                              message: "row \(index + 1): \(value) is not a whole number; count likelihoods use it as given"))
            }
            points.append((dayValues[index], value, index))
        }
        points.sort { $0.day != $1.day ? $0.day < $1.day : $0.index < $1.index }
        var unique: [(day: Double, value: Double, index: Int)] = []
        for point in points {
            if let last = unique.last, last.day == point.day {
                warnings.append(SeriesWarning(kind: .duplicateTime, index: point.index,
                                              message: "row \(point.index + 1): same time as row \(last.index + 1); the later row is used"))
                unique[unique.count - 1] = point
            } else {
                unique.append(point)
            }
        }

        switch kind {
        case .level:
            return PreparedObservations(kind: kind, origin: origin, intervals: [], levelTimes: unique.map(\.day),
                                        levelValues: unique.map(\.value), warnings: warnings, baseline: 0)
        case .counts:
            let intervals = unique.map { CountInterval(start: $0.day, end: $0.day + periodLength, count: $0.value) }
            return PreparedObservations(kind: kind, origin: origin, intervals: intervals, levelTimes: [], levelValues: [],
                                        warnings: warnings, baseline: 0)
        case .cumulative:
            return preparedCumulative(unique, warnings: warnings)
        }
    }

    private func preparedCumulative(
        _ points: [(day: Double, value: Double, index: Int)], warnings initialWarnings: [SeriesWarning]
    ) -> PreparedObservations {
        var warnings = initialWarnings
        var remaining = points[...]
        var baselineDay = 0.0
        var baseline = 0.0
        if !cumulativeCountsFromOrigin, let first = remaining.first {
            baselineDay = first.day
            baseline = first.value
            remaining = remaining.dropFirst()
        }
        // Stack of accepted reports (day, total); intervals are consecutive differences.
        var reports: [(day: Double, total: Double)] = []
        for point in remaining {
            let previousTotal = reports.last?.total ?? baseline
            if point.value < previousTotal {
                var merged = 0
                while let last = reports.last, last.total > point.value {
                    reports.removeLast()
                    merged += 1
                }
                if reports.isEmpty && baseline > point.value {
                    warnings.append(SeriesWarning(
                        kind: .decreasingCumulative, index: point.index,
                        message: "row \(point.index + 1): total \(formatCount(point.value)) is below the starting total \(formatCount(baseline)); it is taken as the new starting total"))
                    baseline = point.value
                    baselineDay = point.day
                    continue
                }
                warnings.append(SeriesWarning(
                    kind: .decreasingCumulative, index: point.index,
                    message: "row \(point.index + 1): total \(formatCount(point.value)) is below the previous total \(formatCount(previousTotal)); treated as a correction that supersedes \(merged) earlier total\(merged == 1 ? "" : "s"), whose intervals are merged"))
            }
            reports.append((point.day, point.value))
        }
        var intervals: [CountInterval] = []
        var start = cumulativeCountsFromOrigin ? 0 : baselineDay
        var total = baseline
        for report in reports {
            intervals.append(CountInterval(start: start, end: report.day, count: report.total - total))
            start = report.day
            total = report.total
        }
        return PreparedObservations(kind: .cumulative, origin: origin, intervals: intervals, levelTimes: [], levelValues: [],
                                    warnings: warnings, baseline: baseline)
    }
}

func formatCount(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
