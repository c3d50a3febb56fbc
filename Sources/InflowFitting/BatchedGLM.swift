import CInflowKernels
import Dispatch
import Foundation
import InflowLinearAlgebra

/// Fits one log-link count GLM to each of many series that share a design matrix: the same days, the same
/// basis, different counts (provinces of one crisis, simulated series of a study, keys of a long file).
///
/// Every series gets exactly the fit ``IRLS/fit(design:response:family:offset:priorWeights:start:options:)``
/// would give it (the same start `mu = y + 0.1`, R's deviance test `|D - D_old| / (|D| + 0.1) < tolerance`,
/// the same step halving), but the series are fitted together in chunks, so that an iteration of a chunk of
/// w series is a few matrix products instead of w small QR factorisations:
///
/// * `X^T W_s X` for all s of the chunk: one dgemm of the n x p(p+1)/2 pairwise column products with the
///   n x w weights (``/InflowLinearAlgebra/BatchedNormalEquations``), and `X^T W_s z_s` one more; then w ``/InflowLinearAlgebra/SmallCholesky``
///   solves of order p;
/// * `eta = X B` (n x w) one dgemm, then the weights and working responses of all series in one
///   vectorised pass (`n w` exponentials), from which the Poisson deviance follows with no further
///   transcendental: `D = 2 sum_i [y_i log y_i - y_i - y_i log mu_i + mu_i]`, `log mu_i = eta_i + offset_i`.
///
/// The design's columns are scaled to unit length inside (the coefficients and standard errors are
/// returned in the caller's units), which keeps the Gram matrices of polynomial and spline bases well
/// enough conditioned for the normal equations to converge to the same digits as the QR of ``IRLS``
/// (agreement with R's `glm.fit` is tested to 1e-8 relative on the coefficients).
///
/// Poisson and NB2 with a known `theta` are Newton's method (the NB2 weights are the observed information
/// `w = mu theta (y + theta) / (theta + mu)^2`, which converges faster than R's Fisher scoring to the same
/// maximum). With ``Family/negativeBinomialEstimated`` each series alternates, as `MASS::glm.nb`: a
/// Poisson fit, then `theta` by maximum likelihood at the fitted means (Newton in `log theta`), the NB2
/// fit at that `theta` from the current coefficients, and again, until `log theta` changes by less than
/// ``thetaTolerance``.
///
/// Results are the same for any thread count and chunking: each series' arithmetic depends on its own
/// counts only (a converged series is frozen while the rest of its chunk iterates).
///
/// - Complexity: per iteration and series `n (p(p+1) + 4p)` flops in GEMM, `n` exponentials, `p^3 / 3` for
///   the solve; for 1,000 series of 60 days and p = 3, about 1.4 Mflop and 60,000 exponentials an iteration.
///
/// References: R's `glm.fit` and `MASS::glm.nb` (Venables & Ripley, *Modern Applied Statistics with S*,
/// 4th ed., 2002, section 7.4); the batched normal equations of ``/InflowLinearAlgebra/BatchedNormalEquations``.
public struct BatchedGLM: Sendable {
    /// The shared n x p design, in the caller's units.
    public let design: Matrix
    /// The n known terms added to every series' linear predictor (zeros when none was given).
    public let offset: [Double]
    /// The normal equations of the column-scaled design.
    let equations: BatchedNormalEquations
    /// Each column's Euclidean length (1 for a zero column): scaled column j is column j / `columnScales[j]`.
    let columnScales: [Double]

    /// Relative change of `theta` between alternations below which ``Family/negativeBinomialEstimated``
    /// stops: `1e-8`.
    public static let thetaTolerance = 1e-8
    /// `theta` is kept in `[e^-10, e^23]`, as every NB2 fit of the package.
    public static let logThetaBounds: ClosedRange<Double> = -10...23
    /// Working weights are floored here, as R's `poisson()$mu.eta` floors at machine epsilon.
    static let weightFloor = Double.ulpOfOne
    /// Chunks are at most this wide, and narrow enough that each dgemm stays on the calling thread
    /// (OpenBLAS threads a dgemm only above m n k = 262,144) and a chunk's buffers stay in L2.
    static let maximumChunkWidth = 256
    static let singleThreadedProductLimit = 262_144

    /// Prepares a batch fit on `design` (n x p, any p >= 1 with n >= p).
    /// - Parameters:
    ///   - design: the shared design `X`; it must be finite and of full column rank for the series to be fitted.
    ///   - offset: n known terms of the linear predictor (log exposure); `nil` for zeros.
    /// - Throws: ``IRLSError/nonFiniteInput(_:)`` for a NaN or infinite design or offset.
    /// - Complexity: O(n p^2) for the pairwise column products.
    public init(design: Matrix, offset: [Double]? = nil) throws(IRLSError) {
        precondition(design.columns >= 1 && design.rows >= design.columns, "BatchedGLM needs n >= p >= 1")
        precondition(offset.map { $0.count == design.rows } ?? true, "BatchedGLM: the offset needs \(design.rows) values")
        guard design.isFinite else { throw .nonFiniteInput("design") }
        if let offset, !offset.allSatisfy(\.isFinite) { throw .nonFiniteInput("offset") }
        self.design = design
        self.offset = offset ?? [Double](repeating: 0, count: design.rows)
        var scaled = design
        var scales = [Double](repeating: 1, count: design.columns)
        for j in 0..<design.columns {
            let norm = BLAS.nrm2(Array(design.column(j)))
            scales[j] = norm > 0 ? norm : 1
            for i in 0..<design.rows { scaled[i, j] /= scales[j] }
        }
        columnScales = scales
        equations = BatchedNormalEquations(design: scaled)
    }

    /// Number of observations n of every series.
    public var observationCount: Int { design.rows }
    /// Number of coefficients p.
    public var coefficientCount: Int { design.columns }

    /// Series fitted together in one chunk.
    var chunkWidth: Int {
        let n = observationCount, packed = coefficientCount * (coefficientCount + 1) / 2
        return min(max(Self.singleThreadedProductLimit / max(packed * n, 1), 1), Self.maximumChunkWidth)
    }

    /// Fits every column of `responses` (n x S, column s the counts of series s).
    /// - Parameters:
    ///   - responses: the counts; every value must be finite and `>= 0`.
    ///   - family: Poisson, NB2 with a known `theta`, or NB2 with each series' `theta` estimated.
    ///   - options: iteration limits, tolerance, standard errors, threads.
    /// - Returns: one fit per series; a series whose step halving or solve failed has its status say so.
    /// - Throws: ``IRLSError`` for invalid options, a response outside the family's support (its index is
    ///   `s n + i` for day i of series s) or a known `theta` that is not a positive number.
    public func fit(responses: Matrix, family: Family = .poisson, options: Options = Options()) throws(IRLSError) -> Result {
        let n = observationCount, p = coefficientCount, seriesCount = responses.columns
        precondition(responses.rows == n, "BatchedGLM: responses need \(n) rows, one per observation")
        do { try options.validate() } catch { throw .invalidOptions(error) }
        if case .negativeBinomial(let theta) = family, !(theta > 0 && theta.isFinite) {
            throw .invalidOptions(InvalidOptionsError(option: "theta", message: "theta must be a finite number > 0 (got \(theta))."))
        }
        if let index = responses.elements.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw .invalidResponse(index: index, value: responses.elements[index], family: family.description)
        }
        let outputs = BatchedGLMOutputs(coefficientCount: p, seriesCount: seriesCount,
                                        standardErrors: options.computesStandardErrors, theta: family != .poisson)
        let width = chunkWidth
        let chunks = (seriesCount + width - 1) / width
        let threads = min(options.threads, max(chunks, 1))
        // Each chunk writes only its own series' slots of `outputs`, so the threads share nothing mutable.
        responses.withUnsafeBufferPointer { y in
            // Read-only for the whole call; every thread reads its own chunks' columns.
            nonisolated(unsafe) let counts = y.baseAddress!
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                let workspace = BatchedGLMWorkspace(observations: n, coefficients: p, width: width, equations: equations)
                for chunk in stride(from: worker, to: chunks, by: threads) {
                    let first = chunk * width, count = min(width, seriesCount - first)
                    fitChunk(responses: counts + first * n, count: count, family: family, options: options,
                             workspace: workspace)
                    outputs.store(workspace, first: first, count: count, scales: columnScales)
                }
            }
        }
        return outputs.result()
    }
}
