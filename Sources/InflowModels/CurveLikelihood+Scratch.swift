extension CurveLikelihood {
    /// The scratch space of one likelihood (one thread): one or two ``Workspace`` slots, and which one
    /// is in use.
    ///
    /// With two slots, a new point's pass never overwrites the slot that holds the point of the last
    /// ``evaluate(_:)`` (the solver's current point, "pinned"): a trial step goes into the other slot,
    /// and when the solver stops after a rejected trial, the covariance that follows finds its point's
    /// means, gradients and likelihood factors still there instead of recomputing them (when that run was
    /// the last to evaluate; otherwise they are recomputed: a slot is only ever used for the exact
    /// parameters it was computed at). The fit's
    /// final likelihood has two slots; the Poisson starting stage and bootstrap replicates, which never
    /// come back to a point, have one.
    ///
    /// - Complexity: O(1) per selection (parameter comparisons and a swap of two references). One thread
    ///   uses it, so its properties skip the dynamic exclusivity check (`@exclusivity(unchecked)`).
    final class Scratch {
        /// The slot whose buffers are in use.
        @exclusivity(unchecked) private(set) var current: Workspace
        /// The other slot, if there are two.
        @exclusivity(unchecked) private var spare: Workspace?
        /// The parameters of the last ``CurveLikelihood/evaluate(_:)``.
        @exclusivity(unchecked) var pinned: SIMD8<Double>?
        /// Whether the last call was ``CurveLikelihood/evaluate(_:)``: the objective that follows is then a
        /// solver's trial step (worth computing the gradients for), not one of a series of screening values.
        @exclusivity(unchecked) var evaluatedLast = false

        init(grid: Int, observations: Int, slots: Int) {
            precondition(slots == 1 || slots == 2, "a likelihood has one or two scratch slots")
            current = Workspace(grid: grid, observations: observations)
            spare = slots == 2 ? Workspace(grid: grid, observations: observations) : nil
        }

        /// Makes a slot that holds the means at `parameters` (with gradients, if asked) the current one
        /// and returns `true`; otherwise makes current the slot the next computation may overwrite (not
        /// the pinned one) and returns `false`.
        func select(_ parameters: SIMD8<Double>, withGradients: Bool) -> Bool {
            if current.holds(parameters, withGradients: withGradients) { return true }
            guard let other = spare else { return false }
            if other.holds(parameters, withGradients: withGradients) || current.meansState?.parameters == pinned {
                spare = current
                current = other
                return current.holds(parameters, withGradients: withGradients)
            }
            return false
        }
    }
}

extension CurveLikelihood.Workspace {
    /// Whether the buffers hold the means at `parameters`, and their gradients if `withGradients`.
    func holds(_ parameters: SIMD8<Double>, withGradients: Bool) -> Bool {
        guard let state = meansState else { return false }
        return state.parameters == parameters && (state.withGradients || !withGradients)
    }
}
