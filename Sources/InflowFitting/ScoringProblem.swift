import InflowLinearAlgebra

/// A smooth objective of at most eight parameters, minimised by ``LevenbergMarquardt``.
///
/// Parameters travel in a `SIMD8<Double>`: lanes `0..<parameterCount` hold `theta`, the
/// remaining lanes are zero on input and must be zero in every returned gradient.
///
/// The solver asks for two things:
/// - ``objective(_:)``, the value `f(theta)` alone, at trial points (most trials are accepted,
///   so this should be the cheapest pass over the data);
/// - ``evaluate(_:)``, the value together with the gradient `g = grad f(theta)` and a positive
///   semi-definite curvature matrix `H` that approximates the Hessian.
///
/// Two kinds of problems fit this shape:
///
/// | problem | `f` | `g` | `H` | the solver becomes |
/// |---|---|---|---|---|
/// | least squares (``ResidualProblem``) | `1/2 sum_i r_i^2` | `J^T r` | `J^T J` (Gauss–Newton) | Levenberg–Marquardt |
/// | likelihood | `-log L` | `-score` | expected Fisher information | damped Fisher scoring |
///
/// For a generalized linear model with canonical link the second row is Levenberg–Marquardt in
/// the metric of iteratively reweighted least squares.
///
/// Conformances should be value types whose methods do not allocate: the solver is generic and
/// `@inlinable`, so a concrete problem is specialised into a loop without heap traffic.
///
/// **Workspace.** A problem that keeps buffers or caches between calls (a likelihood's means and their
/// gradients) declares them as its ``Workspace`` and receives it in every call: the problem itself stays
/// an immutable value that threads share, and each thread (each solver run) owns its workspace, made by
/// ``makeWorkspace()``. Problems that need none leave `Workspace` as `Void`. A workspace's contents must
/// never change a result: it only spares recomputation.
public protocol ScoringProblem {
    /// Scratch space of one sequence of calls (one thread); `Void` when the problem needs none.
    associatedtype Workspace = Void

    /// Number of parameters `p`, `0...8`.
    var parameterCount: Int { get }

    /// A new workspace for a sequence of calls.
    func makeWorkspace() -> Workspace

    /// `f(theta)` only, for trial points.
    ///
    /// Return `.infinity` (or NaN) where the objective is undefined (outside the model's domain):
    /// the solver then rejects the trial and shortens its step.
    func objective(_ parameters: SIMD8<Double>, workspace: inout Workspace) -> Double

    /// `f`, its gradient `g` and a positive semi-definite curvature matrix `H` of order
    /// ``parameterCount`` at `parameters` (Gauss–Newton `J^T J` for least squares, expected Fisher
    /// information for likelihoods). `value` must equal ``objective(_:workspace:)`` at the same point.
    func evaluate(_ parameters: SIMD8<Double>, workspace: inout Workspace) -> ScoringEvaluation
}

extension ScoringProblem where Workspace == Void {
    /// No workspace.
    @inlinable
    public func makeWorkspace() {}
}

extension ScoringProblem {
    /// `f(theta)` in a workspace of its own.
    @inlinable
    public func objective(_ parameters: SIMD8<Double>) -> Double {
        var workspace = makeWorkspace()
        return objective(parameters, workspace: &workspace)
    }

    /// `f`, `g` and `H` in a workspace of their own.
    @inlinable
    public func evaluate(_ parameters: SIMD8<Double>) -> ScoringEvaluation {
        var workspace = makeWorkspace()
        return evaluate(parameters, workspace: &workspace)
    }
}
