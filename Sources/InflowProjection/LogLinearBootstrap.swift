import CInflowKernels
import Foundation
import InflowLinearAlgebra
import InflowModels
import InflowStatistics

/// The parametric bootstrap of one log-linear fit, run chunk by chunk: everything the refits share
/// (column-scaled design, pairwise column products, fixed-mean samplers, future design), immutable
/// so that every thread reads it while refitting its own chunks of replicates.
///
/// A chunk of `w` replicates is refitted together (``refit(chunk:replicates:workspace:)``): its responses
/// are drawn (replicate b from stream `(seed, series, b)`), then each IRLS iteration is one GEMM
/// `η = X B` (n x w), one vectorised pass for the Newton weights `W` and `W ∘ Z` (n w exponentials,
/// `inflow_nb2_log_newton_weights`), two GEMMs for the packed `X^T W_b X` and `X^T W_b z_b`
/// (``BatchedNormalEquations``), and w Cholesky solves. A replicate whose coefficients change by no
/// more than ``LogLinearProjector/tolerance`` is frozen, so its result depends on its own stream only,
/// not on the chunk it shares. Future rates are one more GEMM, then counts from stream
/// `(seed, series + 2^20, b)`.
///
/// Chunks are narrow enough (``chunkWidth``) that OpenBLAS runs each product on the calling thread
/// (it threads a dgemm only above m n k = 262,144) and the chunk's n x w buffers stay in the core's
/// L2 cache: the threads then share nothing but read-only inputs and the output rows they own. A design
/// so large that even one replicate's Gram product passes that bound (n p(p+1)/2 > 262,144) gets chunks
/// of one replicate, whose products OpenBLAS may thread; results are the same either way.
/// - Complexity: per iteration and chunk `n w (p(p+1) + 4p)` flops in GEMM, `n w` exponentials,
///   `w p^3 / 3` for the solves.
struct LogLinearBootstrap: Sendable {
    /// Outcome of one replicate's refit.
    enum Outcome: UInt8, Sendable {
        case converged = 0, notConverged, failed
    }

    let observationCount: Int
    let coefficientCount: Int
    let equations: BatchedNormalEquations
    /// The fitted coefficients in the scaled design's units: every refit starts there.
    let start: [Double]
    let offset: [Double]
    let theta: Double?
    let sampler: FixedMeanSampler
    let noise: ObservationNoise
    let streams: RandomStreams
    let seriesIndex: Int
    /// Future design (periods x p, scaled like the fit's design) and period lengths in days.
    let futureDesign: Matrix
    let periodLengths: [Double]
    /// Replicates per chunk.
    let chunkWidth: Int

    /// OpenBLAS runs a dgemm on the calling thread when m n k is at most 65,536 x 4
    /// (`SMP_THRESHOLD_MIN x GEMM_MULTITHREAD_THRESHOLD` in its interface/gemm.c).
    static let singleThreadedProductLimit = 262_144
    /// Chunk widths are kept in this range: at most 128 (n x 128 doubles per buffer, a few hundred KB
    /// for a year of days).
    static let chunkWidthRange = 1...128

    init(fit: LogLinearFit, futureTimes: [Double], periodLengths: [Double], options: ProjectionOptions) {
        let n = fit.design.rows, p = fit.design.columns
        observationCount = n
        coefficientCount = p
        // Columns scaled to unit norm: the Gram matrices X^T W X of a spline or polynomial basis are
        // otherwise too ill-conditioned for their normal equations to converge past 1e-8.
        var scaledDesign = fit.design
        var columnScales = [Double](repeating: 1, count: p)
        for j in 0..<p {
            let norm = BLAS.nrm2(Array(fit.design.column(j)))
            columnScales[j] = norm > 0 ? norm : 1
            for i in 0..<n { scaledDesign[i, j] /= columnScales[j] }
        }
        equations = BatchedNormalEquations(design: scaledDesign)
        start = (0..<p).map { fit.coefficients[$0] * columnScales[$0] }
        offset = fit.offset
        theta = fit.theta
        noise = fit.theta.map { ObservationNoise(error: .negativeBinomial, parameter: $0) }
            ?? ObservationNoise(error: .poisson, parameter: 0)
        sampler = FixedMeanSampler(noise: noise, means: fit.fitted)
        streams = RandomStreams(seed: options.seed)
        seriesIndex = options.seriesIndex
        var future = fit.designMatrix(at: futureTimes)
        for j in 0..<p { for k in 0..<future.rows { future[k, j] /= columnScales[j] } }
        futureDesign = future
        self.periodLengths = periodLengths
        let packedCount = p * (p + 1) / 2
        let widest = Self.singleThreadedProductLimit / max(packedCount * n, 1)
        chunkWidth = min(max(widest, Self.chunkWidthRange.lowerBound), Self.chunkWidthRange.upperBound)
    }

    /// Number of chunks for `replicates` replicates.
    func chunkCount(replicates: Int) -> Int { (replicates + chunkWidth - 1) / chunkWidth }

    /// A chunk's results: each replicate's outcome, and its arrivals per period (replicate after
    /// replicate, `periods` values each; NaN for a failed replicate).
    struct ChunkResult: Sendable {
        var outcomes: [Outcome]
        var increments: [Double]
    }

    /// Refits chunk `chunk` of `replicates` and draws its future counts.
    func refit(chunk: Int, replicates: Int, workspace: Workspace) -> ChunkResult {
        let first = chunk * chunkWidth
        let width = min(chunkWidth, replicates - first)
        let periods = futureDesign.rows
        var result = ChunkResult(outcomes: Array(repeating: .failed, count: max(width, 0)),
                                 increments: Array(repeating: .nan, count: max(width, 0) * periods))
        guard width > 0 else { return result }
        let n = observationCount, p = coefficientCount
        workspace.withBuffers { buffers in
            // 1. Responses, replicate b from its own stream. Observation by observation across the chunk,
            // so that each observation's inversion table is read once while it is in cache; every
            // replicate still draws its observations in order from its own stream.
            var generators = (0..<width).map { streams.generator(series: seriesIndex, replicate: first + $0) }
            for i in 0..<n {
                for column in 0..<width {
                    buffers.responses[column * n + i] = sampler.draw(i, using: &generators[column])
                }
            }
            for column in 0..<width {
                for j in 0..<p { buffers.coefficients[column * p + j] = start[j] }
                buffers.active[column] = true
                buffers.outcome[column] = Outcome.notConverged.rawValue
            }
            // 2. IRLS from the fitted coefficients; converged replicates are frozen.
            var activeCount = width
            var iteration = 0
            while activeCount > 0 && iteration < LogLinearProjector.maximumIterations {
                iteration += 1
                equations.design.withUnsafeBufferPointer { x in
                    BLAS.gemm(.none, x.baseAddress!, leadingDimension: n, .none, buffers.coefficients, leadingDimension: p,
                              m: n, n: width, k: p, into: buffers.linearPredictors, leadingDimension: n)
                }
                offset.withUnsafeBufferPointer { offset in
                    for column in 0..<width where buffers.active[column] {
                        let base = column * n
                        if let theta {
                            inflow_nb2_log_newton_weights(buffers.linearPredictors + base, offset.baseAddress, buffers.responses + base,
                                                          theta, LogLinearProjector.weightFloor,
                                                          buffers.weights + base, buffers.weightedWorking + base, n)
                        } else {
                            inflow_poisson_log_weights(buffers.linearPredictors + base, offset.baseAddress, buffers.responses + base,
                                                       LogLinearProjector.weightFloor,
                                                       buffers.weights + base, buffers.weightedWorking + base, n)
                        }
                    }
                }
                equations.solve(columns: width, weights: buffers.weights, weightedResponses: buffers.weightedWorking,
                                workspace: &buffers.normalEquations, into: buffers.next, solved: buffers.solved)
                for column in 0..<width where buffers.active[column] {
                    guard buffers.solved[column] else {
                        buffers.active[column] = false
                        buffers.outcome[column] = Outcome.failed.rawValue
                        activeCount -= 1
                        continue
                    }
                    var largestChange = 0.0
                    for j in 0..<p {
                        let new = buffers.next[column * p + j], old = buffers.coefficients[column * p + j]
                        largestChange = max(largestChange, abs(new - old) / max(abs(new), 1))
                        buffers.coefficients[column * p + j] = new
                    }
                    if !largestChange.isFinite {
                        buffers.active[column] = false
                        buffers.outcome[column] = Outcome.failed.rawValue
                        activeCount -= 1
                    } else if largestChange <= LogLinearProjector.tolerance {
                        buffers.active[column] = false
                        buffers.outcome[column] = Outcome.converged.rawValue
                        activeCount -= 1
                    }
                }
            }
            // 3. Future log rates of the chunk in one GEMM, then counts from each replicate's future stream.
            futureDesign.withUnsafeBufferPointer { future in
                BLAS.gemm(.none, future.baseAddress!, leadingDimension: max(periods, 1), .none, buffers.coefficients,
                          leadingDimension: p, m: periods, n: width, k: p,
                          into: buffers.logRates, leadingDimension: max(periods, 1))
            }
            for column in 0..<width {
                let b = first + column
                let outcome = Outcome(rawValue: buffers.outcome[column]) ?? .failed
                result.outcomes[column] = outcome
                guard outcome != .failed else { continue }
                // A separate stream for the future draws of replicate b (series index offset by 2^20).
                var generator = streams.generator(series: seriesIndex + (1 << 20), replicate: b)
                for k in 0..<periods {
                    let mean = exp(buffers.logRates[column * periods + k]) * periodLengths[k]
                    result.increments[k + column * periods] = noise.draw(mean: mean, using: &generator)
                }
            }
        }
        return result
    }
}
