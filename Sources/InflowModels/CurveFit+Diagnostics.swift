/// Residuals and diagnostics of a curve fit (exact figures only: bounds are not residuals).
extension CurveFit {
    /// The error family with the fit's dispersion: `theta` for NB2, the residual variance for Gaussian errors.
    var observationModel: ObservationModel {
        let theta = parameterNames.firstIndex(of: "theta").map(naturalValue)
        return ObservationModel(error: error, theta: theta, variance: error == .gaussian ? dispersion : 1)
    }

    /// Response, Pearson, deviance and randomised quantile residuals of the observations (see ``FitResiduals``);
    /// `seed` drives the quantile residuals' uniforms.
    /// - Complexity: O(n) distribution-function evaluations.
    public func residuals(seed: UInt64 = 1) -> FitResiduals {
        FitResiduals(observed: observations.responses, fitted: fitted, model: observationModel, seed: seed)
    }

    /// Dispersion, runs of residual signs and PIT values (see ``FitDiagnostics``), with `n - p` counting the free
    /// curve and background parameters.
    /// - Complexity: O(n) distribution-function evaluations.
    public func diagnostics(seed: UInt64 = 1) -> FitDiagnostics {
        FitDiagnostics(model: id, residuals: residuals(seed: seed),
                       degreesOfFreedom: observationCount - freeMeanParameterCount)
    }
}
