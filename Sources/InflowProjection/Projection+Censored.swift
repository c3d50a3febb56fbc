import InflowCore
import InflowLinearAlgebra
import InflowStatistics

extension Projection {
    /// The projection conditioned on published bounds that fall inside its grid (a "more than N" after the last
    /// exact figure): the replicates whose paths agree with every bound, resampled with replacement back to the
    /// replicate count.
    ///
    /// A replicate agrees with a lower bound `b` on the arrivals over `(s, T]` when its arrivals from the grid's
    /// start through the period that contains `T` reach `b` (a period's arrivals are known only as a whole, so
    /// this is the weakest condition the path can be held to), and with an upper bound when its arrivals over the
    /// periods that end by `T` stay at or below it. Bounds that start before the grid (already in the data) are
    /// left to the fit. This is rejection sampling from the predictive distribution given the censored
    /// observation: the fit used the bound for the parameters, and the condition applies it to the new counts
    /// themselves, which include the bounded ones.
    ///
    /// - Parameters:
    ///   - censored: the series' censored intervals (``/InflowCore/PreparedObservations/censored``), days since the origin.
    ///   - seed: the resampling's seed (the run's), so the result is reproducible.
    /// - Returns: the conditioned projection and the number of replicates that agreed; `nil` when none did
    ///   (the models put next to no probability on the bound) or no bound falls in the grid.
    /// - Complexity: O(replicates × periods).
    public func conditioned(on censored: [CensoredInterval], seed: UInt64) -> (projection: Projection, agreeing: Int)? {
        let start = grid.boundaries[0]
        let bounds = censored.filter { $0.start >= start - ProjectionGrid.boundarySnap && $0.end > start }
        guard !bounds.isEmpty, replicates > 0 else { return nil }
        var agreeing: [Int] = []
        for b in 0..<replicates {
            var agrees = true
            for bound in bounds {
                var arrivals = 0.0
                for k in 0..<periods {
                    let periodStart = grid.boundaries[k], periodEnd = grid.boundaries[k + 1]
                    let counted = bound.direction == .atLeast ? periodStart < bound.end - ProjectionGrid.boundarySnap
                        : periodEnd <= bound.end + ProjectionGrid.boundarySnap
                    guard counted else { break }
                    arrivals += increments[k, b]
                }
                let total = arrivals + (startTotals.map { $0[b] - observedTotal } ?? 0)
                if bound.direction == .atLeast ? !(total >= bound.bound) : !(total <= bound.bound) {
                    agrees = false
                    break
                }
            }
            if agrees { agreeing.append(b) }
        }
        guard !agreeing.isEmpty else { return nil }
        var generator = Xoshiro256StarStar(seed: seed)
        let chosen = agreeing.count == replicates ? agreeing
            : (0..<replicates).map { _ in agreeing[min(Int(generator.nextUniform() * Double(agreeing.count)), agreeing.count - 1)] }
        var newIncrements = Matrix(rows: periods, columns: replicates)
        var newPool = Matrix(rows: periods, columns: replicates)
        for (column, b) in chosen.enumerated() {
            for k in 0..<periods {
                newIncrements[k, column] = increments[k, b]
                newPool[k, column] = poolRemaining[k, b]
            }
        }
        let projection = Projection(
            model: model, origin: origin, grid: grid, observedTotal: observedTotal, increments: newIncrements,
            finalSizes: chosen.map { finalSizes[$0] }, poolRemaining: newPool,
            nonConvergedReplicates: nonConvergedReplicates, failedReplicates: failedReplicates,
            startTotals: startTotals.map { totals in chosen.map { totals[$0] } }, timeZone: timeZone)
        return (projection, agreeing.count)
    }
}
