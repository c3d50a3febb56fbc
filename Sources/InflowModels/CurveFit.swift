import InflowCore
import Foundation
import InflowFitting
import InflowLinearAlgebra

/// A curve fitted to a series: estimates, standard errors, likelihood and fit statistics.
///
/// ```swift
/// let fit = try Logistic().fit(series, error: .negativeBinomial)
/// fit.parameters["K"], fit.standardErrors["K"], fit.aicc, fit.status
/// ```
public struct CurveFit: Sendable, InformationCriteria {
    /// The curve family.
    public let family: any CurveFamily
    /// The error family.
    public let error: ErrorFamily
    /// The options the fit ran with.
    public let options: FitOptions
    /// The observations, as prepared from the series.
    public let observations: PreparedObservations
    /// Names of every estimated quantity in order: the family's parameters, then `beta`
    /// (background, if estimated), then `theta` (NB2 dispersion).
    public let parameterNames: [String]
    /// Estimates in the solver's parametrisation (`log theta` for NB2).
    public let vector: SIMD8<Double>
    /// Which parameters were held fixed.
    public let fixed: [Bool]
    /// Covariance of ``vector`` (zero rows and columns for fixed parameters); `nil` if singular.
    public let covariance: Matrix?
    /// How the fit ended.
    public let status: FitStatus
    /// Everything the data or the fit needed said about them.
    public let warnings: [String]
    /// The solver's report for the winning start.
    public let solverSummary: LevenbergMarquardt.Summary
    /// Fitted means, one per observation.
    public let fitted: [Double]
    /// Log-likelihood with every constant (`nil` for quasi-Poisson).
    public let logLikelihood: Double?
    /// Deviance (Gaussian: the residual sum of squares).
    public let deviance: Double
    /// Pearson chi-square `sum (y - mu)^2 / V(mu)`.
    public let pearsonChiSquare: Double
    /// Number of starting points tried.
    public let startsTried: Int
    /// The solver options of the winning run, bounds and fixed mask included (for refits).
    public let solverOptions: LevenbergMarquardt.Options

    /// Number of observations used.
    public var observationCount: Int { fitted.count }

    /// The model's identity: family and error family.
    public var id: ModelID { ModelID(family: family.name, error: error) }

    /// Whether the estimate of parameter `index` (in ``parameterNames``' order) sits at one of its bounds, where
    /// a Wald standard error (which assumes an interior optimum) means nothing.
    public func isAtBound(_ index: Int) -> Bool { !fixed[index] && solverSummary.activeBounds[index] }

    /// Number of estimated quantities (free parameters, plus the variance for Gaussian errors).
    public var estimatedParameterCount: Int {
        fixed.filter { !$0 }.count + (error == .gaussian ? 1 : 0)
    }

    /// Free curve-and-background parameters (the `p` in `n - p`).
    var freeMeanParameterCount: Int {
        fixed.enumerated().filter { !$0.element && parameterNames[$0.offset] != "theta" }.count
    }

    /// Estimates by name (`theta` on its natural scale). A dictionary has no order (it changes between runs):
    /// for the estimates in ``parameterNames``' order use ``estimates`` or ``parameterTable(level:)``.
    public var parameters: [String: Double] {
        Dictionary(uniqueKeysWithValues: parameterNames.enumerated().map { ($1, naturalValue($0)) })
    }

    /// Estimates in order of ``parameterNames`` (`theta` on its natural scale).
    public var estimates: [Double] { parameterNames.indices.map(naturalValue) }

    func naturalValue(_ index: Int) -> Double {
        parameterNames[index] == "theta" ? exp(vector[index]) : vector[index]
    }

    /// Standard errors by name (delta method for `theta`; 0 for fixed parameters; infinity when not identifiable).
    /// Unordered: ``parameterTable(level:)`` has them in ``parameterNames``' order.
    public var standardErrors: [String: Double] {
        Dictionary(uniqueKeysWithValues: parameterNames.enumerated().map { ($1, standardError($0)) })
    }

    func standardError(_ index: Int) -> Double {
        if fixed[index] { return 0 }
        guard let covariance else { return .infinity }
        let se = covariance[index, index].squareRoot()
        return parameterNames[index] == "theta" ? exp(vector[index]) * se : se
    }

    /// Residual variance for Gaussian errors (`RSS / (n - p)`), the quasi-Poisson scale
    /// `phi = X^2 / (n - p)`, or 1.
    public var dispersion: Double {
        let df = Double(observationCount - freeMeanParameterCount)
        switch error {
        case .gaussian: return df > 0 ? deviance / df : .nan
        case .quasiPoisson: return df > 0 ? pearsonChiSquare / df : .nan
        case .poisson, .negativeBinomial: return 1
        }
    }

    /// The standard normal quantile for a two-sided interval of level `level`.
    static func zValue(_ level: Double) -> Double {
        InflowStatisticsBridge.normalQuantile(0.5 + level / 2)
    }

    /// Wald intervals by parameter name, each built on the scale that keeps it inside its range and transformed
    /// back: `exp(log theta ± z SE)` for theta; `L + (x - L) exp(± z SE / (x - L))` (the log scale of `x - L`) for a
    /// parameter bounded below by `L` only (final sizes, growth rates, the background); the logit scale of
    /// `(x - L) / (U - L)` for one bounded on both sides (a wave's share, a hazard or shape the family keeps in a
    /// range); `x ± z SE` for an unbounded one (an
    /// onset). The bounds are the family's, not the search limits of ``FitOptions``; the standard error on the new
    /// scale is the delta method's, so near the estimate the interval is the symmetric one, and away from it it bends
    /// where the symmetric one would hold impossible values (a negative hazard rate). R's `confint.default` is the
    /// symmetric interval on the natural scale (Casella & Berger, *Statistical Inference*, 2nd ed., section 10.1.6).
    ///
    /// A dictionary has no order (it changes between runs): ``parameterTable(level:)`` gives the same intervals in
    /// ``parameterNames``' order.
    public func confidenceIntervals(level: Double = 0.95) -> [String: (lower: Double, upper: Double)] {
        let z = Self.zValue(level)
        var result: [String: (Double, Double)] = [:]
        for (index, name) in parameterNames.enumerated() {
            result[name] = waldInterval(index, z: z)
        }
        return result
    }

    /// The curve parameters alone (background and dispersion removed).
    public var curveParameters: SIMD8<Double> { curveOnly(vector) }

    /// The background rate in force (per day).
    public var backgroundRate: Double {
        options.background.heldRate ?? vector[family.parameterCount]
    }

    /// A one-paragraph text summary.
    public var summary: String {
        var lines = ["\(family.title) curve, \(error.rawValue) errors: \(status)"]
        for (index, name) in parameterNames.enumerated() {
            let value = naturalValue(index)
            let se = standardError(index)
            lines.append("  \(name) = \(formatted(value)) (SE \(fixed[index] ? "fixed" : formatted(se)))")
        }
        if let aicc { lines.append("  AICc = \(formatted(aicc))") }
        for warning in warnings { lines.append("  warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}

func formatted(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    return String(format: abs(value) >= 1e5 || (abs(value) < 1e-3 && value != 0) ? "%.4g" : "%.4f", value)
}
