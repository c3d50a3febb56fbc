import Foundation

/// The fitted rate at new times with link-scale intervals (R's `predict.glm(type = "link", se.fit = TRUE)`).
extension LogLinearFit {
    /// The rate at each of `times` (days since the series origin) with its interval at `level`:
    /// `eta = x(t)^T b`, `s = sqrt(x(t)^T V x(t))`, rate `exp(eta)`, interval `exp(eta -/+ z s)` (see ``RatePrediction``).
    /// Aliased coefficients (no standard error) do not enter `s`.
    /// - Complexity: O(p^2) per time.
    /// - Reference: McCullagh & Nelder, *Generalized Linear Models* (1989), section 2.5; R `predict.glm`.
    public func predict(at times: [Double], level: Double = 0.95) -> [RatePrediction] {
        let z = InflowStatisticsBridge.normalQuantile(0.5 + level / 2)
        return times.map { t in
            let row = model.designRow(t, basis: basis, origin: origin)
            var eta = 0.0, variance = 0.0
            for i in row.indices {
                eta += row[i] * coefficients[i]
                guard standardErrors[i] != nil else { continue }
                for j in row.indices where standardErrors[j] != nil { variance += row[i] * covariance[i, j] * row[j] }
            }
            return RatePrediction(time: t, date: origin.addingTimeInterval(t * 86_400), level: level, linearPredictor: eta,
                                  standardError: max(variance, 0).squareRoot(), z: z)
        }
    }

    /// ``predict(at:level:)-([Double],_)`` at dates (converted to days since the series origin).
    public func predict(at dates: [Date], level: Double = 0.95) -> [RatePrediction] {
        predict(at: dates.map { $0.timeIntervalSince(origin) / 86_400 }, level: level)
    }
}
