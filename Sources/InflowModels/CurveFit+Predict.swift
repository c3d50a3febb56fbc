import Foundation

/// The mean curve at new times with confidence intervals (statsmodels' `get_prediction`, R's `predict(se.fit = TRUE)`).
extension CurveFit {
    /// The expected total and per-period count at each of `times` (days since the series origin), with
    /// delta-method intervals at `level` on the log scale (see ``CurvePrediction`` for the formulas).
    ///
    /// Standard errors: `s = sqrt(g^T Sigma g)` with `g` the analytic gradient of the mean in the fit's
    /// parameters (the family's `dC/dtheta`, and the period length or elapsed time for an estimated background;
    /// 0 for the dispersion and for fixed parameters) and `Sigma` = ``covariance``. A fit without a covariance
    /// gives NaN standard errors and intervals.
    /// - Complexity: three or four family evaluations with gradients per time (ODE families integrate each).
    /// - Reference: Casella & Berger, *Statistical Inference* (2002), section 5.5.4 (delta method).
    public func predict(at times: [Double], level: Double = 0.95, period: Double = 1) -> [CurvePrediction] {
        let z = Self.zValue(level)
        return times.map { t in
            let start = mean(cumulativeAt: t)
            let end = mean(cumulativeAt: t + period)
            var count = (value: end.value - start.value, gradient: zip(end.gradient, start.gradient).map { $0 - $1 })
            if options.countsAsRate && observations.kind != .level {
                count = meanCountAsRate(at: t, period: period)
            }
            return CurvePrediction(
                time: t, date: observations.origin.addingTimeInterval(t * 86_400), period: period, level: level,
                cumulative: PredictedMean(mean: start.value, standardError: deltaStandardError(start.gradient), z: z),
                perPeriod: PredictedMean(mean: count.value, standardError: deltaStandardError(count.gradient), z: z))
        }
    }

    /// ``predict(at:level:period:)-([Double],_,_)`` at dates (converted to days since the series origin).
    public func predict(at dates: [Date], level: Double = 0.95, period: Double = 1) -> [CurvePrediction] {
        predict(at: dates.map { $0.timeIntervalSince(observations.origin) / 86_400 }, level: level, period: period)
    }

    /// `sqrt(g^T Sigma g)`; NaN without a covariance.
    func deltaStandardError(_ gradient: [Double]) -> Double {
        guard let covariance else { return .nan }
        var variance = 0.0
        for i in gradient.indices where gradient[i] != 0 {
            for j in gradient.indices where gradient[j] != 0 { variance += gradient[i] * covariance[i, j] * gradient[j] }
        }
        return max(variance, 0).squareRoot()
    }

    /// `C(t)` and its gradient in the curve parameters, laid out as ``parameterNames``.
    private func curve(at t: Double) -> (value: Double, gradient: [Double]) {
        var values = [0.0], gradients = [SIMD8<Double>.zero]
        family.cumulativeWithGradient(at: [t], curveParameters, values: &values, gradients: &gradients)
        var gradient = [Double](repeating: 0, count: parameterNames.count)
        for j in 0..<family.parameterCount where !fixed[j] { gradient[j] = gradients[0][j] }
        return (values[0], gradient)
    }

    /// The expected total at `t` on the data's scale (``CurvePrediction/cumulative``) and its gradient.
    func mean(cumulativeAt t: Double) -> (value: Double, gradient: [Double]) {
        var (value, gradient) = curve(at: t)
        let backgroundIndex = parameterNames.firstIndex(of: "beta")
        if observations.kind == .level {
            value += backgroundRate * t
            if let backgroundIndex, !fixed[backgroundIndex] { gradient[backgroundIndex] = t }
            return (value, gradient)
        }
        let first = curve(at: observations.firstTime)
        let elapsed = t - observations.firstTime
        value += observations.baseline - first.value + backgroundRate * elapsed
        for j in gradient.indices { gradient[j] -= first.gradient[j] }
        if let backgroundIndex, !fixed[backgroundIndex] { gradient[backgroundIndex] = elapsed }
        return (value, gradient)
    }

    /// `(c(t) + beta) L` and its gradient (counts modelled as rates).
    private func meanCountAsRate(at t: Double, period: Double) -> (value: Double, gradient: [Double]) {
        var values = [0.0], gradients = [SIMD8<Double>.zero]
        family.rateWithGradient(at: [t], curveParameters, values: &values, gradients: &gradients)
        var gradient = [Double](repeating: 0, count: parameterNames.count)
        for j in 0..<family.parameterCount where !fixed[j] { gradient[j] = gradients[0][j] * period }
        if let backgroundIndex = parameterNames.firstIndex(of: "beta"), !fixed[backgroundIndex] {
            gradient[backgroundIndex] = period
        }
        return ((values[0] + backgroundRate) * period, gradient)
    }
}
