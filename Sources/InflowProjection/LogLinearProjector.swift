import Foundation
import InflowLinearAlgebra
import InflowModels
import InflowStatistics

/// Parametric bootstrap of the log-linear count model, replicates refitted together through BLAS.
///
/// Every replicate shares the design X, so IRLS runs on n x w blocks of weights and working
/// responses for w replicates at a time (`LogLinearBootstrap`): each iteration forms every
/// replicate's `X^T W_b X` and `X^T W_b z_b` with two GEMMs (``/InflowLinearAlgebra/BatchedNormalEquations``: pairwise
/// column products times the weight matrix, then `X^T (W ∘ Z)`), solves the small systems by
/// Cholesky, and updates all linear predictors with one GEMM `X B`. Weights are Newton's: for NB2
/// with its log link, which is not canonical, the observed `w = mu theta (y + theta) / (theta + mu)^2`
/// instead of Fisher's `mu theta / (theta + mu)`, so that the iterations from the fitted coefficients
/// converge quadratically, in 3 or 4 steps rather than 7; the weights stay positive for every count.
/// Future rates are one more GEMM `X_future B`, then a count is drawn for every period and replicate.
/// Each thread refits its own chunks with its own reused buffers.
///
/// Refits hold NB2's theta at its estimate (the dispersion is not refitted per replicate);
/// replicate b's draws come from stream `(seed, series, b)`, and a replicate stops iterating when
/// its own coefficients settle, so results do not depend on the thread count. Iterations stop when
/// no coefficient changes by more than ``tolerance``, or after ``maximumIterations`` (the replicate
/// is then counted as not converged and keeps its last estimate); replicates that fail (a singular
/// system) give NaN samples.
///
/// - Complexity: per iteration `n p(p+1) B + 4 n p B` flops in GEMM, `n B` exponentials,
///   `B p^3 / 3` for the solves.
public enum LogLinearProjector {
    /// IRLS iterations at most.
    public static let maximumIterations = 25
    /// Convergence: no coefficient of a replicate changes by more than this, relative to `max(|b|, 1)`
    /// (in units of the column-scaled design): 1e-6 is far below the spread between replicates.
    public static let tolerance = 1e-6
    /// Smallest IRLS weight: keeps `X^T W X` finite when a mean underflows.
    static let weightFloor = 1e-300

    /// Projects a log-linear fit over daily periods for `options.horizon` days.
    public static func project(_ fit: LogLinearFit, options: ProjectionOptions = ProjectionOptions()) throws(ProjectionError) -> Projection {
        try options.validate()
        if case .failed(let reason) = fit.status {
            throw .unusableFit("the log-linear fit failed (\(reason)); there is nothing to project.")
        }
        let observations = fit.observations
        let grid = ProjectionGrid.daily(after: observations.lastTime, horizon: options.horizon)
        let periods = grid.periodCount, replicates = options.replicates
        let starts = Array(grid.boundaries.dropLast())
        let positions = observations.kind == .counts ? starts : (0..<periods).map {
            (grid.boundaries[$0] + grid.boundaries[$0 + 1]) / 2
        }
        let lengths = (0..<periods).map { grid.boundaries[$0 + 1] - grid.boundaries[$0] }
        let bootstrap = LogLinearBootstrap(fit: fit, futureTimes: positions, periodLengths: lengths, options: options)

        let chunks = ParallelReplicates.map(count: bootstrap.chunkCount(replicates: replicates), threads: options.threads,
                                            workspace: { LogLinearBootstrap.Workspace(bootstrap: bootstrap) }) { chunk, workspace in
            bootstrap.refit(chunk: chunk, replicates: replicates, workspace: workspace)
        }
        // Chunks come in order and hold consecutive replicates, each replicate's periods together.
        let increments = chunks.flatMap(\.increments)
        let outcomes = chunks.flatMap(\.outcomes)
        let failed = outcomes.count { $0 == .failed }
        let notConverged = outcomes.count { $0 == .notConverged }
        let observedTotal = observations.observedTotal + observations.baseline
        return Projection(
            model: fit.id, origin: observations.origin, grid: grid,
            observedTotal: observedTotal,
            increments: Matrix(rows: periods, columns: replicates, columnMajor: increments),
            finalSizes: Array(repeating: .nan, count: replicates), nonConvergedReplicates: notConverged,
            failedReplicates: failed, timeZone: observations.timeZone)
    }
}
