
/// The projection as a tidy table (the counterpart of a fit's `tidy(level:)` and `glance()`).
extension Projection {
    /// One ``TidyProjectionRow`` per period, target and level, in that order (period by period; within a period,
    /// `targets` in the order given; within a target, `levels` in the order given): the local day in ``timeZone``,
    /// the predictive mean and median, and the central predictive interval at each level, from the samples
    /// themselves (any level, not only the 23 hub levels), so `lower` and `upper` are the ends
    /// ``interval(_:period:coverage:)`` gives.
    ///
    /// The remaining pool is not among the default targets (it is not a figure that will be observed, and the data
    /// may not bound it; see ``remainingNow(levels:)``); asked for, its rows for a family without a final size have
    /// no values and `replicates` 0.
    ///
    /// ```swift
    /// let rows = projection.tidy(levels: [0.5, 0.9])
    /// print(TidyProjectionRow.csv(rows))
    /// ```
    /// - Parameters:
    ///   - levels: the coverages of the central intervals, each in (0, 1) (0.9 for the 5% and 95% quantiles).
    ///   - targets: what to tabulate (default: arrivals per period and the cumulative total).
    /// - Precondition: every level is in (0, 1).
    /// - Complexity: one sort of the replicates per period and target: O(periods x targets x replicates log
    ///   replicates).
    public func tidy(levels: [Double] = [0.5, 0.9],
                     targets: [ProjectionTarget] = [.incidence, .cumulative]) -> [TidyProjectionRow] {
        precondition(levels.allSatisfy { $0 > 0 && $0 < 1 },
                     "interval levels are coverages between 0 and 1 (0.9 for a 90% interval)")
        let quantileLevels = levels.flatMap { [(1 - $0) / 2, (1 + $0) / 2] }
        let reference = referenceDay
        let name = model.description
        let matrices = targets.map { samples($0) }
        var rows: [TidyProjectionRow] = []
        rows.reserveCapacity(periods * targets.count * levels.count)
        for k in 0..<periods {
            let day = day(k)
            let end = localText(endDate(k), withOffset: true)
            for (target, matrix) in zip(targets, matrices) {
                let sample = matrix.row(k)
                let summary = QuantileSummary(sample: sample, levels: quantileLevels)
                let used = sample.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
                for (index, level) in levels.enumerated() {
                    rows.append(TidyProjectionRow(
                        model: name, period: k, date: day.text, horizon: day.daysSinceEpoch - reference.daysSinceEpoch,
                        end: end, target: target, level: level, mean: summary.mean, median: summary.median,
                        lower: summary.values[2 * index], upper: summary.values[2 * index + 1], replicates: used))
                }
            }
        }
        return rows
    }
}
