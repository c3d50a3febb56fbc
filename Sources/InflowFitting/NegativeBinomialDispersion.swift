import Foundation
import InflowStatistics

/// The NB2 dispersion `theta` (`Var(y) = mu + mu^2 / theta`): the pieces every NB2 fit needs,
/// shared by curve fits (``CurveLikelihood``) and the log-linear model.
package enum NegativeBinomialDispersion {
    /// Method-of-moments estimate `sum mu^2 / sum ((y - mu)^2 - mu)`; `nil` when the counts show no
    /// overdispersion (the denominator is not positive). O(n).
    package static func momentEstimate(responses: [Double], means: [Double]) -> Double? {
        var excess = 0.0, squares = 0.0
        for i in means.indices {
            excess += (responses[i] - means[i]) * (responses[i] - means[i]) - means[i]
            squares += means[i] * means[i]
        }
        return excess > 0 ? squares / excess : nil
    }

    /// One observation's `dl/dtheta = psi(y + theta) - psi(theta) + log(theta / (theta + mu)) + (mu - y) / (theta + mu)`
    /// and `-d2l/dtheta2 = -[psi'(y + theta) - psi'(theta) + 1/theta - 1/(theta + mu) - (mu - y)/(theta + mu)^2]`,
    /// with `psi(theta)` and `psi'(theta)` passed in (they are the same for every observation).
    @inline(__always)
    package static func derivatives(y: Double, mu: Double, theta: Double, digammaTheta: Double, trigammaTheta: Double)
        -> (score: Double, information: Double) {
        let inverse = 1 / (theta + mu)
        // y = 0: psi(theta) - psi(theta) and psi'(theta) - psi'(theta) vanish.
        let (digammaY, trigammaY) = y == 0 ? (digammaTheta, trigammaTheta) : SpecialFunctions.digammaAndTrigamma(y + theta)
        let excess = (mu - y) * inverse
        let score = digammaY - digammaTheta + log(theta * inverse) + excess
        let second = trigammaY - trigammaTheta + 1 / theta - inverse - excess * inverse
        return (score, -second)
    }
}
