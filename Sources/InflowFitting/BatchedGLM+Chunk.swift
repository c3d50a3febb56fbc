import CInflowKernels
import Foundation
import InflowLinearAlgebra
import InflowStatistics

extension BatchedGLM {
    /// Fits `count` series whose counts are the n x `count` column-major block `y`, leaving coefficients
    /// (scaled design's units), variances, deviance, iterations, status and `theta` in `workspace`.
    func fitChunk(responses y: UnsafePointer<Double>, count: Int, family: Family, options: Options,
                  workspace ws: BatchedGLMWorkspace) {
        let n = observationCount
        for column in 0..<count {
            var entropy = 0.0
            for i in 0..<n {
                let value = y[column * n + i]
                entropy += (value > 0 ? value * log(value) : 0) - value
            }
            ws.responseEntropy[column] = entropy
            ws.iterations[column] = 0
            ws.status[column] = .maximumIterations
            ws.active[column] = true
            ws.theta[column] = .nan
        }
        switch family {
        case .poisson:
            iterate(responses: y, count: count, negativeBinomial: false, fromStart: true, options: options, workspace: ws)
        case .negativeBinomial(let theta):
            for column in 0..<count { ws.theta[column] = theta }
            iterate(responses: y, count: count, negativeBinomial: true, fromStart: true, options: options, workspace: ws)
        case .negativeBinomialEstimated:
            iterate(responses: y, count: count, negativeBinomial: false, fromStart: true, options: options, workspace: ws)
            var settled = [Bool](repeating: false, count: count)
            for column in 0..<count {
                guard ws.status[column] != .failure(.stepHalvingFailed), ws.status[column] != .failure(.weightedLeastSquaresFailed)
                else { settled[column] = true; continue }
                ws.theta[column] = maximumLikelihoodTheta(responses: y + column * n, column: column, start: nil, workspace: ws)
            }
            var alternation = 0
            while settled.contains(false) && alternation < options.maximumAlternations {
                alternation += 1
                for column in 0..<count { ws.active[column] = !settled[column] }
                iterate(responses: y, count: count, negativeBinomial: true, fromStart: false, options: options, workspace: ws)
                for column in 0..<count where !settled[column] {
                    if case .failure = ws.status[column] { settled[column] = true; continue }
                    let previous = ws.theta[column]
                    let updated = maximumLikelihoodTheta(responses: y + column * n, column: column, start: previous, workspace: ws)
                    ws.theta[column] = updated
                    if abs(updated - previous) <= Self.thetaTolerance * previous { settled[column] = true }
                }
            }
            for column in 0..<count where !settled[column] && ws.status[column].isConverged {
                ws.status[column] = .maximumIterations
            }
        }
        if options.computesStandardErrors { fisherVariances(count: count, negativeBinomial: family != .poisson, workspace: ws) }
    }

    /// IRLS on the active series of the chunk: from `mu = initial mean` (`fromStart`) or from the
    /// coefficients in the workspace, until each passes the deviance test, fails, or runs out of iterations.
    func iterate(responses y: UnsafePointer<Double>, count: Int, negativeBinomial: Bool, fromStart: Bool,
                 options: Options, workspace ws: BatchedGLMWorkspace) {
        let n = observationCount, p = coefficientCount
        let threshold = max(options.tolerance, IRLS.minimumIncreaseThreshold)
        var previousDeviance = [Double](repeating: .nan, count: count)
        if !fromStart { linearPredictors(count: count, from: ws.coefficients, workspace: ws) }
        for column in 0..<count where ws.active[column] {
            let eta = ws.linearPredictors + column * n, responses = y + column * n
            if fromStart {
                for i in 0..<n {
                    let value = responses[i]
                    let mean = negativeBinomial ? (value == 0 ? 1.0 / 6 : value) : value + 0.1
                    eta[i] = log(mean) - offset[i]
                }
            }
            previousDeviance[column] = weightsAndDeviance(column: column, responses: responses, negativeBinomial: negativeBinomial,
                                                          workspace: ws)
            ws.hasPrevious[column] = !fromStart
        }
        var remaining = (0..<count).reduce(0) { $0 + (ws.active[$1] ? 1 : 0) }
        var iteration = 0
        while remaining > 0 && iteration < options.maximumIterations {
            iteration += 1
            equations.solve(columns: count, weights: ws.weights, weightedResponses: ws.weightedWorking,
                            workspace: &ws.normalEquations, into: ws.next, solved: ws.solved)
            linearPredictors(count: count, from: ws.next, workspace: ws)
            for column in 0..<count where ws.active[column] {
                ws.iterations[column] += 1
                let responses = y + column * n
                guard ws.solved[column] else {
                    finish(column, .failure(.weightedLeastSquaresFailed), &remaining, ws)
                    continue
                }
                var deviance = weightsAndDeviance(column: column, responses: responses, negativeBinomial: negativeBinomial,
                                                  workspace: ws)
                var halvings = 0, failed = false
                while !deviance.isFinite
                    || (ws.hasPrevious[column] && (deviance - previousDeviance[column]) / (0.1 + abs(deviance)) >= threshold) {
                    guard ws.hasPrevious[column], halvings < options.maximumHalvings else { failed = true; break }
                    halvings += 1
                    for j in 0..<p {
                        ws.next[column * p + j] = (ws.next[column * p + j] + ws.coefficients[column * p + j]) / 2
                    }
                    linearPredictor(column: column, from: ws.next, workspace: ws)
                    deviance = weightsAndDeviance(column: column, responses: responses, negativeBinomial: negativeBinomial,
                                                  workspace: ws)
                }
                if failed {
                    finish(column, .failure(.stepHalvingFailed), &remaining, ws)
                    continue
                }
                let change = abs(deviance - previousDeviance[column]) / (abs(deviance) + 0.1)
                for j in 0..<p { ws.coefficients[column * p + j] = ws.next[column * p + j] }
                previousDeviance[column] = deviance
                ws.deviance[column] = deviance
                ws.hasPrevious[column] = true
                if change < options.tolerance { finish(column, .converged, &remaining, ws) }
            }
        }
        for column in 0..<count where ws.active[column] { finish(column, .maximumIterations, &remaining, ws) }
    }

    private func finish(_ column: Int, _ status: IRLS.Status, _ remaining: inout Int, _ ws: BatchedGLMWorkspace) {
        ws.status[column] = status
        ws.active[column] = false
        remaining -= 1
    }

    /// `eta = X B` for the chunk's `count` columns of `coefficients` (one dgemm).
    func linearPredictors(count: Int, from coefficients: UnsafeMutablePointer<Double>, workspace ws: BatchedGLMWorkspace) {
        let n = observationCount, p = coefficientCount
        equations.design.withUnsafeBufferPointer { x in
            BLAS.gemm(.none, x.baseAddress!, leadingDimension: n, .none, coefficients, leadingDimension: p,
                      m: n, n: count, k: p, into: ws.linearPredictors, leadingDimension: n)
        }
    }

    /// `eta = X b` for one column (after a halved step).
    func linearPredictor(column: Int, from coefficients: UnsafeMutablePointer<Double>, workspace ws: BatchedGLMWorkspace) {
        let n = observationCount, p = coefficientCount
        let eta = ws.linearPredictors + column * n
        equations.design.withUnsafeBufferPointer { x in
            for i in 0..<n {
                var sum = 0.0
                for j in 0..<p { sum += x[i + j * n] * coefficients[column * p + j] }
                eta[i] = sum
            }
        }
    }

    /// The next IRLS weights and weighted working responses of one series at its linear predictor, and its
    /// deviance there (NaN or infinite when a mean is not valid).
    func weightsAndDeviance(column: Int, responses y: UnsafePointer<Double>, negativeBinomial: Bool,
                            workspace ws: BatchedGLMWorkspace) -> Double {
        let n = observationCount
        let eta = ws.linearPredictors + column * n, w = ws.weights + column * n, wz = ws.weightedWorking + column * n
        return offset.withUnsafeBufferPointer { offset in
            if negativeBinomial {
                let theta = ws.theta[column]
                inflow_nb2_log_newton_weights(eta, offset.baseAddress, y, theta, Self.weightFloor, w, wz, n)
                var deviance = 0.0
                for i in 0..<n {
                    let logMean = eta[i] + offset[i], mean = exp(logMean)
                    guard mean > 0 && mean.isFinite else { return .nan }
                    let first = y[i] > 0 ? y[i] * (log(y[i]) - logMean) : 0
                    deviance += first - (y[i] + theta) * log((y[i] + theta) / (mean + theta))
                }
                return 2 * deviance
            }
            inflow_poisson_log_weights(eta, offset.baseAddress, y, Self.weightFloor, w, wz, n)
            let floorLog = log(Self.weightFloor)
            var linear = 0.0, means = 0.0
            for i in 0..<n {
                let logMean = w[i] > Self.weightFloor ? eta[i] + offset[i] : floorLog
                linear += y[i] * logMean
                means += w[i]
            }
            return 2 * (ws.responseEntropy[column] - linear + means)
        }
    }

    /// `diag((X^T W X)^-1)` at each series' returned coefficients with the Fisher weights
    /// `w = mu` (Poisson) or `w = mu theta / (mu + theta)` (NB2), as R's `summary.glm` and `summary.negbin`.
    func fisherVariances(count: Int, negativeBinomial: Bool, workspace ws: BatchedGLMWorkspace) {
        let n = observationCount
        linearPredictors(count: count, from: ws.coefficients, workspace: ws)
        for column in 0..<count {
            let theta = ws.theta[column]
            for i in 0..<n {
                let mean = max(exp(ws.linearPredictors[column * n + i] + offset[i]), Self.weightFloor)
                ws.weights[column * n + i] = negativeBinomial ? mean * theta / (mean + theta) : mean
            }
        }
        equations.inverseDiagonals(columns: count, weights: ws.weights, workspace: &ws.normalEquations, into: ws.variances)
    }

    /// The maximum-likelihood `theta` of one series at the means of its current coefficients: Newton steps in
    /// `s = log theta`, halved while the log-likelihood falls by more than its rounding noise (so near a flat
    /// maximum the score decides, as in `MASS::theta.ml`), within ``logThetaBounds``, from `start` or the moment estimate
    /// `sum mu^2 / sum ((y - mu)^2 - mu)` (the upper bound when the counts show no overdispersion).
    /// - Complexity: O(n) digamma, trigamma and log-gamma evaluations per Newton step.
    func maximumLikelihoodTheta(responses y: UnsafePointer<Double>, column: Int, start: Double?,
                                workspace ws: BatchedGLMWorkspace) -> Double {
        let n = observationCount, p = coefficientCount
        let mu = ws.scratch
        equations.design.withUnsafeBufferPointer { x in
            for i in 0..<n {
                var eta = offset[i]
                for j in 0..<p { eta += x[i + j * n] * ws.coefficients[column * p + j] }
                mu[i] = exp(eta)
            }
        }
        let bounds = Self.logThetaBounds
        let initial: Double = start ?? {
            var excess = 0.0, squares = 0.0
            for i in 0..<n {
                excess += (y[i] - mu[i]) * (y[i] - mu[i]) - mu[i]
                squares += mu[i] * mu[i]
            }
            return excess > 0 ? squares / excess : exp(bounds.upperBound)
        }()
        /// The log-likelihood and the rounding noise of its sum (a few ulps of the sum of the terms' magnitudes:
        /// `log Gamma(y + theta) - log Gamma(theta)` cancels thousands to tens when theta is large).
        func logLikelihood(_ theta: Double) -> (value: Double, noise: Double) {
            let logGammaTheta = Double.logGamma(theta)
            var total = 0.0, magnitude = 0.0
            for i in 0..<n {
                let gammaTerm = Double.logGamma(y[i] + theta)
                total += gammaTerm - logGammaTheta + theta * log(theta / (theta + mu[i]))
                    + (y[i] > 0 ? y[i] * log(mu[i] / (theta + mu[i])) : 0)
                magnitude += abs(gammaTerm) + abs(logGammaTheta)
            }
            return (total, 16 * Double.ulpOfOne * magnitude)
        }
        var s = min(max(log(initial), bounds.lowerBound), bounds.upperBound)
        var (value, _) = logLikelihood(exp(s))
        for _ in 0..<100 {
            let theta = exp(s)
            let digammaTheta = SpecialFunctions.digamma(theta), trigammaTheta = SpecialFunctions.trigamma(theta)
            var score = 0.0, information = 0.0
            for i in 0..<n {
                let terms = NegativeBinomialDispersion.derivatives(y: y[i], mu: mu[i], theta: theta,
                                                                  digammaTheta: digammaTheta, trigammaTheta: trigammaTheta)
                score += terms.score
                information += terms.information
            }
            let gradient = theta * score, curvature = theta * theta * information - theta * score
            var step = curvature > 0 ? gradient / curvature : (gradient > 0 ? 1 : -1)
            var accepted = false
            for _ in 0..<40 {
                let candidate = min(max(s + step, bounds.lowerBound), bounds.upperBound)
                // Near the maximum of a flat profile the change is below the sum's rounding noise: the score
                // (digamma differences, no cancellation) then decides, so the Newton step is taken.
                let (candidateValue, noise) = logLikelihood(exp(candidate))
                if candidateValue >= value - noise {
                    accepted = abs(candidate - s) > 1e-13 * max(abs(s), 1)
                    s = candidate
                    value = candidateValue
                    break
                }
                step /= 2
            }
            if !accepted { break }
        }
        return exp(s)
    }
}
