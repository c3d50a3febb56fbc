import CInflowKernels
import InflowLinearAlgebra
import InflowStatistics

extension CurveLikelihood {
    /// The observed information `I = d2(-l)/dtheta dtheta^T` (the Hessian of ``objective(_:workspace:)``) at
    /// `parameters`. Only the block of the parameters in `free` is complete: the curve's second
    /// derivatives are differenced in the free curve parameters alone.
    ///
    /// With `f_i(mu_i, theta)` one observation's negative log-likelihood and `g_i = dmu_i/dtheta`:
    ///
    ///     I = sum_i f_i'' g_i g_i^T + sum_i f_i' d2mu_i/dtheta dtheta^T
    ///
    /// where `f' = df/dmu`, `f'' = d2f/dmu2` are analytic (Poisson: `f' = 1 - y/mu`, `f'' = y/mu^2`;
    /// NB2: `f' = -theta (y - mu) / (mu (theta + mu))`, `f'' = y/mu^2 - (theta + y)/(theta + mu)^2`;
    /// Gaussian `f = (y - mu)^2 / 2`: `f' = mu - y`, `f'' = 1`). The second term is the only one that
    /// needs second derivatives of the curve. Families with a closed form for them (logistic, Richards:
    /// ``CurveFamily/cumulativeHessianContraction(at:_:weights:)``) give it in one pass over the grid;
    /// for the others column `j` is a central difference of the weighted gradient sum
    /// `sum_i f_i'(theta_hat) g_i(theta)` in `theta_j`, step `1e-5 max(|theta_j|, 1e-3)` (truncation
    /// error O(step^2) relative). The block is then symmetrised. For NB2 the dispersion
    /// `s = log theta` enters analytically: `I_js = sum_i -theta (y - mu)/(theta + mu)^2 g_ij` and
    /// `I_ss = sum_i theta^2 (-d2l/dtheta2) - theta dl/dtheta` (digamma and trigamma per observation).
    /// The background rate enters the means linearly, so its finite-difference column is skipped.
    /// Censored counts (bounds) add their curvature in the means `w_j g_j g_j^T` (``censoredTerms(_:withGradients:)``;
    /// the term `f_j d2mu_j` is left out) and, for NB2, their squared dispersion score.
    ///
    /// - Complexity: one evaluation of the curve with gradients and one closed-form pass, or `2 k + 1`
    ///   evaluations (`k` free curve parameters) when differencing; O(n p^2); no special function except
    ///   NB2's one likelihood pass (log-gamma, digamma and trigamma per observation), unless the
    ///   objective's pass at this point is still in the workspace.
    /// - Reference: the observed information of a generalised nonlinear model, e.g. McCullagh and
    ///   Nelder, *Generalized Linear Models* (1989), section 9.2; it replaces central differences of
    ///   the whole score, which paid the polygamma functions `2 k` times.
    func observedInformation(at parameters: SIMD8<Double>, free: [Int], scratch: Scratch) -> SmallMatrix {
        let n = responses.count
        let p = parameterCount
        scratch.adopt(responsesTag, grid: grid.times.count, observations: n)
        computeMeans(parameters, withGradients: true, scratch: scratch)
        let means = scratch.current.means
        var firstDerivatives = [Double](repeating: 0, count: n)
        var secondDerivatives = [Double](repeating: 0, count: n)
        let floor = meanFloor
        let theta = dispersion(parameters) ?? 0
        let ws = scratch.current
        if error == .negativeBinomial && ws.factorsParameters != parameters {
            // The score and coupling factors and the dispersion information terms, from the likelihood pass.
            _ = negativeLogLikelihood(parameters, scratch: scratch)
        }
        // f' and f'' per observation: one loop per error family, over raw buffers (no switch, bounds
        // check or uniqueness test per element; the divisions vectorise).
        var dispersionInformation = 0.0
        responses.withUnsafeBufferPointer { y in
            firstDerivatives.withUnsafeMutableBufferPointer { first in
                secondDerivatives.withUnsafeMutableBufferPointer { second in
                    switch error {
                    case .gaussian:
                        for i in 0..<n {
                            first[i] = means[i] - y[i]
                            second[i] = 1
                        }
                    case .poisson, .quasiPoisson:
                        for i in 0..<n {
                            let mu = max(means[i], floor)
                            first[i] = 1 - y[i] / mu
                            second[i] = y[i] / (mu * mu)
                        }
                    case .negativeBinomial:
                        // first = -theta (y - mu) / (mu (theta + mu)); the coupling -theta (y - mu) / (theta + mu)^2
                        // and theta^2 (-d2l/dtheta2) - theta dl/dtheta come from the kernel.
                        for i in 0..<n {
                            let mu = max(means[i], floor)
                            let thetaPlusMu = theta + mu
                            first[i] = -ws.scoreFactors[i]
                            second[i] = y[i] / (mu * mu) - (theta + y[i]) / (thetaPlusMu * thetaPlusMu)
                        }
                        for i in 0..<n { dispersionInformation += ws.dispersionInformation[i] }
                    }
                }
            }
        }
        // sum_i f_i'' g_i g_i^T, and (NB2) the dispersion column -sum_i coupling_i g_i, in one vector kernel.
        var information = SmallMatrix(order: p)
        var coupling = SIMD8<Double>.zero
        if n > 0 {
            let gradients = UnsafeRawPointer(ws.meanGradients.baseAddress!)
            withUnsafeMutableBytes(of: &coupling) { coupling in
                withUnsafeMutableBytes(of: &information.columns) { columns in
                    gradients.withMemoryRebound(to: Double.self, capacity: 8 * n) { g in
                        secondDerivatives.withUnsafeBufferPointer { second in
                            firstDerivatives.withUnsafeBufferPointer { first in
                                inflow_accumulate_weighted_products(
                                    g, second.baseAddress, error == .negativeBinomial ? UnsafePointer(ws.crossFactors) : first.baseAddress,
                                    nil, n, meanParameterCount, coupling.baseAddress!.assumingMemoryBound(to: Double.self), nil,
                                    columns.baseAddress!.assumingMemoryBound(to: Double.self))
                            }
                        }
                    }
                }
            }
        }
        let dispersionColumn = -coupling
        // The curvature of the means weighted by f': in closed form where the family has it, otherwise by
        // central differences of the f'-weighted gradient sum.
        let curveFree = free.filter { $0 != dispersionIndex && $0 != backgroundIndex }
        if let weighted = meanCurvatureInClosedForm(at: parameters, firstDerivatives: firstDerivatives) {
            for a in curveFree { for b in curveFree { information[a, b] += weighted[a, b] } }
        } else {
            let differenced = meanCurvatureByDifferences(at: parameters, firstDerivatives: firstDerivatives, free: curveFree,
                                                         scratch: scratch)
            for j in curveFree { information[column: j] += differenced[column: j] }
        }
        for a in 0..<p {
            for b in 0..<a {
                let average = (information[a, b] + information[b, a]) / 2
                information[a, b] = average
                information[b, a] = average
            }
        }
        if let d = dispersionIndex {
            for j in 0..<p where j != d {
                information[j, d] = dispersionColumn[j]
                information[d, j] = dispersionColumn[j]
            }
            information[d, d] = dispersionInformation
        }
        if observations.hasCensored {
            // The censored counts' curvature in the means (as in the solver: d2(-log P)/dmu2 g g^T, the curve's
            // second derivatives weighted by f left out) and the squared dispersion score.
            let censored = censoredTerms(parameters, withGradients: true).curvature
            for a in 0..<p { for b in 0..<p { information[a, b] += censored[a, b] } }
        }
        return information
    }

    /// `sum_i f_i d2mu_i/dtheta dtheta^T` over the curve's parameters from the family's closed form
    /// (``CurveFamily/cumulativeHessianContraction(at:_:weights:)``): the weights of the grid times are
    /// `f_i` at each interval's end and `-f_i` at its start (level data: `f_i` at its time). `nil` when
    /// the family has no closed form or the counts are modelled as rates.
    /// - Complexity: O(n) and one pass over the grid times.
    func meanCurvatureInClosedForm(at parameters: SIMD8<Double>, firstDerivatives: [Double]) -> SmallMatrix? {
        guard !countsAsRate else { return nil }
        var weights = [Double](repeating: 0, count: grid.times.count)
        for i in firstDerivatives.indices {
            weights[grid.endIndex[i]] += firstDerivatives[i]
            if observations.kind != .level { weights[grid.startIndex[i]] -= firstDerivatives[i] }
        }
        return family.cumulativeHessianContraction(at: grid.times, parameters, weights: weights)
    }

    /// The same curvature by central differences of `sum_i f_i dmu_i/dtheta`, column by column for the
    /// parameters in `free` (step `1e-5 max(|theta_j|, 1e-3)`): 2 evaluations of the means and their
    /// gradients per column.
    func meanCurvatureByDifferences(at parameters: SIMD8<Double>, firstDerivatives: [Double], free: [Int],
                                    scratch: Scratch) -> SmallMatrix {
        var result = SmallMatrix(order: parameterCount)
        let n = responses.count
        for j in free {
            let step = 1e-5 * max(abs(parameters[j]), 1e-3)
            var plus = parameters, minus = parameters
            plus[j] += step
            minus[j] -= step
            // The gradients are read from the slot each computation leaves in use (see `Scratch`).
            computeMeans(plus, withGradients: true, scratch: scratch)
            var sumPlus = SIMD8<Double>.zero
            let gradientsPlus = scratch.current.meanGradients
            for i in 0..<n { sumPlus += gradientsPlus[i] * firstDerivatives[i] }
            computeMeans(minus, withGradients: true, scratch: scratch)
            var sumMinus = SIMD8<Double>.zero
            let gradientsMinus = scratch.current.meanGradients
            for i in 0..<n { sumMinus += gradientsMinus[i] * firstDerivatives[i] }
            result[column: j] = (sumPlus - sumMinus) / (2 * step)
        }
        return result
    }
}
