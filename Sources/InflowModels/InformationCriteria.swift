import Foundation

/// A model fitted by maximum likelihood: its log-likelihood, the number of quantities estimated and the
/// number of observations, from which the information criteria follow.
///
/// Likelihoods keep every constant (`log y!`, log-gamma terms), so the criteria compare models across
/// families and error families fitted to the same observations.
///
/// - Reference: Burnham & Anderson, *Model Selection and Multimodel Inference* (2002), sections 2.2–2.4;
///   Schwarz, "Estimating the dimension of a model", Ann. Statist. 6 (1978).
public protocol InformationCriteria {
    /// Log-likelihood with every constant; `nil` without a likelihood (quasi-Poisson).
    var logLikelihood: Double? { get }
    /// `k`: the estimated quantities (free parameters, plus a Gaussian variance or an NB2 dispersion).
    var estimatedParameterCount: Int { get }
    /// `n`: the observations the likelihood sums over.
    var observationCount: Int { get }
}

extension InformationCriteria {
    /// Akaike's information criterion `-2 l + 2 k`.
    public var aic: Double? { logLikelihood.map { -2 * $0 + 2 * Double(estimatedParameterCount) } }

    /// AIC with the small-sample correction `AIC + 2k(k+1)/(n-k-1)`; `nil` when `n <= k + 1`.
    public var aicc: Double? {
        guard let aic else { return nil }
        let k = Double(estimatedParameterCount), n = Double(observationCount)
        return n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : nil
    }

    /// Why ``aicc`` is `nil`, in words a table can print under its `n/a`; `nil` when there is an AICc.
    ///
    /// Two reasons: the error family has no likelihood (quasi-Poisson), or the fit has too few observations for the
    /// small-sample correction, whose denominator `n - k - 1` must be positive (a two-wave release fitted to 8
    /// reports estimates 7 quantities, theta included): `too few observations for AICc: n = 8, k = 7 estimated
    /// quantities (it needs n > k + 1)`. Such a fit still has its AIC and BIC.
    /// - Complexity: O(1).
    public var aiccUnavailableReason: String? {
        guard aicc == nil else { return nil }
        guard logLikelihood != nil else { return "no likelihood (quasi-Poisson), so no AICc" }
        return "too few observations for AICc: n = \(observationCount), k = \(estimatedParameterCount) estimated "
            + "quantities (it needs n > k + 1)"
    }

    /// Schwarz's criterion `-2 l + k log n`.
    public var bic: Double? {
        logLikelihood.map { -2 * $0 + Double(estimatedParameterCount) * log(Double(observationCount)) }
    }

    /// Residual degrees of freedom `n - k`.
    public var residualDegreesOfFreedom: Int { observationCount - estimatedParameterCount }
}
