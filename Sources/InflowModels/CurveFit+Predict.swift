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
    /// - Complexity: one batched family evaluation with gradients over the sorted distinct times (`t`, `t + period`
    ///   and the first observation's start; ODE families integrate once), then O(p^2) per time.
    /// - Reference: Casella & Berger, *Statistical Inference* (2002), section 5.5.4 (delta method).
    public func predict(at times: [Double], level: Double = 0.95, period: Double = 1) -> [CurvePrediction] {
        let z = Self.zValue(level)
        let curve = CurveTable(self, times: [observations.firstTime] + times + times.map { $0 + period })
        let rates = options.countsAsRate && observations.kind != .level ? CurveTable(self, ratesAt: times) : nil
        return times.enumerated().map { i, t in
            let start = mean(cumulativeAt: t, curve)
            var count: (value: Double, gradient: [Double])
            if let rates {
                count = rates.value(at: t)
                count.value = (count.value + backgroundRate) * period
                for j in count.gradient.indices { count.gradient[j] *= period }
                if let b = freeBackgroundIndex { count.gradient[b] = period }
            } else {
                let end = mean(cumulativeAt: t + period, curve)
                count = (end.value - start.value, zip(end.gradient, start.gradient).map { $0 - $1 })
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

    /// Index of `beta` when it was estimated and not held fixed.
    private var freeBackgroundIndex: Int? {
        parameterNames.firstIndex(of: "beta").flatMap { fixed[$0] ? nil : $0 }
    }

    /// The expected total at `t` on the data's scale (``CurvePrediction/cumulative``) and its gradient.
    private func mean(cumulativeAt t: Double, _ curve: CurveTable) -> (value: Double, gradient: [Double]) {
        var (value, gradient) = curve.value(at: t)
        if observations.kind == .level {
            value += backgroundRate * t
            if let b = freeBackgroundIndex { gradient[b] = t }
            return (value, gradient)
        }
        let first = curve.value(at: observations.firstTime)
        let elapsed = t - observations.firstTime
        value += observations.baseline - first.value + backgroundRate * elapsed
        for j in gradient.indices { gradient[j] -= first.gradient[j] }
        if let b = freeBackgroundIndex { gradient[b] = elapsed }
        return (value, gradient)
    }
}
