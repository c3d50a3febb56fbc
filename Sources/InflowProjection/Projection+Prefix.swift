import InflowLinearAlgebra

extension Projection {
    /// The projection over its first `periods` periods: the same replicates, final sizes and counts of
    /// replicates that did not converge or failed.
    /// - Complexity: O(periods x replicates).
    package func prefix(periods: Int) -> Projection {
        precondition(periods >= 1 && periods <= self.periods, "a prefix of at least one of the projection's periods")
        func rows(_ matrix: Matrix) -> Matrix {
            var result = Matrix(rows: periods, columns: matrix.columns)
            for b in 0..<matrix.columns {
                for k in 0..<periods { result[k, b] = matrix[k, b] }
            }
            return result
        }
        return Projection(
            model: model, origin: origin, grid: ProjectionGrid(boundaries: Array(grid.boundaries.prefix(periods + 1))),
            observedTotal: observedTotal, increments: rows(increments), finalSizes: finalSizes,
            poolRemaining: rows(poolRemaining), nonConvergedReplicates: nonConvergedReplicates,
            failedReplicates: failedReplicates, startTotals: startTotals, timeZone: timeZone)
    }
}
