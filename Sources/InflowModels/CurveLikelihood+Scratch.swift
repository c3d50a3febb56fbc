extension CurveLikelihood {
    /// The workspace of a likelihood (``/InflowFitting/ScoringProblem/Workspace``), owned by one thread or solver run:
    /// one or two slots of buffers, which one is in use, and whose responses they hold.
    ///
    /// With two slots, a new point's pass never overwrites the slot that holds the point of the last
    /// ``evaluate(_:workspace:)`` (the solver's current point, "pinned"): a trial step goes into the other slot,
    /// and when the solver stops after a rejected trial, the covariance that follows finds its point's
    /// means, gradients and likelihood factors still there instead of recomputing them (when that run was
    /// the last to evaluate; otherwise they are recomputed: a slot is only ever used for the exact
    /// parameters it was computed at). The fit's
    /// final likelihood has two slots; the Poisson starting stage and bootstrap replicates, which never
    /// come back to a point, have one.
    ///
    /// A workspace serves every likelihood with the same grid and observation count (the bootstrap replicates
    /// of one fit, each thread reusing its own): before each use it checks the likelihood's responses tag
    /// and forgets its cached values when the responses changed (`adopt(_:grid:observations:)`). It is not `Sendable`, so the
    /// compiler keeps it on the thread that made it.
    ///
    /// - Complexity: O(1) per selection (parameter comparisons and a swap of two references). One thread
    ///   uses it, so its properties skip the dynamic exclusivity check (`@exclusivity(unchecked)`).
    public final class Scratch {
        /// The slot whose buffers are in use.
        @exclusivity(unchecked) private(set) var current: Slot
        /// The other slot, if there are two.
        @exclusivity(unchecked) private var spare: Slot?
        /// The parameters of the last ``CurveLikelihood/evaluate(_:workspace:)``.
        @exclusivity(unchecked) var pinned: SIMD8<Double>?
        /// Whether the last call was ``CurveLikelihood/evaluate(_:workspace:)``: the objective that follows is then a
        /// solver's trial step (worth computing the gradients for), not one of a series of screening values.
        @exclusivity(unchecked) var evaluatedLast = false

        /// The responses tag of the likelihood the cached values belong to.
        @exclusivity(unchecked) private var tag: UInt64?
        /// Grid size and observation count, which every likelihood it serves must share.
        let shape: (grid: Int, observations: Int)

        init(grid: Int, observations: Int, slots: Int) {
            shape = (grid, observations)
            precondition(slots == 1 || slots == 2, "a likelihood has one or two scratch slots")
            current = Slot(grid: grid, observations: observations)
            spare = slots == 2 ? Slot(grid: grid, observations: observations) : nil
        }

        /// Serves the likelihood whose responses carry `newTag`: when they are not the responses of the
        /// cached values, every slot forgets its values (the means depend on the parameters alone, but the
        /// objective and the likelihood factors depend on the responses too).
        @inline(__always)
        func adopt(_ newTag: UInt64, grid: Int, observations: Int) {
            guard tag != newTag else { return }
            precondition(shape == (grid, observations), "a likelihood workspace serves likelihoods of one grid and size")
            tag = newTag
            current.forget()
            spare?.forget()
            pinned = nil
            evaluatedLast = false
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

extension CurveLikelihood.Slot {
    /// Forgets which point the buffers hold.
    func forget() {
        lastObjective = nil
        meansState = nil
        factorsParameters = nil
    }

    /// Whether the buffers hold the means at `parameters`, and their gradients if `withGradients`.
    func holds(_ parameters: SIMD8<Double>, withGradients: Bool) -> Bool {
        guard let state = meansState else { return false }
        return state.parameters == parameters && (state.withGradients || !withGradients)
    }
}
