import InflowLinearAlgebra

/// Iteratively reweighted least squares for generalized linear models of any number of coefficients.
///
/// Each iteration forms, at the current means `mu` and linear predictor `eta`,
///
///     z_i = eta_i - offset_i + (y_i - mu_i) / mu'(eta_i),   w_i = prior_i mu'(eta_i)^2 / V(mu_i),
///
/// and solves the weighted least-squares problem `min_b sum_i w_i (z_i - x_i^T b)^2` with
/// ``/InflowLinearAlgebra/LeastSquares/coefficients(design:response:weights:rankTolerance:refinementSteps:)`` (rank-revealing
/// QR, so aliased columns are reported, not divided by zero; no covariance until the final solve). For a canonical link this is Newton's method
/// on the log-likelihood; otherwise Fisher scoring. Observations with zero prior weight or
/// `mu'(eta) = 0` get zero working weight (R's `good` set).
///
/// ## Start, step halving and stopping
/// The start is `mu = ` ``GLMFamily/initialMean(response:)`` (R's `mustart`), or the given coefficients.
/// After each solve the deviance `D = sum_i prior_i d(y_i, mu_i)` is computed. If it is not finite, if a
/// mean leaves the family's domain, or if the deviance increased,
/// `(D - D_old) / (0.1 + |D|) >= max(tolerance, 1e-8)`, the step is halved towards the previous
/// coefficients, at most ``Options/maximumHalvings`` times. The first two checks are R's `glm.fit`; the
/// third is the monotone variant of `glm2` (Marschner 2011), from the second iteration on (or the first,
/// given a start). glm2 compares with the tolerance itself; the floor ``minimumIncreaseThreshold`` keeps
/// the rounding noise of the deviance (about `1e-13` relative on the nine-day series, from the
/// cancellation in `y log(y / mu) - (y - mu)`) from halving good steps near the optimum when the
/// tolerance is tighter than that, which would cost digits. The iteration stops when
/// `|D - D_old| / (|D| + 0.1) < tolerance` (R's `glm.control` test) and, for a link that is not canonical (Fisher
/// scoring, linear convergence), the largest relative coefficient step is at most ``Options/coefficientTolerance``;
/// or after ``Options/maximumIterations`` solves.
///
/// A final weighted solve at the converged means gives ``Summary/unscaledCovariance`` `(X^T W X)^-1`
/// (`R^-1 R^-T` of its QR, unrefined, as R's `chol2inv` of `glm.fit`'s QR), the rank and the working weights that
/// belong to the returned coefficients (statsmodels and R use the weights of the last iteration, one step behind;
/// the difference is below the convergence tolerance).
///
/// - Complexity: O(n p^2) flops per iteration (a QR of the n x p weighted design plus refinement),
///   and O(n) evaluations of the link, inverse link and variance.
///
/// References: P. McCullagh & J. A. Nelder, *Generalized Linear Models*, 2nd ed. (1989), section 2.5;
/// P. J. Green (1984), "Iteratively reweighted least squares for maximum likelihood estimation",
/// JRSS B 46; R's `glm.fit`; I. C. Marschner (2011), "glm2: fitting generalized linear models with
/// convergence problems", The R Journal 3/2. Tested against statsmodels in `InflowFittingTests`.
public enum IRLS {
    /// The smallest relative deviance increase, `(D - D_old) / (0.1 + |D|)`, that triggers step halving:
    /// `1e-8`, R's default tolerance, far above rounding noise and far below a real divergence.
    public static let minimumIncreaseThreshold = 1e-8

    /// Fits a generalized linear model.
    ///
    /// - Parameters:
    ///   - design: the n x p design matrix `X` (any p; aliased columns get coefficient 0).
    ///   - response: `y`, n values in the family's support.
    ///   - family: the distribution and link.
    ///   - offset: n known terms added to the linear predictor (e.g. log exposure); `nil` for zeros.
    ///   - priorWeights: n non-negative weights; `nil` for ones.
    ///   - start: p starting coefficients; `nil` to start from the family's `mustart`.
    ///   - options: iteration limits and tolerances.
    /// - Returns: the fit; its ``Summary/status`` says whether the deviance test passed.
    /// - Throws: ``IRLSError`` for invalid options or input, or when the first iteration finds no
    ///   finite deviance and has no earlier point to fall back to.
    /// - Precondition: the lengths of `response`, `offset`, `priorWeights` match the design's rows and
    ///   `start` its columns.
    // Specialised for the library's families: a caller in another module reaches the generic entry, which then runs
    // the specialised body instead of looking up the family's metadata and witnesses at every call.
    @_specialize(where Family == PoissonLogFamily)
    @_specialize(where Family == NegativeBinomial2LogFamily)
    @_specialize(where Family == GaussianIdentityFamily)
    public static func fit<Family: GLMFamily>(
        design: Matrix, response: [Double], family: Family, offset: [Double]? = nil,
        priorWeights: [Double]? = nil, start: [Double]? = nil, options: Options = Options()
    ) throws(IRLSError) -> Summary {
        let n = design.rows, p = design.columns
        precondition(response.count == n, "IRLS: \(response.count) responses for a design with \(n) rows")
        precondition(offset.map { $0.count == n } ?? true, "IRLS: the offset needs \(n) values")
        precondition(priorWeights.map { $0.count == n } ?? true, "IRLS: the prior weights need \(n) values")
        precondition(start.map { $0.count == p } ?? true, "IRLS: the start needs \(p) coefficients")
        do { try options.validate() } catch { throw .invalidOptions(error) }
        guard design.isFinite else { throw .nonFiniteInput("design") }
        if let offset, !offset.allSatisfy(\.isFinite) { throw .nonFiniteInput("offset") }
        if let start, !start.allSatisfy(\.isFinite) { throw .nonFiniteInput("start") }
        if let priorWeights {
            guard priorWeights.allSatisfy(\.isFinite) else { throw .nonFiniteInput("prior weights") }
            if let i = priorWeights.firstIndex(where: { $0 < 0 }) { throw .negativeWeight(index: i, value: priorWeights[i]) }
        }
        guard response.allSatisfy(\.isFinite) else { throw .nonFiniteInput("response") }
        let weights = priorWeights ?? [Double](repeating: 1, count: n)
        for i in 0..<n where weights[i] > 0 && !family.isValidResponse(response[i]) {
            throw .invalidResponse(index: i, value: response[i], family: family.name)
        }
        let model = Model(design: design, response: response, family: family,
                          offset: offset ?? [Double](repeating: 0, count: n), priorWeights: weights)

        // The current point: coefficients (nil before the first solve unless a start is given) and its fit.
        var coefficients = start
        var current: Model<Family>.Point
        if let start {
            current = model.point(start)
        } else {
            let mu = response.map { family.initialMean(response: $0) }
            current = model.point(eta: mu.map { family.link($0) }, mu: mu)
        }
        guard coefficients == nil || current.isValid else { throw .noValidCoefficients }

        var status = Status.maximumIterations
        var iterations = 0, halvings = 0
        iterating: for _ in 0..<options.maximumIterations {
            iterations += 1
            let (z, w) = model.workingResponseAndWeights(current)
            // The iterations need only the new coefficients, unrefined (the next iteration corrects the rounding
            // of this one, as it corrects its linearisation); the covariance comes from the refined final solve below.
            guard var candidate = try? LeastSquares.coefficients(design: design, response: z, weights: w,
                                                                 rankTolerance: options.rankTolerance,
                                                                 refinementSteps: 0) else {
                status = .failure(.weightedLeastSquaresFailed)
                break
            }
            var next = model.point(candidate)
            var halvingsHere = 0
            let increaseThreshold = max(options.tolerance, minimumIncreaseThreshold)
            func increased(_ point: Model<Family>.Point) -> Bool {
                coefficients != nil && (point.deviance - current.deviance) / (0.1 + abs(point.deviance)) >= increaseThreshold
            }
            while !next.isValid || increased(next) {
                guard let previous = coefficients else { throw .noValidCoefficients }
                guard halvingsHere < options.maximumHalvings else {
                    status = .failure(.stepHalvingFailed)
                    break iterating
                }
                for j in 0..<p { candidate[j] = (candidate[j] + previous[j]) / 2 }
                next = model.point(candidate)
                halvingsHere += 1
            }
            halvings += halvingsHere
            let change = abs(next.deviance - current.deviance) / (abs(next.deviance) + 0.1)
            var largestStep = Double.infinity
            if let previous = coefficients {
                largestStep = 0
                for j in 0..<p { largestStep = max(largestStep, abs(candidate[j] - previous[j]) / max(abs(candidate[j]), 1)) }
            }
            coefficients = candidate
            current = next
            if change < options.tolerance && (family.hasCanonicalLink || largestStep <= options.coefficientTolerance) {
                status = .converged
                break
            }
        }
        guard let coefficients else { throw .noValidCoefficients }

        // Covariance, rank and weights at the returned coefficients.
        let (z, w) = model.workingResponseAndWeights(current)
        let final = try? LeastSquares.solve(design: design, response: z, weights: w, rankTolerance: options.rankTolerance,
                                            refinementSteps: 0)
        let positive = weights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        let rank = final?.rank ?? 0
        let degreesOfFreedom = final?.degreesOfFreedom ?? (positive - rank)
        let pearson = model.pearsonChiSquared(current)
        let dispersion = family.hasFixedDispersion
            ? 1 : (degreesOfFreedom > 0 ? pearson / Double(degreesOfFreedom) : .nan)
        return Summary(
            status: status, iterations: iterations, stepHalvings: halvings, coefficients: coefficients,
            unscaledCovariance: final?.unscaledCovariance ?? Matrix(rows: p, columns: p, repeating: .nan),
            deviance: current.deviance, pearsonChiSquared: pearson, fittedMeans: current.mu,
            linearPredictor: current.eta, workingWeights: w, rank: rank,
            aliasedColumns: final?.aliasedColumns ?? [], degreesOfFreedom: degreesOfFreedom, dispersion: dispersion)
    }
}
