import Foundation
import InflowCore

extension GlanceRow: CustomStringConvertible {
    /// The row as one line: `logistic (negative-binomial): log-likelihood -49.422, AIC 106.84, BIC 107.16, deviance
    /// 8.31, 5 residual degrees of freedom, 8 observations, dispersion 1.18`. Information criteria to two decimals
    /// and the log-likelihood to three (as ``FitSummary`` prints them), the deviance to three significant digits
    /// (whole from 100 up); a value the model does not define (quasi-Poisson's likelihood, a dispersion without
    /// residual degrees of freedom) reads `n/a`.
    public var description: String {
        func fixed(_ value: Double?, _ digits: Int) -> String {
            guard let value, value.isFinite else { return "n/a" }
            return String(format: "%.\(digits)f", value)
        }
        let deviance = self.deviance.map(CountText.readable) ?? "n/a"
        return "\(model): log-likelihood \(fixed(logLikelihood, 3)), AIC \(fixed(aic, 2)), BIC \(fixed(bic, 2)), "
            + "deviance \(deviance), \(residualDegreesOfFreedom) residual degree\(residualDegreesOfFreedom == 1 ? "" : "s") of freedom, "
            + "\(observations) observation\(observations == 1 ? "" : "s"), dispersion \(fixed(dispersion, 2))"
    }
}
