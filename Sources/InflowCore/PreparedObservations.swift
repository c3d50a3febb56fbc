import Foundation

/// A series turned into what a likelihood needs: interval counts or level points, in days, and the
/// censored counts of its bounds.
///
/// Built by ``InflowSeries/prepared()``, which applies the documented rules for missing
/// values, negative counts, duplicate times, decreasing cumulative totals and bounds and records a
/// ``SeriesWarning`` for each. Exact figures (and partial days) become ``intervals`` and ``responses``;
/// bounds become ``censored`` and nothing else sees them, so ``observedTotal``, bootstrap replicates,
/// backtests and PIT values are made of exact figures only.
public struct PreparedObservations: Sendable {
    /// How the values were observed.
    public let kind: ObservationKind
    /// Time zero of the series: every time here is in days since it.
    public let origin: Date
    /// The series' clock (``InflowSeries/timeZone``): fits and projections name calendar days in it.
    public let timeZone: TimeZone
    /// Interval counts (for ``ObservationKind/counts`` and ``ObservationKind/cumulative``), in time order.
    public let intervals: [CountInterval]
    /// Level points `(t, y)` (for ``ObservationKind/level``), in time order.
    public let levelTimes: [Double]
    /// Level values.
    public let levelValues: [Double]
    /// Bounds on counts ("more than N"), in time order: kept out of ``intervals`` and ``responses``; a
    /// likelihood adds `-log P(Y >= bound)` or `-log P(Y <= bound)` for each.
    public let censored: [CensoredInterval]
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
    /// Where a likelihood evaluates the curve for the ``censored`` intervals (their boundaries; empty without
    /// bounds), kept apart from ``grid`` so that exact data pay nothing for bounds.
    package let censoredGrid: ObservationGrid

    init(kind: ObservationKind, origin: Date, intervals: [CountInterval], levelTimes: [Double], levelValues: [Double],
         warnings: [SeriesWarning], baseline: Double, censored: [CensoredInterval] = [],
         timeZone: TimeZone = InflowSeries.utc) {
        self.kind = kind
        self.origin = origin
        self.timeZone = timeZone
        self.intervals = intervals
        self.censored = kind == .level ? [] : censored
        censoredGrid = ObservationGrid(
            kind: .counts, intervals: self.censored.map { CountInterval(start: $0.start, end: $0.end, count: $0.bound) },
            levelTimes: [], countsAsRate: false)
        self.levelTimes = levelTimes
        self.levelValues = levelValues
        self.warnings = warnings
        self.baseline = baseline
        responses = kind == .level ? levelValues : intervals.map(\.count)
        grid = ObservationGrid(kind: kind, intervals: intervals, levelTimes: levelTimes, countsAsRate: false)
    }

    /// Whether there are censored counts (bounds) for the likelihood.
    public var hasCensored: Bool { !censored.isEmpty }

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
    /// - **figure kinds** (``figureKinds``): a `partial_day` cumulative total is an exact total at its time
    ///   (nothing changes); a `partial_day` count is the count over `(start of its period, t]`, the period
    ///   start being on the series' grid of whole periods from the origin (for daily files, midnight of the
    ///   row's day in the file's time zone), so its interval ends at its time instead of `start + periodLength`.
    ///   Bounds become ``PreparedObservations/censored`` intervals: a bound count bounds its period's count;
    ///   a bound `B` on a cumulative total at `T` after the last exact total `S` (at `T0`) bounds the count over
    ///   `(T0, T]` by `B - S`. Only bounds after the last exact total are used: an earlier one is superseded by
    ///   the exact total after it; a lower bound not above `S` (or a count's lower bound of 0) says nothing and
    ///   an upper bound below `S` contradicts it; each of these is left out with a warning, and so is a bound in
    ///   level data. Several trailing bounds each bound the count since `S` (their terms are added as if
    ///   independent; the largest lower bound carries nearly all of their information).
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

        let kinds = figureKinds.count == count ? figureKinds : Array(repeating: .exact, count: count)
        switch kind {
        case .level:
            var exact: [(day: Double, value: Double, index: Int)] = []
            for point in unique {
                if kinds[point.index].isBound {
                    warnings.append(SeriesWarning(
                        kind: .unsupportedBound, index: point.index,
                        message: "row \(point.index + 1): \(kinds[point.index].rawValue) \(formatCount(point.value)) in level data, which has no count likelihood; it is left out"))
                } else {
                    exact.append(point)
                }
            }
            return PreparedObservations(kind: kind, origin: origin, intervals: [], levelTimes: exact.map(\.day),
                                        levelValues: exact.map(\.value), warnings: warnings, baseline: 0, timeZone: timeZone)
        case .counts:
            var intervals: [CountInterval] = []
            var censored: [CensoredInterval] = []
            intervals.reserveCapacity(unique.count)
            for point in unique {
                switch kinds[point.index] {
                case .exact:
                    intervals.append(CountInterval(start: point.day, end: point.day + periodLength, count: point.value))
                case .partialDay:
                    intervals.append(CountInterval(start: periodStart(before: point.day), end: point.day, count: point.value))
                case .lowerBound, .upperBound:
                    let direction = CensoredInterval.Direction(kinds[point.index])!
                    if direction == .atLeast && point.value <= 0 {
                        warnings.append(SeriesWarning(
                            kind: .uninformativeBound, index: point.index,
                            message: "row \(point.index + 1): lower bound \(formatCount(point.value)) on a count says nothing (every count is at least 0); it is left out"))
                        continue
                    }
                    censored.append(CensoredInterval(start: point.day, end: point.day + periodLength, bound: point.value,
                                                     direction: direction, index: point.index))
                }
            }
            return PreparedObservations(kind: kind, origin: origin, intervals: intervals, levelTimes: [], levelValues: [],
                                        warnings: warnings, baseline: 0, censored: censored, timeZone: timeZone)
        case .cumulative:
            return preparedCumulative(unique, kinds: kinds, warnings: warnings)
        }
    }

    /// Tolerance, in periods, within which a time counts as lying on the period grid (rounding of seconds to days).
    static let periodGridTolerance = 1e-9

    /// The start of the counting period that ends at or contains `day`: whole periods from the origin, so that
    /// `day` lies in `(start, start + periodLength]` (a time exactly on the grid closes the period before it).
    func periodStart(before day: Double) -> Double {
        let periods = day / periodLength
        let nearest = periods.rounded()
        let onGrid = abs(periods - nearest) <= Self.periodGridTolerance
        return ((onGrid ? nearest : periods.rounded(.up)) - 1) * periodLength
    }

    private func preparedCumulative(
        _ allPoints: [(day: Double, value: Double, index: Int)], kinds: [FigureKind], warnings initialWarnings: [SeriesWarning]
    ) -> PreparedObservations {
        var warnings = initialWarnings
        // Exact totals (partial days included) make the intervals; bounds are read against them afterwards.
        let points = allPoints.filter { !kinds[$0.index].isBound }
        let bounds = allPoints.filter { kinds[$0.index].isBound }
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
        let hasStart = cumulativeCountsFromOrigin || !points.isEmpty
        let censored = censoredTotals(bounds, kinds: kinds, exact: points, lastDay: start, lastTotal: total, hasStart: hasStart,
                                      warnings: &warnings)
        return PreparedObservations(kind: .cumulative, origin: origin, intervals: intervals, levelTimes: [], levelValues: [],
                                    warnings: warnings, baseline: baseline, censored: censored, timeZone: timeZone)
    }

    /// The censored counts of bounds on cumulative totals: each bound after the last exact total (`lastTotal` at
    /// `lastDay`) bounds the count since then; the others are left out with a warning (see ``prepared()``).
    /// - Complexity: O(b + e) for b bounds and e exact totals, both in time order.
    private func censoredTotals(
        _ bounds: [(day: Double, value: Double, index: Int)], kinds: [FigureKind],
        exact: [(day: Double, value: Double, index: Int)], lastDay: Double, lastTotal: Double, hasStart: Bool,
        warnings: inout [SeriesWarning]
    ) -> [CensoredInterval] {
        var censored: [CensoredInterval] = []
        var next = 0   // the first exact total after the bound
        for bound in bounds {
            let kind = kinds[bound.index]
            while next < exact.count && exact[next].day <= bound.day { next += 1 }
            let figure = "\(kind == .lowerBound ? "lower" : "upper") bound \(formatCount(bound.value))"
            if next < exact.count || !hasStart {
                let reason = next < exact.count
                    ? "the exact total \(formatCount(exact[next].value)) of row \(exact[next].index + 1), published after it, supersedes it"
                    : "there is no exact total to count it from (the totals' start is unknown)"
                warnings.append(SeriesWarning(kind: .supersededBound, index: bound.index,
                                              message: "row \(bound.index + 1): \(figure) on the total: \(reason); it is left out"))
                continue
            }
            let count = bound.value - lastTotal
            if kind == .lowerBound && count <= 0 {
                warnings.append(SeriesWarning(
                    kind: .uninformativeBound, index: bound.index,
                    message: "row \(bound.index + 1): \(figure) is not above the last exact total \(formatCount(lastTotal)), so it says nothing; it is left out"))
                continue
            }
            if kind == .upperBound && count < 0 {
                warnings.append(SeriesWarning(
                    kind: .inconsistentBound, index: bound.index,
                    message: "row \(bound.index + 1): \(figure) is below the last exact total \(formatCount(lastTotal)), which it contradicts; it is left out"))
                continue
            }
            censored.append(CensoredInterval(start: lastDay, end: bound.day, bound: count,
                                             direction: CensoredInterval.Direction(kind)!, index: bound.index))
        }
        return censored
    }
}

func formatCount(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
