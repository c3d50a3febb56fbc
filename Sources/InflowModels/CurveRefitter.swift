import InflowFitting

/// Refits a curve fit's model to other responses on the same observations: the hot loop of a
/// parametric bootstrap, one replicate after another on each thread.
///
/// Made by ``CurveFit/refitter()``. The refitter is a `Sendable` value that threads share; each thread
/// makes its own ``Workspace`` once (``makeWorkspace()``) and reuses it for every replicate it refits
/// (the likelihood's buffers are sized for the observations, and forget what they cached when the
/// responses change). Each refit is one Levenberg–Marquardt run (no multi-start, no covariance) of the
/// fit's likelihood with its bounds and fixed parameters.
///
/// - Complexity: one solver run per refit, O(iterations n p^2); no allocation but the responses' copy.
public struct CurveRefitter: Sendable {
    /// The buffers of one thread's refits. Not `Sendable`: it stays on the thread that made it.
    public final class Workspace {
        let storage: AnyObject
        init(_ storage: AnyObject) { self.storage = storage }
    }

    let workspaceMaker: @Sendable () -> AnyObject
    let body: @Sendable ([Double], Double?, SIMD8<Double>, LevenbergMarquardt.Options, AnyObject) -> LevenbergMarquardt.Summary

    /// A workspace for one thread's refits.
    public func makeWorkspace() -> Workspace { Workspace(workspaceMaker()) }

    /// Minimises the model's objective for `responses` (one per observation, in the fit's order) from
    /// `start` with `options` (the fit's ``CurveFit/solverOptions`` with looser tolerances, typically),
    /// with a held background at `heldBackground` instead of the fit's (a replicate's draw from a range).
    public func refit(_ responses: [Double], heldBackground: Double? = nil, from start: SIMD8<Double>,
                      options: LevenbergMarquardt.Options, workspace: Workspace) -> LevenbergMarquardt.Summary {
        body(responses, heldBackground, start, options, workspace.storage)
    }
}

extension CurveFit {
    /// A refitter of this fit's model (family, error family, background, observations).
    public func refitter() -> CurveRefitter {
        CurveFamilies.visit(family, RefitterVisitor(fit: self))
    }
}

/// Builds a ``CurveRefitter`` around the family's concrete likelihood.
struct RefitterVisitor: CurveFamilyVisitor {
    let fit: CurveFit

    func visit<Family: CurveFamily>(_ family: Family) -> CurveRefitter {
        let template = CurveLikelihood(family: family, error: fit.error, observations: fit.observations,
                                       background: fit.options.background, countsAsRate: fit.options.countsAsRate)
        return CurveRefitter(workspaceMaker: { template.makeWorkspace() }) { responses, background, start, options, storage in
            var scratch = unsafeDowncast(storage, to: CurveLikelihood<Family>.Scratch.self)
            return LevenbergMarquardt.minimize(template.replacingResponses(responses, heldBackground: background),
                                               from: start, options: options, workspace: &scratch)
        }
    }
}
