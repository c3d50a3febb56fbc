/// `C(t)` (or `c(t)`) and its gradient at a set of times, from one batched family evaluation over the sorted
/// distinct times; gradients are laid out as the fit's ``CurveFit/parameterNames`` (0 for fixed parameters and for
/// the background and dispersion, which the curve does not depend on). Used by ``CurveFit/predict(at:level:period:)-([Double],_,_)``.
/// - Complexity: one family evaluation over `m` sorted times, O(log m) per lookup.
struct CurveTable {
    let times: [Double]
    let values: [Double]
    let gradients: [[Double]]

    init(_ fit: CurveFit, times requested: [Double]) {
        self.init(fit, times: requested, rates: false)
    }

    init(_ fit: CurveFit, ratesAt requested: [Double]) {
        self.init(fit, times: requested, rates: true)
    }

    private init(_ fit: CurveFit, times requested: [Double], rates: Bool) {
        times = Array(Set(requested.filter(\.isFinite))).sorted()
        var values = [Double](repeating: 0, count: times.count)
        var raw = [SIMD8<Double>](repeating: .zero, count: times.count)
        if rates {
            fit.family.rateWithGradient(at: times, fit.curveParameters, values: &values, gradients: &raw)
        } else {
            fit.family.cumulativeWithGradient(at: times, fit.curveParameters, values: &values, gradients: &raw)
        }
        self.values = values
        gradients = raw.map { lanes in
            fit.parameterNames.indices.map { j in j < fit.family.parameterCount && !fit.fixed[j] ? lanes[j] : 0 }
        }
    }

    /// The value and gradient at `t`, one of the times given (NaN for a time that is not finite).
    func value(at t: Double) -> (value: Double, gradient: [Double]) {
        guard t.isFinite, !times.isEmpty else { return (.nan, gradients.first.map { $0.map { _ in .nan } } ?? []) }
        var low = 0, high = times.count - 1
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < t { low = middle + 1 } else { high = middle }
        }
        return (values[low], gradients[low])
    }
}
