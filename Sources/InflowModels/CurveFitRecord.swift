import Foundation
import InflowCore
import InflowFitting
import InflowLinearAlgebra

/// A ``CurveFit`` as plain data, for JSON: the family by name (``CurveFamilies/named(_:)``), the error family,
/// the options, the observations, the estimates in the solver's parametrisation (``CurveFit/vector``, `log theta`
/// for NB2), the fixed flags, the covariance, the fitted means, the statistics and what the solver reported.
///
/// ``fit()`` rebuilds the fit: the same estimates, covariance and means, so ``CurveFit/predict(at:level:period:)-([Double],_,_)``,
/// ``CurveFit/summaryTable(level:)``, residuals and profile intervals (which refit from the observations and
/// options) give what the original gave. The solver's report keeps its status, iterations, objective and active
/// bounds; its gradient and curvature are not kept (zero). `CurveFit` is `Codable` through this record.
///
/// Only families of ``CurveFamilies/all`` can be decoded (a ``ProvincialRelease`` carries its provinces, which a
/// name does not: decoding its fit throws ``Failure/unknownFamily(_:)``). Values that are not finite (the means of
/// a failed fit) need a `JSONEncoder` with a `nonConformingFloatEncodingStrategy`.
public struct CurveFitRecord: Sendable, Codable {
    /// The family's command-line name.
    public var family: String
    /// The error family.
    public var error: ErrorFamily
    /// The options the fit ran with.
    public var options: FitOptions
    /// The observations.
    public var observations: PreparedObservations
    /// Names of the estimated quantities, in order.
    public var parameterNames: [String]
    /// Estimates in the solver's parametrisation, one per name.
    public var vector: [Double]
    /// Which were held fixed.
    public var fixed: [Bool]
    /// Which ended on a bound they could not leave.
    public var atBound: [Bool]
    /// Covariance of ``vector``, row by row; `nil` when singular.
    public var covariance: [[Double]]?
    /// How the fit ended.
    public var status: FitStatus
    /// The fit's warnings.
    public var warnings: [String]
    /// Fitted means.
    public var fitted: [Double]
    /// Log-likelihood with every constant (`nil` for quasi-Poisson).
    public var logLikelihood: Double?
    /// Deviance.
    public var deviance: Double
    /// Pearson chi-square.
    public var pearsonChiSquare: Double
    /// Starting points tried.
    public var startsTried: Int
    /// The solver's stopping reason, as the description of its `LevenbergMarquardt.Status`.
    public var solverStatus: String
    /// Solver iterations.
    public var iterations: Int
    /// The objective at the estimates.
    public var finalObjective: Double

    /// The record of a fit.
    /// - Complexity: O(n + p^2).
    public init(_ fit: CurveFit) {
        let count = fit.parameterNames.count
        family = fit.family.name
        error = fit.error
        options = fit.options
        observations = fit.observations
        parameterNames = fit.parameterNames
        vector = (0..<count).map { fit.vector[$0] }
        fixed = fit.fixed
        atBound = (0..<count).map { fit.solverSummary.activeBounds[$0] }
        covariance = fit.covariance?.rowArrays
        status = fit.status
        warnings = fit.warnings
        fitted = fit.fitted
        logLikelihood = fit.logLikelihood
        deviance = fit.deviance
        pearsonChiSquare = fit.pearsonChiSquare
        startsTried = fit.startsTried
        solverStatus = fit.solverSummary.status.description
        iterations = fit.solverSummary.iterations
        finalObjective = fit.solverSummary.finalObjective
    }

    /// Why a record cannot be made into a fit.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// No curve family has this name.
        case unknownFamily(String)
        /// The arrays disagree in length with the parameter names or the family.
        case inconsistent(String)

        /// A sentence naming the problem.
        public var description: String {
            switch self {
            case .unknownFamily(let name):
                "no curve family is named '\(name)' (the names are those of CurveFamilies.all)"
            case .inconsistent(let what): "the saved fit is inconsistent: \(what)"
            }
        }
    }

    /// The fit this record holds.
    /// - Throws: ``Failure`` for an unknown family or arrays of the wrong length.
    /// - Complexity: O(n + p^2).
    public func fit() throws(Failure) -> CurveFit {
        guard let family = CurveFamilies.named(self.family) else { throw .unknownFamily(self.family) }
        let count = parameterNames.count
        guard count <= 8, vector.count == count, fixed.count == count, atBound.count == count,
              count >= family.parameterCount,
              Array(parameterNames.prefix(family.parameterCount)) == family.parameters.map(\.name) else {
            throw .inconsistent("\(count) parameter names (\(parameterNames.joined(separator: ", "))) for \(vector.count) values, "
                + "\(fixed.count) fixed flags and the family's \(family.parameters.map(\.name).joined(separator: ", "))")
        }
        if let covariance, covariance.count != count || covariance.contains(where: { $0.count != count }) {
            throw .inconsistent("a covariance of \(covariance.count) rows for \(count) parameters")
        }
        guard fitted.count == observations.count else {
            throw .inconsistent("\(fitted.count) fitted means for \(observations.count) observations")
        }
        var parameters = SIMD8<Double>.zero
        var fixedMask = SIMDMask<SIMD8<Int64>>(repeating: false)
        var activeBounds = SIMDMask<SIMD8<Int64>>(repeating: false)
        for j in 0..<count {
            parameters[j] = vector[j]
            fixedMask[j] = fixed[j]
            activeBounds[j] = atBound[j]
        }
        let solverOptions: LevenbergMarquardt.Options
        do {
            solverOptions = try FitParameterLayout(family: family, error: error, options: options).solverOptions(options.solver)
        } catch {
            throw .inconsistent("the options do not suit the family: \(error)")
        }
        let summary = LevenbergMarquardt.Summary(
            status: Self.solverStatus(solverStatus), iterations: iterations, acceptedSteps: iterations,
            objectiveEvaluations: 0, derivativeEvaluations: 0, initialObjective: finalObjective,
            finalObjective: finalObjective, parameters: parameters, gradient: .zero, curvature: SmallMatrix(order: count),
            damping: 0, projectedGradientNorm: 0, lastStepNorm: 0, parameterCount: count, fixedParameters: fixedMask,
            activeBounds: activeBounds)
        return CurveFit(
            family: family, error: error, options: options, observations: observations, parameterNames: parameterNames,
            vector: parameters, fixed: fixed, covariance: covariance.map { Matrix(rowMajor: $0) }, status: status,
            warnings: warnings, solverSummary: summary, fitted: fitted, logLikelihood: logLikelihood, deviance: deviance,
            pearsonChiSquare: pearsonChiSquare, startsTried: startsTried, solverOptions: solverOptions)
    }

    /// The solver status with this description (an unknown one reads as the iteration limit).
    static func solverStatus(_ text: String) -> LevenbergMarquardt.Status {
        let reasons: [LevenbergMarquardt.FailureReason] = [.nonFiniteStart, .nonFiniteObjective, .singularCurvature, .noProgress,
                                                           .invalidOptions]
        let all: [LevenbergMarquardt.Status] = [.gradientTolerance, .parameterTolerance, .functionTolerance, .knownMinimum,
                                                .maximumIterations] + reasons.map { .failure($0) }
        return all.first { $0.description == text } ?? .maximumIterations
    }
}
