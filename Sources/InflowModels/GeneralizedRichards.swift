import Foundation

/// Chowell's generalized-Richards growth model (GRM):
/// `dC/dt = r C^p (1 - (C/K)^a)`, `C(0) = C0`, `0 <= p <= 1`, `a > 0`.
///
/// The generalized-growth law `r C^p` braked by Richards' saturation term: `a` sets how
/// sharply the inflow stops near the final size `K` (`a = 1` is ``GeneralizedLogistic``;
/// large `a` keeps growth going until just before `K`, small `a` brakes early). Time 0 is the
/// series origin and `C0` the cumulative count there. At `p = 1` it is the Richards curve
/// `C(t) = K / (1 + ((K/C0)^a - 1) exp(-a r t))^(1/a)`. The rate is
/// `c(t) = r C^p (1 - (C/K)^a)`.
///
/// There is no closed form for general `p`: `C` and its sensitivities `S_j = dC/dtheta_j`
/// (`dS/dt = f_C S + f_theta`, with `f_a = -r C^p (C/K)^a log(C/K)`) are integrated together,
/// once over the ascending requested times, by the adaptive Dormand–Prince 5(4) method with
/// continuous output of ``GeneralizedLogistic`` (relative tolerance 1e-10 on `C` and the
/// sensitivities), in the Box–Cox variable `u = (C^(1-p) - 1)/(1-p)` while `(C/K)^a < 1/2`
/// (`du/dt = r (1 - (C/K)^a)`) and in the logit `y = log(w/(1 - w))` of `w = (C/K)^a` after
/// (`dy/dt = a r C^(p-1)`): see `ODEGrowthSystem` for the variational equations. The rate
/// gradient follows by the chain rule. Times before 0 and failures: as ``GeneralizedLogistic``
/// (backward integration; zero before the onset when `p < 1`; NaN where the integration
/// cannot finish). Cost: as ``GeneralizedLogistic``, one more `exp` per evaluation.
///
/// Starting values: those of ``GeneralizedLogistic`` with `a = 1`, and `a` in {0.5, 2} with
/// `K` twice the total and `p` in {1, 0.7}; `r` matches the largest observed rate.
///
/// References: Chowell, "Fitting dynamic models to epidemic outbreaks with quantified
/// uncertainty: a primer for parameter uncertainty, identifiability, and forecasts",
/// Infect. Dis. Model. 2 (2017); Viboud, Simonsen & Chowell, Epidemics 15 (2016); Richards,
/// J. Exp. Bot. 10 (1959). Tested against the Richards curve in closed form (`p = 1`,
/// `Tests/InflowModelsTests/ODEFamilyTests.swift`).
public struct GeneralizedRichards: GrowthODEFamily {
    /// The generalized Richards family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "generalized-richards" }
    public var title: String { "Generalized Richards (GRM)" }
    public var formula: String { "dC/dt = r C^p (1 - (C/K)^a), C(0) = C0" }
    public var parameters: [CurveParameter] {
        [CurveParameter("r", "growth rate (arrivals^(1-p) per day)", lowerBound: 0),
         CurveParameter("p", "deceleration of growth (0 constant, 1 exponential)", lowerBound: 0, upperBound: 1),
         CurveParameter("K", "final size (arrivals)", lowerBound: 1e-6),
         CurveParameter("a", "shape of the braking near K; 1 is the generalized logistic", lowerBound: 1e-3, upperBound: 100),
         CurveParameter("C0", "cumulative arrivals at the origin", lowerBound: 1e-6)]
    }
    public var finalSizeParameter: String? { "K" }

    public var hasShapeParameter: Bool { true }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let guess = ODEGrowthStart(data)
        var starts: [SIMD8<Double>] = GeneralizedLogistic().startingValues(data).map { start in
            SIMD8(start[0], start[1], start[2], 1, start[3], 0, 0, 0)
        }
        for a in [0.5, 2.0] {
            for p in [1.0, 0.7] {
                let k = 2 * guess.size
                let r = guess.growthRate(p: p, capacity: k, shape: a)
                starts.append(SIMD8(r, p, k, a, guess.initialSize, 0, 0, 0))
            }
        }
        return starts
    }
}
