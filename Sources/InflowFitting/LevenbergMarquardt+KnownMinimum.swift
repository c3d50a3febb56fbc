import InflowLinearAlgebra

extension LevenbergMarquardt {
    /// A minimum that an earlier run found, at which a later run (a multi-start's confirmation run) may
    /// stop as soon as it is plainly heading there.
    ///
    /// After each accepted step (and at the start) that ends at most `testedRise` above the known minimum's
    /// value, at the current point `theta` with value `f`, gradient
    /// `g` and curvature `H`, the solver forms the undamped Newton step `s = -H^-1 g` and its decrement
    /// `d = 1/2 g^T H^-1 g`: the local quadratic model's minimum is at `theta + s`, with value `f - d`.
    /// The run stops with ``Status/knownMinimum`` when that model minimum is the known one,
    ///
    ///     1/2 (theta + s - theta*)^T H* (theta + s - theta*) <= tolerance   and   |f - d - f*| <= tolerance,
    ///
    /// with `theta*`, `f*` and `H*` the known minimum's point, value and curvature. For a negative
    /// log-likelihood `H*` is the Fisher information, so with the tolerance in log-likelihood units the first
    /// condition puts the Newton target within `sqrt(2 tolerance)` standard errors of `theta*`, and the
    /// second says the two models agree on the minimum's value.
    ///
    /// This is the clustering idea of multi-level single linkage: a local search that has entered the
    /// region of attraction of a known minimum will end there, so it need not be run to the end
    /// (A. H. G. Rinnooy Kan and G. T. Timmer, "Stochastic global optimization methods, part II: multi
    /// level methods", *Mathematical Programming* 39, 1987). A minimum on a bound it cannot leave gives
    /// no ``KnownMinimum`` (``init(_:tolerance:)`` returns `nil`): its quadratic model is not the
    /// objective's there.
    ///
    /// - Complexity: one `p x p` Cholesky solve and `O(p^2)` flops per accepted step of the later run.
    public struct KnownMinimum: Sendable {
        /// `theta*`, the known minimum (lanes `>= p` ignored).
        public let parameters: SIMD8<Double>
        /// `f*`, the objective there.
        public let value: Double
        /// `H*`, the curvature there.
        public let curvature: SmallMatrix
        /// How close the model minimum must come, in the objective's units (both conditions above).
        public let tolerance: Double

        /// A known minimum from its point, value, curvature and the stopping tolerance.
        public init(parameters: SIMD8<Double>, value: Double, curvature: SmallMatrix, tolerance: Double) {
            self.parameters = parameters
            self.value = value
            self.curvature = curvature
            self.tolerance = tolerance
        }

        /// The minimum an earlier run ended at, or `nil` unless that run converged, at a finite value,
        /// away from any active bound.
        public init?(_ summary: Summary, tolerance: Double) {
            guard summary.isConverged, summary.finalObjective.isFinite,
                  !any(summary.activeBounds) else { return nil }
            self.init(parameters: summary.parameters, value: summary.finalObjective, curvature: summary.curvature,
                      tolerance: tolerance)
        }

        /// The test runs only at points at most this far above `f*` (100 tolerances, one log-likelihood unit
        /// at the 0.01 of a curve fit's multi-start): further away a run is rarely heading straight there, and
        /// the Newton solve is saved. Skipping the test only lets the run go on.
        @inlinable
        var testedRise: Double { 100 * tolerance }

        /// Whether the Newton step `step` from `theta` (value `value`, decrement `decrement`) lands on this
        /// minimum, over the lanes in `variable`.
        @inlinable
        func isTarget(of theta: SIMD8<Double>, step: SIMD8<Double>, value f: Double, decrement: Double,
                      variable: SIMDMask<SIMD8<Int64>>) -> Bool {
            let offset = (theta + step - parameters).replacing(with: 0, where: .!variable)
            let distance = 0.5 * (offset * curvature.multiply(offset)).sum()
            return distance <= tolerance && abs(f - decrement - value) <= tolerance
        }
    }
}
