import InflowLinearAlgebra

extension IRLS {
    /// The data of one GLM fit and the per-observation formulas of IRLS.
    struct Model<Family: GLMFamily> {
        let design: Matrix
        let response: [Double]
        let family: Family
        let offset: [Double]
        let priorWeights: [Double]

        /// A point of the iteration: linear predictor, means, deviance, and whether the means are valid
        /// and the deviance finite.
        struct Point {
            var eta: [Double]
            var mu: [Double]
            var deviance: Double
            var isValid: Bool
        }

        /// The point with the given coefficients: `eta = X b + offset`, `mu = g^-1(eta)`.
        func point(_ coefficients: [Double]) -> Point {
            var eta = design * coefficients
            for i in eta.indices { eta[i] += offset[i] }
            return point(eta: eta, mu: eta.map { family.inverseLink($0) })
        }

        /// The point with the given linear predictor and means.
        func point(eta: [Double], mu: [Double]) -> Point {
            var deviance = 0.0
            var valid = true
            for i in mu.indices where priorWeights[i] > 0 {
                valid = valid && family.isValidMean(mu[i])
                deviance += priorWeights[i] * family.unitDeviance(response: response[i], mean: mu[i])
            }
            return Point(eta: eta, mu: mu, deviance: deviance, isValid: valid && deviance.isFinite)
        }

        /// Working response `z` and working weights `w` at `point` (zero weight outside R's `good` set).
        func workingResponseAndWeights(_ point: Point) -> (response: [Double], weights: [Double]) {
            var z = [Double](repeating: 0, count: response.count)
            var w = [Double](repeating: 0, count: response.count)
            for i in response.indices where priorWeights[i] > 0 {
                let derivative = family.meanDerivative(point.eta[i])
                let variance = family.variance(point.mu[i])
                guard derivative != 0, variance > 0 else { continue }
                let zi = point.eta[i] - offset[i] + (response[i] - point.mu[i]) / derivative
                let wi = priorWeights[i] * derivative * derivative / variance
                guard zi.isFinite, wi.isFinite else { continue }
                z[i] = zi
                w[i] = wi
            }
            return (z, w)
        }

        /// `sum_i prior_i (y_i - mu_i)^2 / V(mu_i)`.
        func pearsonChiSquared(_ point: Point) -> Double {
            var sum = 0.0
            for i in response.indices where priorWeights[i] > 0 {
                let r = response[i] - point.mu[i]
                sum += priorWeights[i] * r * r / family.variance(point.mu[i])
            }
            return sum
        }
    }
}
