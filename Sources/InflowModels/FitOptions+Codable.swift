import InflowFitting

/// Fit options as JSON, for saved fits (``CurveFitRecord``): background, counts as rates, starts, fixed values,
/// tighter bounds, multi-start, covariance kind and the solver's scalar settings (iterations, the three tolerances,
/// damping and step bound). The solver's per-lane bounds and fixed mask are not written: a fit derives them from the
/// family and the other options.
extension FitOptions: Codable {
    enum CodingKeys: String, CodingKey {
        case background, countsAsRate, start, fixed, lowerBounds, upperBounds, multiStart, covariance
        case maximumIterations, gradientTolerance, parameterTolerance, functionTolerance, initialDamping,
             initialStepBound, maximumDamping
    }

    /// Writes every option.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(background, forKey: .background)
        try container.encode(countsAsRate, forKey: .countsAsRate)
        try container.encode(start, forKey: .start)
        try container.encode(fixed, forKey: .fixed)
        try container.encode(lowerBounds, forKey: .lowerBounds)
        try container.encode(upperBounds, forKey: .upperBounds)
        try container.encode(multiStart, forKey: .multiStart)
        try container.encode(covariance, forKey: .covariance)
        try container.encode(solver.maximumIterations, forKey: .maximumIterations)
        try container.encode(solver.gradientTolerance, forKey: .gradientTolerance)
        try container.encode(solver.parameterTolerance, forKey: .parameterTolerance)
        try container.encode(solver.functionTolerance, forKey: .functionTolerance)
        try container.encode(solver.initialDamping, forKey: .initialDamping)
        try container.encode(solver.initialStepBound, forKey: .initialStepBound)
        try container.encode(solver.maximumDamping, forKey: .maximumDamping)
    }

    /// Reads what ``encode(to:)`` writes; a missing solver setting keeps ``defaultSolverOptions``' value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var solver = FitOptions.defaultSolverOptions
        solver.maximumIterations = try container.decodeIfPresent(Int.self, forKey: .maximumIterations) ?? solver.maximumIterations
        solver.gradientTolerance = try container.decodeIfPresent(Double.self, forKey: .gradientTolerance) ?? solver.gradientTolerance
        solver.parameterTolerance = try container.decodeIfPresent(Double.self, forKey: .parameterTolerance) ?? solver.parameterTolerance
        solver.functionTolerance = try container.decodeIfPresent(Double.self, forKey: .functionTolerance) ?? solver.functionTolerance
        solver.initialDamping = try container.decodeIfPresent(Double.self, forKey: .initialDamping) ?? solver.initialDamping
        solver.initialStepBound = try container.decodeIfPresent(Double.self, forKey: .initialStepBound) ?? solver.initialStepBound
        solver.maximumDamping = try container.decodeIfPresent(Double.self, forKey: .maximumDamping) ?? solver.maximumDamping
        self.init(background: try container.decode(BackgroundRate.self, forKey: .background),
                  countsAsRate: try container.decode(Bool.self, forKey: .countsAsRate),
                  start: try container.decode([String: Double].self, forKey: .start),
                  fixed: try container.decode([String: Double].self, forKey: .fixed),
                  lowerBounds: try container.decode([String: Double].self, forKey: .lowerBounds),
                  upperBounds: try container.decode([String: Double].self, forKey: .upperBounds),
                  multiStart: try container.decode(Bool.self, forKey: .multiStart),
                  covariance: try container.decode(CovarianceKind.self, forKey: .covariance),
                  solver: solver)
    }
}
