import Foundation
import InflowLinearAlgebra

/// Quantities users ask about, with intervals.
///
/// Standard errors use the delta method, `SE(g) = sqrt(grad g^T Sigma grad g)`, with
/// `grad g` by central differences (step `1e-6 max(|theta_j|, 1e-3)`). Final size and
/// remaining inflow also have profile-likelihood intervals (``profileInterval(for:level:)``).
extension CurveFit {
    /// The curve-and-background parameters of a full parameter vector (dispersion removed).
    func curveOnly(_ vector: SIMD8<Double>) -> SIMD8<Double> {
        var theta = SIMD8<Double>.zero
        for j in 0..<family.parameterCount { theta[j] = vector[j] }
        return theta
    }

    /// Arrivals the model places before the first observation (counts and totals only pin
    /// differences of `C`, so these were never observed).
    func arrivalsBeforeData(_ vector: SIMD8<Double>) -> Double {
        observations.kind == .level ? 0 : family.cumulative(at: observations.firstTime, curveOnly(vector))
    }

    /// What has been observed so far: the total of the fitted counts, or the last level.
    public var observedSoFar: Double { observations.observedTotal }

    /// The observed arrivals that belong to the surge: what has been observed minus the background's
    /// expected share over the observed time, `observed - beta (t_last - t_first)` (at least 0; level data: the
    /// last level).
    public var observedSurge: Double {
        guard observations.kind != .level else { return observedSoFar }
        return max(observedSoFar - backgroundRate * (observations.lastTime - observations.firstTime), 0)
    }

    /// Final size of the surge from the first observation on, `C(inf) - C(t_first)` (infinite for unbounded
    /// families); background arrivals are not part of it.
    func finalSizeValue(_ vector: SIMD8<Double>) -> Double {
        family.finalSize(curveOnly(vector)) - arrivalsBeforeData(vector)
    }

    /// Remaining pool: the surge's final size minus the surge's observed arrivals.
    func remainingValue(_ vector: SIMD8<Double>) -> Double {
        finalSizeValue(vector) - observedSurge
    }

    /// Time of the largest inflow rate (days since the origin): searched on a grid of 4,001
    /// points over `[t_first - 60, t_last + 365]`, then refined by golden-section search.
    func peakTimeValue(_ vector: SIMD8<Double>) -> Double {
        let theta = curveOnly(vector)
        let lower = observations.firstTime - 60, upper = observations.lastTime + 365
        let count = 4001
        let times = (0..<count).map { lower + (upper - lower) * Double($0) / Double(count - 1) }
        var rates = [Double](repeating: 0, count: count)
        family.rate(at: times, theta, into: &rates)
        guard let best = rates.indices.max(by: { rates[$0] < rates[$1] }) else { return .nan }
        var a = times[max(best - 1, 0)], b = times[min(best + 1, count - 1)]
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<60 {
            let c = b - ratio * (b - a), d = a + ratio * (b - a)
            if family.rate(at: c, theta) > family.rate(at: d, theta) { b = d } else { a = c }
        }
        return (a + b) / 2
    }

    /// Largest inflow rate (arrivals per day, background excluded).
    func peakRateValue(_ vector: SIMD8<Double>) -> Double {
        family.rate(at: peakTimeValue(vector), curveOnly(vector))
    }

    /// Current doubling time of the cumulative total, `log 2 * C(t) / c(t)` at the last
    /// observation (days; the time it would take the total to double at the current rate).
    func doublingTimeValue(_ vector: SIMD8<Double>) -> Double {
        let theta = curveOnly(vector)
        let t = observations.lastTime
        let total = family.cumulative(at: t, theta) - arrivalsBeforeData(vector)
        return log(2) * total / family.rate(at: t, theta)
    }

    /// Delta-method estimate of `g` with a Wald interval; for a quantity that is `positive` by nature (a rate, a
    /// duration), the interval of `log g`, `g exp(± z SE / g)`, so that it stays above 0 (method "wald, log scale").
    func deltaMethod(level: Double, positive: Bool = false, _ g: (SIMD8<Double>) -> Double) -> Estimate {
        let value = g(vector)
        guard let covariance, value.isFinite else {
            return Estimate(value: value, standardError: .nan, lower: .nan, upper: .nan, method: "wald")
        }
        var gradient = [Double](repeating: 0, count: parameterNames.count)
        for j in 0..<parameterNames.count where !fixed[j] {
            let h = 1e-6 * max(abs(vector[j]), 1e-3)
            var plus = vector, minus = vector
            plus[j] += h
            minus[j] -= h
            gradient[j] = (g(plus) - g(minus)) / (2 * h)
        }
        var variance = 0.0
        for i in gradient.indices {
            for j in gradient.indices { variance += gradient[i] * covariance[i, j] * gradient[j] }
        }
        let se = max(variance, 0).squareRoot()
        let z = Self.zValue(level)
        if positive && value > 0 && se > 0 {
            let spread = z * se / value
            return Estimate(value: value, standardError: se, lower: value * exp(-spread), upper: value * exp(spread),
                            method: "wald, log scale")
        }
        return Estimate(value: value, standardError: se, lower: value - z * se, upper: value + z * se, method: "wald")
    }

    /// Final size (arrivals from the first observation on) with a profile-likelihood interval
    /// when the family has a final-size parameter and the error family a likelihood, else Wald.
    ///
    /// Not the size parameter itself: `K` (or `N`, `M`) in ``summaryTable(level:)`` is the curve's limit `C(inf)`,
    /// counted from the curve's own start, while this counts from the first observation, `C(inf) - C(t_first)`, and
    /// leaves out the arrivals the curve places before the data; background arrivals belong to neither
    /// (``sizeExplanation`` says it with the fit's numbers).
    ///
    /// The people of the surge already counted have arrived, so the interval is intersected with
    /// `[observed surge, inf)` (``observedSurge``: a count model alone would allow a final size below it
    /// when the counts are noisy); the method then reads "profile, clipped at observed".
    public func finalSize(level: Double = 0.95) -> Estimate {
        let wald = deltaMethod(level: level, finalSizeValue)
        var lower = wald.lower, upper = wald.upper, method = wald.method
        if let name = family.finalSizeParameter, let profile = profileInterval(for: name, level: level) {
            let shift = arrivalsBeforeData(vector)
            lower = profile.lower - shift
            upper = profile.upper - shift
            method = "profile"
        }
        if observations.kind != .level && lower < observedSurge {
            lower = observedSurge
            method += ", clipped at observed"
        }
        upper = max(upper, lower)
        return Estimate(value: wald.value, standardError: wald.standardError, lower: lower, upper: upper, method: method)
    }

    /// Remaining pool (the surge's final size minus its observed arrivals, ``observedSurge``), interval as
    /// for ``finalSize(level:)``.
    ///
    /// A 95% profile-likelihood interval for the curve's pool (the pools the likelihood does not rule out), counted
    /// from the last report (17:00 on a partial day). A projection's remaining pool and arrivals are predictive
    /// (90% by default, from bootstrap refits to simulated counts, arrivals within its horizon), so its numbers
    /// differ from these in level and method (``sizeExplanation``).
    public func remaining(level: Double = 0.95) -> Estimate {
        let size = finalSize(level: level)
        let observed = observedSurge
        return Estimate(value: size.value - observed, standardError: size.standardError,
                        lower: size.lower - observed, upper: size.upper - observed, method: size.method)
    }

    /// Time of the peak inflow rate (days since the origin), Wald interval.
    public func peakTime(level: Double = 0.95) -> Estimate { deltaMethod(level: level, peakTimeValue) }

    /// The peak inflow rate (arrivals per day), Wald interval of its logarithm (it stays above 0).
    public func peakRate(level: Double = 0.95) -> Estimate { deltaMethod(level: level, positive: true, peakRateValue) }

    /// Current doubling time of the cumulative total (days), Wald interval of its logarithm (it stays above 0).
    public func doublingTime(level: Double = 0.95) -> Estimate {
        deltaMethod(level: level, positive: true, doublingTimeValue)
    }

    /// Profile-likelihood interval for one parameter: the values `v` with
    /// `2 (l_max - l_p(v)) <= chi^2_1(level)`, where `l_p(v)` is the log-likelihood maximised
    /// over the other parameters with this one fixed at `v`.
    ///
    /// Each end is bracketed by steps of one standard error (doubling) from the estimate,
    /// within the parameter's bounds and at most 64 standard errors away, then found to 1e-6
    /// relative by Brent's method (`CurveFit.crossing`); each evaluation
    /// is a refit warm-started from the previous one. An end that cannot be bracketed is the bound (or infinity): the likelihood does
    /// not rule those values out. `nil` for quasi-Poisson (no likelihood) or an unusable fit.
    /// - Complexity: about 15-30 refits (bisection took 30-60).
    public func profileInterval(for parameter: String, level: Double = 0.95) -> (lower: Double, upper: Double)? {
        guard let index = parameterNames.firstIndex(of: parameter), !fixed[index],
              let maximum = logLikelihood, status.isConverged,
              let covariance else { return nil }
        let threshold = InflowStatisticsBridge.chiSquare1Quantile(level) / 2
        let estimate = vector[index]
        let se = covariance[index, index].squareRoot()
        guard se.isFinite, se > 0 else { return nil }
        let parameterInfo = index < family.parameterCount ? family.parameters[index] : nil
        let isDispersion = parameter == "theta"
        let lowerBound = parameterInfo?.lowerBound ?? (isDispersion ? negativeBinomialLogThetaBounds.lowerBound : 0)
        let upperBound = parameterInfo?.upperBound ?? (isDispersion ? negativeBinomialLogThetaBounds.upperBound : .infinity)

        var warmStart = vector
        func deficit(_ value: Double) -> Double? {
            var fixedValues = options.fixed
            fixedValues[parameter] = isDispersion ? exp(value) : value
            var start: [String: Double] = [:]
            for (j, name) in parameterNames.enumerated() where j != index && !fixed[j] {
                start[name] = name == "theta" ? exp(warmStart[j]) : warmStart[j]
            }
            var refitOptions = options
            refitOptions.fixed = fixedValues
            refitOptions.start = start
            refitOptions.multiStart = false
            guard let refit = try? family.fit(observations, error: error, options: refitOptions),
                  let profiled = refit.logLikelihood, profiled.isFinite else { return nil }
            warmStart = refit.vector
            return maximum - profiled
        }

        func end(direction: Double) -> Double {
            warmStart = vector
            var inside = estimate, insideDeficit = 0.0
            var step = se
            var outside: (value: Double, deficit: Double)?
            while step <= 64 * se {
                var candidate = estimate + direction * step
                let bound = direction < 0 ? lowerBound : upperBound
                if direction < 0 ? candidate <= bound : candidate >= bound {
                    candidate = bound
                    guard candidate.isFinite, let d = deficit(candidate) else { return bound }
                    if d < threshold { return bound }
                    outside = (candidate, d)
                    break
                }
                guard let d = deficit(candidate) else { break }
                if d >= threshold {
                    outside = (candidate, d)
                    break
                }
                inside = candidate
                insideDeficit = d
                step *= 2
            }
            guard let bracketEnd = outside else { return direction < 0 ? lowerBound : upperBound }
            return Self.crossing(inside: (inside, insideDeficit - threshold),
                                 outside: (bracketEnd.value, bracketEnd.deficit - threshold),
                                 tolerance: 1e-6 * max(abs(inside), se)) { value in
                deficit(value).map { $0 - threshold }
            }
        }
        let interval = (end(direction: -1), end(direction: 1))
        return isDispersion ? (exp(interval.0), exp(interval.1)) : interval
    }

    /// The point where `g` crosses zero between `inside` (`g < 0`) and `outside` (`g >= 0`), to `tolerance`, by
    /// Brent's method: inverse quadratic interpolation or the secant where they make progress, bisection where they
    /// would not, so it converges superlinearly on smooth crossings and never needs many more evaluations than
    /// bisection (which the profile interval used before, about 20 an end). An evaluation that fails (`nil`) stops
    /// the search at the midpoint of the bracket it has.
    ///
    /// Reference: R. P. Brent, *Algorithms for Minimization without Derivatives* (1973), chapter 4 (`zeroin`).
    /// - Complexity: at most 100 evaluations of `g`; typically 5-10 to 1e-6 relative.
    static func crossing(inside: (value: Double, g: Double), outside: (value: Double, g: Double), tolerance: Double,
                         _ g: (Double) -> Double?) -> Double {
        var (a, fa) = inside
        var (b, fb) = outside
        var (c, fc) = (b, fb)
        var d = b - a, e = d
        for _ in 0..<100 {
            if (fb > 0) == (fc > 0) {
                // c is the end of the bracket across the crossing from b.
                (c, fc) = (a, fa)
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                // b is the best point so far; a its predecessor.
                (a, fa) = (b, fb)
                (b, fb) = (c, fc)
                (c, fc) = (a, fa)
            }
            let tolerance1 = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            let half = (c - b) / 2
            if abs(half) <= tolerance1 || fb == 0 { return b }
            if abs(e) >= tolerance1 && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * half * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q }
                p = abs(p)
                if 2 * p < min(3 * half * q - abs(tolerance1 * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = half
                    e = d
                }
            } else {
                d = half
                e = d
            }
            (a, fa) = (b, fb)
            b += abs(d) > tolerance1 ? d : (half > 0 ? tolerance1 : -tolerance1)
            guard let value = g(b), value.isFinite else { return (a + c) / 2 }
            fb = value
        }
        return b
    }
}
