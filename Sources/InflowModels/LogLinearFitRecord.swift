import Foundation
import InflowCore
import InflowLinearAlgebra

/// A ``LogLinearFit`` as plain data, for JSON: the model (basis, day-of-week effects, their time zone), the error
/// family, the series origin, the observations, the coefficients with both kinds of standard errors, `theta`, the
/// covariance, the fitted means and the statistics.
///
/// ``fit()`` rebuilds the fit; the basis knots, design matrix and offsets are made again from the observations as
/// ``LogLinearModel/fit(_:error:)`` makes them, so ``LogLinearFit/predict(at:level:)-([Double],_)`` and
/// ``LogLinearFit/summaryTable(level:)`` give what the original gave. `LogLinearFit` is `Codable` through this record.
public struct LogLinearFitRecord: Sendable, Codable {
    /// The time basis.
    public var basis: TimeBasis
    /// Whether the model has day-of-week effects.
    public var dayOfWeek: Bool
    /// The identifier of the time zone in which weekdays are read.
    public var timeZone: String
    /// The error family.
    public var error: ErrorFamily
    /// The series origin.
    public var origin: Date
    /// The observations.
    public var observations: PreparedObservations
    /// Coefficient names.
    public var coefficientNames: [String]
    /// Coefficients `b`.
    public var coefficients: [Double]
    /// Standard errors (`nil` for aliased columns).
    public var standardErrors: [Double?]
    /// Standard errors from the full observed information of `(b, theta)`.
    public var fullHessianStandardErrors: [Double?]
    /// NB2 dispersion.
    public var theta: Double?
    /// Standard error of `theta`.
    public var thetaStandardError: Double?
    /// Covariance of `b`, row by row.
    public var covariance: [[Double]]
    /// Fitted means.
    public var fitted: [Double]
    /// Log-likelihood with every constant.
    public var logLikelihood: Double?
    /// Deviance.
    public var deviance: Double
    /// Pearson chi-square.
    public var pearsonChiSquare: Double
    /// How the fit ended.
    public var status: FitStatus
    /// The fit's warnings.
    public var warnings: [String]

    /// The record of a fit.
    /// - Complexity: O(n + p^2).
    public init(_ fit: LogLinearFit) {
        basis = fit.model.basis
        dayOfWeek = fit.model.dayOfWeek
        timeZone = fit.model.timeZone.identifier
        error = fit.error
        origin = fit.origin
        observations = fit.observations
        coefficientNames = fit.coefficientNames
        coefficients = fit.coefficients
        standardErrors = fit.standardErrors
        fullHessianStandardErrors = fit.fullHessianStandardErrors
        theta = fit.theta
        thetaStandardError = fit.thetaStandardError
        covariance = fit.covariance.rowArrays
        fitted = fit.fitted
        logLikelihood = fit.logLikelihood
        deviance = fit.deviance
        pearsonChiSquare = fit.pearsonChiSquare
        status = fit.status
        warnings = fit.warnings
    }

    /// Why a record cannot be made into a fit.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The time zone identifier is unknown.
        case unknownTimeZone(String)
        /// The arrays disagree in length.
        case inconsistent(String)

        /// A sentence naming the problem.
        public var description: String {
            switch self {
            case .unknownTimeZone(let identifier): "the saved log-linear fit names an unknown time zone '\(identifier)'"
            case .inconsistent(let what): "the saved log-linear fit is inconsistent: \(what)"
            }
        }
    }

    /// The fit this record holds.
    /// - Throws: ``Failure`` for an unknown time zone or arrays of the wrong length.
    /// - Complexity: O(n p) for the design matrix.
    public func fit() throws(Failure) -> LogLinearFit {
        guard let zone = TimeZone(identifier: timeZone) else { throw .unknownTimeZone(timeZone) }
        let model = LogLinearModel(basis: basis, dayOfWeek: dayOfWeek, timeZone: zone)
        let positions = observations.intervals.map { observations.kind == .counts ? $0.start : ($0.start + $0.end) / 2 }
        let fittedBasis = FittedTimeBasis(basis, times: positions)
        let design = model.designMatrix(times: positions, basis: fittedBasis, origin: origin)
        let p = design.columns
        guard coefficientNames.count == p, coefficients.count == p, standardErrors.count == p,
              fullHessianStandardErrors.count == p, covariance.count == p, covariance.allSatisfy({ $0.count == p }) else {
            throw .inconsistent("\(coefficients.count) coefficients and a \(covariance.count)-row covariance for a \(p)-column design")
        }
        guard fitted.count == observations.count else {
            throw .inconsistent("\(fitted.count) fitted means for \(observations.count) observations")
        }
        return LogLinearFit(
            model: model, error: error, basis: fittedBasis, origin: origin, observations: observations,
            coefficientNames: coefficientNames, coefficients: coefficients, standardErrors: standardErrors,
            fullHessianStandardErrors: fullHessianStandardErrors, theta: theta, thetaStandardError: thetaStandardError,
            covariance: Matrix(rowMajor: covariance), fitted: fitted, logLikelihood: logLikelihood, deviance: deviance,
            pearsonChiSquare: pearsonChiSquare, status: status, warnings: warnings, design: design,
            offset: observations.intervals.map { log($0.length) })
    }
}
