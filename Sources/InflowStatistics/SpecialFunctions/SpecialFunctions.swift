/// Special functions of probability and statistics, in double precision.
///
/// Each function family lives in its own file (`SpecialFunctions+<Family>.swift`) and documents its
/// formula, accuracy, cost and reference. Arguments outside a function's domain give `.nan`.
///
/// The log-probability kernels (``stirlingError(_:)``, ``deviance(_:_:)``,
/// ``logPoissonProbability(_:mean:)``, ``logBinomialProbability(successes:failures:probability:complement:)``)
/// follow C. Loader's saddle-point method: they avoid the cancellation of `k log(μ) − μ − log k!` for large
/// arguments, so log-likelihoods keep full relative precision even for counts near 10^9.
public enum SpecialFunctions {}
