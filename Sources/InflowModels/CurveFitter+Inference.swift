import CInflowKernels
import Foundation
import InflowFitting
import InflowLinearAlgebra

/// Inference at the best run of a curve fit: goodness of fit, status, covariance (observed or expected
/// information, or the sandwich), identifiability and the warnings that go with them.
extension CurveFitter {
    /// The fit at the best run's estimates: goodness of fit, status, covariance and warnings.
    func finish(
        _ summary: LevenbergMarquardt.Summary, likelihood: CurveLikelihood<Family>, scratch: CurveLikelihood<Family>.Scratch,
        layout: FitParameterLayout, startsTried: Int, solverOptions: LevenbergMarquardt.Options
    ) -> CurveFit {
        let names = layout.names, fixedMask = layout.fixedMask
        var warnings = observations.warnings.map(\.message)
        let estimates = summary.parameters
        // The information first: its pass leaves the means (with their gradients) in the likelihood's
        // workspace, where `means` then finds them.
        let free = (0..<names.count).filter { !fixedMask[$0] }
        let information = informationMatrix(likelihood: likelihood, at: estimates, free: free, scratch: scratch)
        let fitted = likelihood.means(estimates, scratch: scratch)
        let (deviance, pearson, logLikelihood) = goodnessOfFit(fitted: fitted, summary: summary,
                                                               theta: likelihood.dispersion(estimates))
        let n = Double(fitted.count)
        var status = Self.status(of: summary, warnings: &warnings)
        var covariance = self.covariance(information, likelihood: likelihood, scratch: scratch, estimates: estimates,
                                         free: free, total: names.count, residualScale: (deviance, pearson, n))
        let undetermined = covariance.map { Self.undetermined($0, estimates: estimates, free: free) } ?? []
        if covariance == nil || !undetermined.isEmpty {
            let weak = undetermined.isEmpty
                ? Self.weakestDirection(information, free: free, names: names)
                : "not determined: \(undetermined.map { names[$0] }.joined(separator: ", "))"
            for j in undetermined {
                warnings.append("\(names[j]) is not determined by the data: its standard error is more than \(formatted(Self.undeterminedRelativeError)) times its magnitude")
            }
            warnings.append("the data do not determine every parameter (\(weak)); standard errors are infinite")
            covariance = nil
            if status.isConverged {
                status = .nonIdentifiable(reason: "the information matrix is singular at the optimum; \(weak)")
            }
        }
        // Estimates at a bound.
        for j in free where summary.activeBounds[j] {
            warnings.append("\(names[j]) is at its bound (\(formatted(j < family.parameterCount || names[j] == "beta" ? estimates[j] : exp(estimates[j])))); its standard error assumes an interior optimum")
        }
        return CurveFit(
            family: family, error: error, options: options, observations: observations,
            parameterNames: names, vector: estimates, fixed: fixedMask, covariance: covariance,
            status: status, warnings: warnings, solverSummary: summary, fitted: fitted,
            logLikelihood: logLikelihood, deviance: deviance, pearsonChiSquare: pearson, startsTried: startsTried,
            solverOptions: solverOptions)
    }

    /// Deviance, Pearson chi-square and the log-likelihood with every constant at the fitted means.
    /// Gaussian: the residual sum of squares, and the log-likelihood with the variance profiled out,
    /// `-n/2 (log(2 pi RSS/n) + 1)`; counts: the count deviance and `(y - mu)^2 / V(mu)` (Poisson or NB2 with
    /// `theta`) from the vector kernel, and minus the objective; quasi-Poisson has no likelihood.
    func goodnessOfFit(fitted: [Double], summary: LevenbergMarquardt.Summary, theta: Double?)
        -> (deviance: Double, pearson: Double, logLikelihood: Double?) {
        let y = observations.responses
        var deviance = 0.0
        var pearson = 0.0
        if error == .gaussian {
            for i in 0..<y.count {
                let residual = y[i] - fitted[i]
                deviance += residual * residual
            }
            pearson = deviance
        } else {
            // Poisson 2 [y log(y / mu) - (y - mu)], (y - mu)^2 / mu; NB2 with theta (see the kernel).
            inflow_count_deviance(y, fitted, y.count, error == .negativeBinomial ? theta! : 0, &deviance, &pearson)
        }
        let n = Double(y.count)
        switch error {
        case .gaussian: return (deviance, pearson, -n / 2 * (log(2 * Double.pi * deviance / n) + 1))
        case .poisson, .negativeBinomial: return (deviance, pearson, -summary.finalObjective)
        case .quasiPoisson: return (deviance, pearson, nil)
        }
    }

    /// The fit's status from the solver's stopping reason (an iteration limit also gets a warning).
    static func status(of summary: LevenbergMarquardt.Summary, warnings: inout [String]) -> FitStatus {
        switch summary.status {
        case .gradientTolerance, .parameterTolerance, .functionTolerance:
            return .converged(reason: summary.status.description)
        case .knownMinimum:
            // A multi-start keeps the run that found a minimum, never one stopped on its way there.
            return .notConverged(reason: "stopped on the way to a minimum found before; the estimates are not that minimum")
        case .maximumIterations:
            warnings.append("the solver stopped at its iteration limit: the estimates are not an optimum")
            return .notConverged(reason: "stopped at the iteration limit (\(summary.iterations)); the estimates are the best point found")
        case .failure(let reason):
            return .failed(reason: reason.description)
        }
    }

    /// The covariance of the estimates (full size, zero rows and columns for fixed parameters): the inverse
    /// information, or the sandwich; Gaussian `sigma^2 (J^T J)^-1` with `sigma^2 = RSS/(n - p)`, quasi-Poisson
    /// `phi` times Poisson's with `phi = X^2/(n - p)`. `nil` when the information is singular.
    func covariance(
        _ information: Matrix, likelihood: CurveLikelihood<Family>, scratch: CurveLikelihood<Family>.Scratch,
        estimates: SIMD8<Double>, free: [Int], total: Int, residualScale: (deviance: Double, pearson: Double, n: Double)
    ) -> Matrix? {
        Self.invertInformation(information, free: free, total: total).map { inverse in
            var cov = options.covariance == .sandwich
                ? sandwich(bread: inverse, likelihood: likelihood, scratch: scratch, estimates: estimates, free: free)
                : inverse
            let df = residualScale.n - Double(free.count)
            if (error == .gaussian || error == .quasiPoisson) && options.covariance != .sandwich {
                let scale = df > 0 ? (error == .gaussian ? residualScale.deviance : residualScale.pearson) / df : .nan
                for i in 0..<cov.rows { for j in 0..<cov.columns { cov[i, j] *= scale } }
            }
            return cov
        }
    }

    /// The information matrix of the free parameters: observed
    /// (``CurveLikelihood/observedInformation(at:free:scratch:)``: analytic in the means, central
    /// differences only for the curve's second derivatives) or expected (the likelihood's curvature).
    func informationMatrix(
        likelihood: CurveLikelihood<Family>, at estimates: SIMD8<Double>, free: [Int],
        scratch: CurveLikelihood<Family>.Scratch
    ) -> Matrix {
        let useObserved = options.covariance != .expected && error != .gaussian
        var workspace = scratch
        var full = useObserved ? likelihood.observedInformation(at: estimates, free: free, scratch: scratch)
            : likelihood.evaluate(estimates, workspace: &workspace).curvature
        if !useObserved, let d = likelihood.dispersionIndex {
            // The expected information of NB2 has no mean-dispersion coupling.
            for j in 0..<likelihood.parameterCount where j != d {
                full[j, d] = 0
                full[d, j] = 0
            }
        }
        var information = Matrix(rows: free.count, columns: free.count)
        for (a, i) in free.enumerated() {
            for (b, j) in free.enumerated() { information[a, b] = full[i, j] }
        }
        return information
    }

    /// Inverts the free-parameter information into a full-size covariance, or `nil` if it
    /// is not positive definite (or its condition number exceeds 1e14).
    ///
    /// The information is scaled to unit diagonal (so the test measures identifiability, not units), its
    /// eigenvalues found by ``SmallMatrix/symmetricEigenvalues()`` (cyclic Jacobi) and, when
    /// `smallest > 1e-14 largest`, it is inverted through ``SmallCholesky``: at most 8 free parameters,
    /// no LAPACK call and no allocation but the result.
    static func invertInformation(_ information: Matrix, free: [Int], total: Int) -> Matrix? {
        guard !free.isEmpty else { return Matrix(rows: total, columns: total) }
        let k = free.count
        var scales = SIMD8<Double>(repeating: 1)
        for a in 0..<k {
            let d = information[a, a]
            guard d > 0, d.isFinite else { return nil }
            scales[a] = 1 / d.squareRoot()
        }
        var scaled = SmallMatrix(order: k)
        for b in 0..<k {
            var column = SIMD8<Double>.zero
            for a in 0..<k { column[a] = information[a, b] }
            scaled[column: b] = column * scales * scales[b]
        }
        let eigenvalues = scaled.symmetricEigenvalues()
        guard eigenvalues[k - 1].isFinite, eigenvalues[0] > eigenvalues[k - 1] * 1e-14,
              let cholesky = try? SmallCholesky(scaled) else { return nil }
        let inverse = cholesky.inverse()
        var full = Matrix(rows: total, columns: total)
        for (b, j) in free.enumerated() {
            let column = inverse[column: b] * scales * scales[b]
            // The lower triangle, mirrored: an exactly symmetric covariance.
            for (a, i) in free.enumerated() where a >= b {
                full[i, j] = column[a]
                full[j, i] = column[a]
            }
        }
        return full
    }

    /// A parameter whose standard error exceeds this multiple of `max(|estimate|, 1)` is not
    /// determined by the data (for example a hazard that went to infinity, where the curve no
    /// longer depends on it). The floor of 1 keeps estimates near zero (a growth rate of 0, an
    /// onset at the origin) from being flagged for an ordinary standard error.
    static var undeterminedRelativeError: Double { 1e6 }

    /// Free parameters whose standard error exceeds ``undeterminedRelativeError`` times `max(|estimate|, 1)`.
    static func undetermined(_ covariance: Matrix, estimates: SIMD8<Double>, free: [Int]) -> [Int] {
        free.filter { j in
            let se = covariance[j, j].squareRoot()
            return !(se <= undeterminedRelativeError * max(abs(estimates[j]), 1))
        }
    }

    /// Names the parameters that dominate the least-determined direction.
    static func weakestDirection(_ information: Matrix, free: [Int], names: [String]) -> String {
        guard let eigen = try? SymmetricEigenDecomposition(information) else { return "the information is not finite" }
        let vector = (0..<free.count).map { eigen.eigenvectors[$0, 0] }
        let involved = vector.enumerated().filter { abs($0.element) > 0.3 }.map { names[free[$0.offset]] }
        return "least determined: \(involved.isEmpty ? "a combination of all parameters" : involved.joined(separator: ", "))"
    }

    /// The sandwich `H^-1 (sum_i s_i s_i^T) H^-1` over the per-observation scores `s_i`.
    func sandwich(bread: Matrix, likelihood: CurveLikelihood<Family>, scratch: CurveLikelihood<Family>.Scratch,
                  estimates: SIMD8<Double>, free: [Int]) -> Matrix {
        let scores = likelihood.observationScores(estimates, scratch: scratch)
        let total = bread.rows
        var meat = Matrix(rows: total, columns: total)
        for s in scores {
            for i in free { for j in free { meat[i, j] += s[i] * s[j] } }
        }
        return bread * meat * bread
    }
}
