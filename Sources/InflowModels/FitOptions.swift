import InflowFitting

/// Everything a curve fit can be told, with defaults that suit published arrival figures.
public struct FitOptions: Sendable, Equatable {
    /// Arrivals unrelated to the surge.
    public var background: BackgroundRate
    /// Model a count as the rate at the start of its period, `y_d ~ c(d)` (the convention
    /// of GrowthPredict and of most incidence fits), instead of the integral of the rate
    /// over the period, `C(d + 1) - C(d)` (the default, and the only one that is right
    /// for irregular periods).
    public var countsAsRate: Bool
    /// Starting values by parameter name; they replace the data-driven ones.
    public var start: [String: Double]
    /// Parameters held at a value by name.
    public var fixed: [String: Double]
    /// Tighter bounds by parameter name (within the family's own).
    public var lowerBounds: [String: Double]
    /// Tighter bounds by parameter name (within the family's own).
    public var upperBounds: [String: Double]
    /// Try the data-driven starting points, best screened objective first, until two runs agree on the
    /// best optimum (or all are tried), and keep the best (otherwise only the first start).
    public var multiStart: Bool
    /// How the covariance of the estimates is computed.
    public var covariance: CovarianceKind
    /// Solver settings.
    public var solver: LevenbergMarquardt.Options

    /// Where the covariance of the estimates comes from.
    public enum CovarianceKind: String, Sendable, Codable {
        /// Inverse of the observed information (the Hessian of the negative log-likelihood,
        /// by central differences of the analytic score); for least squares `sigma^2 (J^T J)^-1`.
        case observed
        /// Inverse of the expected (Fisher) information; for NB2 this holds the dispersion fixed.
        case expected
        /// Sandwich `H^-1 (sum g_i g_i^T) H^-1`, robust to a wrong variance function.
        case sandwich
    }

    /// Options; the arguments are the properties of the same names. The defaults fit every parameter from
    /// data-driven starting values with several starts, and no background.
    public init(
        background: BackgroundRate = .none, countsAsRate: Bool = false,
        start: [String: Double] = [:], fixed: [String: Double] = [:],
        lowerBounds: [String: Double] = [:], upperBounds: [String: Double] = [:],
        multiStart: Bool = true, covariance: CovarianceKind = .observed,
        solver: LevenbergMarquardt.Options = FitOptions.defaultSolverOptions
    ) {
        self.background = background
        self.countsAsRate = countsAsRate
        self.start = start
        self.fixed = fixed
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        self.multiStart = multiStart
        self.covariance = covariance
        self.solver = solver
    }

    /// Solver settings for curve fits: the function test at `4.5 eps` (1e-15) so that flat
    /// valleys (the incidence fit of the nine-day series, NIST Rat43) are followed to the
    /// optimum; the step and projected-gradient tests then stop the solver there.
    public static var defaultSolverOptions: LevenbergMarquardt.Options {
        var options = LevenbergMarquardt.Options()
        options.maximumIterations = 500
        options.functionTolerance = 1e-15
        return options
    }
}
