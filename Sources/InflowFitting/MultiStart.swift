/// Runs ``LevenbergMarquardt`` from several starting points and keeps the best converged answer.
///
/// Nonlinear least squares and likelihoods can have several local minima and flat regions where a
/// single start stops (NIST BoxBOD from `(1, 1)` without the first-step bound). A handful of starts
/// spread over the plausible region is the cheap remedy; the best is the converged run with the
/// lowest objective.
///
/// ``search(_:from:options:sameOptimum:basinTolerance:firstStartFirst:workspace:)`` tries the starts best
/// first and stops once the best minimum has been found twice.
///
/// - Complexity: the sum of the runs; the runs are sequential and independent, so the result does not
///   depend on scheduling.
public enum MultiStart {
    /// Minimises `problem` from each of `starts` with the same `options`.
    /// - Returns: every summary, in the order of `starts`, and the index of the best converged one.
    @inlinable
    public static func minimize<Problem: ScoringProblem>(
        _ problem: Problem, from starts: [SIMD8<Double>],
        options: LevenbergMarquardt.Options = LevenbergMarquardt.Options()
    ) -> Result {
        var summaries: [LevenbergMarquardt.Summary] = []
        summaries.reserveCapacity(starts.count)
        var workspace = problem.makeWorkspace()
        for start in starts {
            summaries.append(LevenbergMarquardt.minimize(problem, from: start, options: options, workspace: &workspace))
        }
        return Result(summaries: summaries)
    }
}
