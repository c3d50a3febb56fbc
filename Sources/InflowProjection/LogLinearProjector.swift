import Foundation
import InflowLinearAlgebra
import InflowModels
import InflowStatistics

/// Parametric bootstrap of the log-linear count model, all replicates at once through BLAS.
///
/// Every replicate shares the design X, so IRLS runs on the n x B matrices of weights and
/// working responses together (Newton's weights: for NB2 with its log link, which is not canonical,
/// the observed `w = mu theta (y + theta) / (theta + mu)^2` instead of Fisher's `mu theta / (theta + mu)`,
/// so that the iterations from the fitted coefficients converge quadratically, in 3 or 4 steps
/// rather than 7; the weights stay positive for every count): each iteration forms every replicate's `X^T W_b X` and
/// `X^T W_b z_b` with two GEMMs (``BatchedNormalEquations``: pairwise column products times
/// the weight matrix, then `X^T (W ∘ Z)`), solves the B small systems by Cholesky, and
/// updates all linear predictors with one GEMM `X B`. Future rates are one more GEMM
/// `X_future B`, then a count is drawn for every period and replicate.
///
/// Refits hold NB2's theta at its estimate (the dispersion is not refitted per replicate);
/// replicate b's draws come from stream `(seed, series, b)`, so results do not depend on the
/// thread count. Iterations stop when no coefficient changes by more than ``tolerance``, or
/// after ``maximumIterations``; replicates that fail (a singular system) give NaN samples.
///
/// - Complexity: per iteration `n p(p+1) B + 4 n p B` flops in GEMM, `n B` exponentials,
///   `B p^3 / 3` for the solves.
public enum LogLinearProjector {
    /// IRLS iterations at most.
    public static let maximumIterations = 25
    /// Convergence: no coefficient of any replicate changes by more than this, relative to `max(|b|, 1)`
    /// (in units of the column-scaled design): 1e-6 is far below the spread between replicates.
    public static let tolerance = 1e-6

    /// Projects a log-linear fit over daily periods for `options.horizon` days.
    public static func project(_ fit: LogLinearFit, options: ProjectionOptions = ProjectionOptions()) throws(ProjectionError) -> Projection {
        try options.validate()
        if case .failed(let reason) = fit.status {
            throw .unusableFit("the log-linear fit failed (\(reason)); there is nothing to project.")
        }
        let observations = fit.observations
        let grid = ProjectionGrid.daily(after: observations.lastTime, horizon: options.horizon)
        let n = fit.design.rows, p = fit.design.columns, replicates = options.replicates
        let theta = fit.theta
        let noise = theta.map { ObservationNoise(error: .negativeBinomial, parameter: $0) }
            ?? ObservationNoise(error: .poisson, parameter: 0)
        let streams = RandomStreams(seed: options.seed)

        // 1. Replicate responses: n x B, column b from stream b.
        let sampler = FixedMeanSampler(noise: noise, means: fit.fitted)
        let responseBuffer = ReplicateBuffer<Double>(repeating: 0, count: n * replicates)
        ParallelReplicates.run(count: replicates, threads: options.threads) { b in
            var generator = streams.generator(series: options.seriesIndex, replicate: b)
            for i in 0..<n { responseBuffer[i + b * n] = sampler.draw(i, using: &generator) }
        }

        // 2. Batched IRLS from the fitted coefficients.
        // Columns scaled to unit norm: the Gram matrices X^T W X of a spline or polynomial basis are
        // otherwise too ill-conditioned for their normal equations to converge past 1e-8.
        var scaledDesign = fit.design
        var columnScales = [Double](repeating: 1, count: p)
        for j in 0..<p {
            let norm = BLAS.nrm2(Array(fit.design.column(j)))
            columnScales[j] = norm > 0 ? norm : 1
            for i in 0..<n { scaledDesign[i, j] /= columnScales[j] }
        }
        let batched = BatchedNormalEquations(design: scaledDesign)
        var coefficients = Matrix(rows: p, columns: replicates)
        for b in 0..<replicates { for j in 0..<p { coefficients[j, b] = fit.coefficients[j] * columnScales[j] } }
        var eta = Matrix(rows: n, columns: replicates)
        var failed = Set<Int>()
        let offset = fit.offset
        // W and W ∘ Z, reused across iterations (no reallocation of the n x B buffers).
        var weights = Matrix(rows: n, columns: replicates)
        var weightedWorking = Matrix(rows: n, columns: replicates)
        for _ in 0..<maximumIterations {
            BLAS.gemm(.none, scaledDesign, .none, coefficients, into: &eta)
            // Weights and weighted working responses, column by column on the threads (n B exponentials).
            eta.withUnsafeBufferPointer { linear in
                weights.withUnsafeMutableBufferPointer { weightPointer in
                    weightedWorking.withUnsafeMutableBufferPointer { workingPointer in
                        let shared = UncheckedSendable((linear, weightPointer, workingPointer))
                        ParallelReplicates.run(count: replicates, threads: options.threads) { b in
                            let (linear, w, wz) = shared.value
                            let y = responseBuffer.pointer
                            if let theta {
                                // NB2, log link, Newton: w = -d2l/deta2 = mu theta (y + theta) / (theta + mu)^2 > 0,
                                // w z = w eta + dl/deta with dl/deta = theta (y - mu) / (theta + mu).
                                for i in 0..<n {
                                    let index = i + b * n
                                    let mu = exp(linear[index] + offset[i])
                                    let inverse = 1 / (theta + mu)
                                    let score = theta * (y[index] - mu) * inverse
                                    let weight = max(mu * theta * (y[index] + theta) * inverse * inverse, 1e-300)
                                    w[index] = weight
                                    wz[index] = weight * linear[index] + score
                                }
                            } else {
                                // Poisson, canonical log link: w = mu, w z = w eta + (y - mu).
                                for i in 0..<n {
                                    let index = i + b * n
                                    let mu = max(exp(linear[index] + offset[i]), 1e-300)
                                    w[index] = mu
                                    wz[index] = mu * linear[index] + (y[index] - mu)
                                }
                            }
                        }
                    }
                }
            }
            let (next, failures) = batched.solve(weights: weights, weightedResponses: weightedWorking)
            failed.formUnion(failures)
            var largestChange = 0.0
            for b in 0..<replicates where !failed.contains(b) {
                for j in 0..<p {
                    let change = abs(next[j, b] - coefficients[j, b]) / max(abs(next[j, b]), 1)
                    if change.isFinite { largestChange = max(largestChange, change) }
                }
            }
            coefficients = next
            if largestChange <= Self.tolerance { break }
        }

        // 3. Future rates for all replicates in one GEMM, then counts.
        let starts = Array(grid.boundaries.dropLast())
        let positions = observations.kind == .counts ? starts : (0..<grid.periodCount).map {
            (grid.boundaries[$0] + grid.boundaries[$0 + 1]) / 2
        }
        var future = fit.designMatrix(at: positions)
        for j in 0..<p { for k in 0..<future.rows { future[k, j] /= columnScales[j] } }
        var logRates = Matrix(rows: grid.periodCount, columns: replicates)
        BLAS.gemm(.none, future, .none, coefficients, into: &logRates)
        let periods = grid.periodCount
        let lengths = (0..<periods).map { grid.boundaries[$0 + 1] - grid.boundaries[$0] }
        let increments = ReplicateBuffer<Double>(repeating: .nan, count: periods * replicates)
        let rates = logRates
        let failedReplicates = failed
        ParallelReplicates.run(count: replicates, threads: options.threads) { b in
            guard !failedReplicates.contains(b) else { return }
            // A separate stream for the future draws of replicate b (series index offset by 2^20).
            var generator = streams.generator(series: options.seriesIndex + (1 << 20), replicate: b)
            for k in 0..<periods {
                increments[k * replicates + b] = noise.draw(mean: exp(rates[k, b]) * lengths[k], using: &generator)
            }
        }
        let observedTotal = observations.observedTotal + observations.baseline
        return Projection(
            model: "log-linear (\(fit.error.rawValue))", origin: observations.origin, grid: grid,
            observedTotal: observedTotal,
            increments: Matrix(rows: replicates, columns: periods, columnMajor: increments.array).transposed(),
            finalSizes: Array(repeating: .nan, count: replicates), nonConvergedReplicates: 0,
            failedReplicates: failed.count)
    }
}
