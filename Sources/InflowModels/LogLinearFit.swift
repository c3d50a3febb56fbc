import InflowCore
import Foundation
import InflowFitting
import InflowLinearAlgebra

/// A fitted log-linear count model.
public struct LogLinearFit: Sendable, InformationCriteria {
    /// The model.
    public let model: LogLinearModel
    /// The error family.
    public let error: ErrorFamily
    /// The basis with its knots.
    public let basis: FittedTimeBasis
    /// The series origin (for day-of-week columns of new times).
    public let origin: Date
    /// The observations used.
    public let observations: PreparedObservations
    /// Names of the coefficients.
    public let coefficientNames: [String]
    /// Coefficients `b`.
    public let coefficients: [Double]
    /// Standard errors of `b` from the expected information with `theta` held fixed
    /// (R's `glm.nb` convention; for quasi-Poisson scaled by `phi`); `nil` for aliased columns.
    public let standardErrors: [Double?]
    /// Standard errors of `b` from the full observed information of `(b, theta)`
    /// (statsmodels' NB2 convention); equal to ``standardErrors`` for Poisson.
    public let fullHessianStandardErrors: [Double?]
    /// NB2 dispersion `theta` (`nil` otherwise).
    public let theta: Double?
    /// Standard error of `theta` from the observed information of `theta` alone, with the
    /// means at their estimates (`1 / sqrt(-d2l/dtheta2)`).
    public let thetaStandardError: Double?
    /// Covariance of `b` (the convention of ``standardErrors``).
    public let covariance: Matrix
    /// Fitted means.
    public let fitted: [Double]
    /// Log-likelihood with every constant (`nil` for quasi-Poisson).
    public let logLikelihood: Double?
    /// Deviance.
    public let deviance: Double
    /// Pearson chi-square.
    public let pearsonChiSquare: Double
    /// How the fit ended.
    public let status: FitStatus
    /// Warnings from the data and the fit.
    public let warnings: [String]
    /// The design matrix of the observations (n x p).
    public let design: Matrix
    /// The offsets `log L_i` of the observations (period lengths in days).
    public let offset: [Double]

    /// Number of observations.
    public var observationCount: Int { fitted.count }
    /// The model's identity: `log-linear` and the error family.
    public var id: ModelID { ModelID(family: LogLinearModel.name, error: error) }
    /// Estimated parameters: identified coefficients, plus `theta` for NB2.
    public var estimatedParameterCount: Int {
        standardErrors.filter { $0 != nil }.count + (theta == nil ? 0 : 1)
    }

    /// Design rows at new times (days since the origin), for projections: `times.count x p`.
    public func designMatrix(at times: [Double]) -> Matrix {
        model.designMatrix(times: times, basis: basis, origin: origin)
    }

    /// The inflow rate `c(t) = exp(x(t)^T b)` (arrivals per day) at time `t` in days since the origin.
    public func rate(at t: Double) -> Double {
        let row = model.designRow(t, basis: basis, origin: origin)
        return exp(zip(row, coefficients).reduce(0) { $0 + $1.0 * $1.1 })
    }
}
