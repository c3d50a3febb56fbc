/// Residuals and diagnostics of a log-linear fit.
extension LogLinearFit {
    /// Response, Pearson, deviance and randomised quantile residuals (see ``FitResiduals``); the Pearson and
    /// deviance residuals are those of R's `residuals(glm, type = ...)` and `MASS::glm.nb`.
    /// - Complexity: O(n) distribution-function evaluations.
    public func residuals(seed: UInt64 = 1) -> FitResiduals {
        FitResiduals(observed: observations.responses, fitted: fitted,
                     model: ObservationModel(error: error, theta: theta, variance: 1), seed: seed)
    }

    /// Identified coefficients, `p` of the residual degrees of freedom `n - p` (R's `df.residual`).
    var identifiedCoefficientCount: Int { standardErrors.filter { $0 != nil }.count }

    /// Dispersion, runs of residual signs and PIT values (see ``FitDiagnostics``).
    /// - Complexity: O(n) distribution-function evaluations.
    public func diagnostics(seed: UInt64 = 1) -> FitDiagnostics {
        FitDiagnostics(model: id, residuals: residuals(seed: seed),
                       degreesOfFreedom: observationCount - identifiedCoefficientCount)
    }
}
