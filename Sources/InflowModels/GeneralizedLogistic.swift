import Foundation

/// Chowell's generalized-logistic growth model (GLM):
/// `dC/dt = r C^p (1 - C/K)`, `C(0) = C0`, `0 <= p <= 1`.
///
/// The generalized-growth law `r C^p` (sub-exponential for `p < 1`: polynomial early
/// growth; exponential at `p = 1`) slowed down logistically as the cumulative count nears
/// the final size `K`. Time 0 is the series origin and `C0` the cumulative count there.
/// At `p = 1` it is the logistic `C(t) = K / (1 + (K/C0 - 1) exp(-r t))`; at `p = 0` the
/// inflow is `r (1 - C/K)` from the start. The rate is `c(t) = r C^p (1 - C/K)`.
///
/// There is no closed form for general `p`: `C` and its sensitivities `S_j = dC/dtheta_j`
/// (`dS/dt = f_C S + f_theta`, `S(0) = dC0/dtheta`) are integrated together, once over the
/// ascending requested times, by an adaptive Dormand–Prince 5(4) method with continuous
/// output and error control on `C` and on the sensitivities (relative tolerance 1e-10; see
/// `ODEIntegrator`). The integration runs in a variable in which the solution is smooth and
/// non-stiff: the Box–Cox transform `u = (C^(1-p) - 1)/(1-p)` while `C < K/2`
/// (`du/dt = r (1 - C/K)`, bounded), then the logit `y = log(C/(K - C))` (`dy/dt = r C^(p-1)`,
/// constant in the tail, so the remaining pool `K - C` and the rate keep their relative
/// precision); see `ODEGrowthSystem` for the variational equations in both. The rate and its
/// gradient follow by the chain rule, `dc/dtheta = f_C S + f_theta`.
///
/// Times before 0 are reached by integrating backward; for `p < 1` the curve starts at a
/// finite time before the origin (where `C` reaches 0) and `C`, `c` and all derivatives are
/// 0 before it. If the integration cannot finish (more than 100 000 steps, a step below
/// `1e-12 (1 + |t|)` days, a state that is no longer finite, as when `C0 > K` and the curve
/// came down from infinity at a finite time before the origin), or the parameters are outside
/// the domain (`K`, `C0` not positive, or not finite), the values and gradients it did not
/// reach are NaN; a fit treats them as a failed step.
///
/// Starting values: `C0` the first rate (at least 1), `K` in {1.2, 2, 4} times the total
/// plus `C0`, `p` in {1, 0.7}, and `r` matching the largest observed rate at the cumulative
/// count reached then.
///
/// Cost: one integration per call, whatever the number of times: 60–100 steps of 6
/// evaluations (two or three transcendental functions each) over a two-month series, about
/// 20–30 µs with gradients for 61 daily times in a release build (one core of this machine).
///
/// References: Viboud, Simonsen & Chowell, "A generalized-growth model to characterize the
/// early ascending phase of infectious disease outbreaks", Epidemics 15 (2016); Chowell,
/// "Fitting dynamic models to epidemic outbreaks with quantified uncertainty: a primer for
/// parameter uncertainty, identifiability, and forecasts", Infect. Dis. Model. 2 (2017).
/// Tested against the logistic (`p = 1`) and the generalized-growth model (`K -> inf`) in
/// closed form (`Tests/InflowModelsTests/ODEFamilyTests.swift`).
public struct GeneralizedLogistic: GrowthODEFamily {
    /// The generalized logistic family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "generalized-logistic" }
    public var title: String { "Generalized logistic (GLM)" }
    public var formula: String { "dC/dt = r C^p (1 - C/K), C(0) = C0" }
    public var parameters: [CurveParameter] {
        [CurveParameter("r", "growth rate (arrivals^(1-p) per day)", lowerBound: 0),
         CurveParameter("p", "deceleration of growth (0 constant, 1 exponential)", lowerBound: 0, upperBound: 1),
         CurveParameter("K", "final size (arrivals)", lowerBound: 1e-6),
         CurveParameter("C0", "cumulative arrivals at the origin", lowerBound: 1e-6)]
    }
    public var finalSizeParameter: String? { "K" }

    public var hasShapeParameter: Bool { false }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let guess = ODEGrowthStart(data)
        var starts: [SIMD8<Double>] = []
        for p in [1.0, 0.7] {
            for factor in [1.2, 2.0, 4.0] {
                let k = factor * guess.size
                let r = guess.growthRate(p: p, capacity: k, shape: 1)
                starts.append(SIMD8(r, p, k, guess.initialSize, 0, 0, 0, 0))
            }
        }
        return starts
    }
}
