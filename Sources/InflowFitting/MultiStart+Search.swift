extension MultiStart {
    /// The outcome of ``search(_:from:options:sameOptimum:basinTolerance:firstStartFirst:workspace:)``.
    public struct Search: Sendable {
        /// The best run (converged first, then the lowest objective); `nil` if no run ended at a finite
        /// objective.
        public let best: LevenbergMarquardt.Summary?
        /// Solver runs made.
        public let runs: Int
        /// The distinct converged minima found, best first (minima within the search's `sameOptimum` of each
        /// other count as one).
        public let minima: [LevenbergMarquardt.Summary]

        /// A search's outcome.
        @inlinable
        public init(best: LevenbergMarquardt.Summary?, runs: Int, minima: [LevenbergMarquardt.Summary] = []) {
            self.best = best
            self.runs = runs
            self.minima = minima
        }
    }

    /// Runs the solver from `starts`, best screened start first, until the best minimum has been found
    /// twice, and returns the best run.
    ///
    /// The starts are screened by their objective value and tried best first (the first start always
    /// goes first when `firstStartFirst`: a caller's own start). The search stops once two runs have
    /// converged to the same lowest objective (within `sameOptimum`, relative), in the spirit of the
    /// multistart stopping rules of Boender and Rinnooy Kan ("Bayesian stopping rules for multistart
    /// global optimization methods", Math. Programming 37, 1987: stop when the best local minimum has been
    /// found more than once), or when every start has been tried. A start with a non-finite objective is
    /// still tried (the solver shortens steps from it) but last.
    ///
    /// With a `basinTolerance`, a later run is given the best minimum so far as a
    /// ``LevenbergMarquardt/KnownMinimum``: once its Newton step lands there (within that tolerance, in
    /// the objective's units) it stops, and the minimum counts as found again, without the run's last
    /// iterations, which would only refine a point already known.
    ///
    /// Every run uses `workspace`, so a problem whose workspace remembers its last points (a likelihood)
    /// finds the best run's last pass there when that run was the last.
    ///
    /// - Complexity: one objective evaluation per start, then one solver run per start tried (at least
    ///   two when there are two starts, all of them when the runs keep disagreeing).
    @inlinable
    public static func search<Problem: ScoringProblem>(
        _ problem: Problem, from starts: [SIMD8<Double>], options: LevenbergMarquardt.Options,
        sameOptimum: Double, basinTolerance: Double?, firstStartFirst: Bool,
        workspace: inout Problem.Workspace
    ) -> Search {
        let screened = starts.indices.map { index -> (index: Int, value: Double) in
            let value = problem.objective(starts[index], workspace: &workspace)
            return (index, value.isFinite ? value : .infinity)
        }
        let order = screened.sorted { a, b in
            if firstStartFirst && (a.index == 0) != (b.index == 0) { return a.index == 0 }
            return a.value != b.value ? a.value < b.value : a.index < b.index
        }.map(\.index)
        var best: LevenbergMarquardt.Summary?
        var bestFoundAgain = false
        var runs = 0
        var minima: [LevenbergMarquardt.Summary] = []
        func record(_ summary: LevenbergMarquardt.Summary) {
            guard summary.isConverged, summary.finalObjective.isFinite else { return }
            let tolerance = sameOptimum * max(abs(summary.finalObjective), 1)
            if !minima.contains(where: { abs($0.finalObjective - summary.finalObjective) <= tolerance }) {
                minima.append(summary)
            }
        }
        for index in order {
            runs += 1
            let known = basinTolerance.flatMap { tolerance in
                best.flatMap { LevenbergMarquardt.KnownMinimum($0, tolerance: tolerance) }
            }
            let summary = LevenbergMarquardt.minimize(problem, from: starts[index], options: options,
                                                      knownMinimum: known, workspace: &workspace)
            if summary.status == .knownMinimum { break }   // the best minimum, found again
            guard summary.finalObjective.isFinite else { continue }
            record(summary)
            guard let current = best else {
                best = summary
                continue
            }
            let tolerance = sameOptimum * max(abs(current.finalObjective), 1)
            if summary.isConverged && current.isConverged
                && abs(summary.finalObjective - current.finalObjective) <= tolerance {
                bestFoundAgain = true
                if summary.finalObjective < current.finalObjective { best = summary }
            } else if summary.isConverged != current.isConverged ? summary.isConverged
                        : summary.finalObjective < current.finalObjective {
                best = summary
                bestFoundAgain = false
            }
            if bestFoundAgain { break }
        }
        return Search(best: best, runs: runs, minima: minima.sorted { $0.finalObjective < $1.finalObjective })
    }
}
