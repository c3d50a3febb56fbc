import InflowLinearAlgebra

/// A family of inflow curves: the cumulative number of arrivals `C(t; theta)` and the
/// inflow rate `c(t; theta) = dC/dt`, with analytic derivatives in every parameter.
///
/// Time `t` is in days since the series origin. Parameters travel in a `SIMD8<Double>`
/// (lanes beyond ``parameters``'s count are zero), so one fit allocates nothing per
/// evaluation. A family knows its formula, its parameters and their bounds, and how to
/// find starting values from the data; it knows nothing about solvers.
///
/// Closed-form families conform to ``PointwiseCurveFamily`` and get the batched
/// methods for free; families defined by an ODE implement the batched methods directly,
/// integrating once over the sorted times.
public protocol CurveFamily: Sendable {
    /// The name used on the command line (`logistic`, `generalized-richards`, ...).
    var name: String { get }
    /// A title for reports ("Logistic").
    var title: String { get }
    /// The formula in plain text.
    var formula: String { get }
    /// The parameters in order.
    var parameters: [CurveParameter] { get }
    /// Name of the parameter that is the final size (`K`, `N`, `M`), if the family has one.
    var finalSizeParameter: String? { get }

    /// The final size `lim_{t -> inf} C(t)` (infinity for unbounded families).
    func finalSize(_ theta: SIMD8<Double>) -> Double

    /// Whether every curve of the family levels off at a finite final size.
    var isBounded: Bool { get }

    /// `C(t)` at each of `times` (ascending), written into `values`.
    func cumulative(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double])
    /// `C(t)` and its gradient in the parameters at each of `times` (ascending).
    func cumulativeWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                                values: inout [Double], gradients: inout [SIMD8<Double>])
    /// `c(t) = dC/dt` at each of `times` (ascending).
    func rate(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double])
    /// `c(t)` and its gradient in the parameters at each of `times` (ascending).
    func rateWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                          values: inout [Double], gradients: inout [SIMD8<Double>])

    /// Candidate starting points computed from the data (the fit tries each).
    func startingValues(_ data: StartingData) -> [SIMD8<Double>]

    /// `sum_t w_t d2C(t)/dtheta dtheta^T` over `times` (ascending) with `weights` `w_t`, in closed form:
    /// the curvature of the means that an observed information needs. `nil` (the default) when the family
    /// has no closed form for it; the likelihood then differences the gradients instead.
    func cumulativeHessianContraction(at times: [Double], _ theta: SIMD8<Double>, weights: [Double]) -> SmallMatrix?
}

extension CurveFamily {
    /// Number of curve parameters.
    public var parameterCount: Int { parameters.count }

    /// Index of a parameter by name.
    public func parameterIndex(_ name: String) -> Int? { parameters.firstIndex { $0.name == name } }

    public var finalSizeParameter: String? { nil }

    public func cumulativeHessianContraction(at times: [Double], _ theta: SIMD8<Double>,
                                             weights: [Double]) -> SmallMatrix? { nil }

    public func finalSize(_ theta: SIMD8<Double>) -> Double {
        guard let name = finalSizeParameter, let index = parameterIndex(name) else { return .infinity }
        return theta[index]
    }

    /// Whether every curve of the family levels off at a finite final size (a release or
    /// saturation model). Early-phase families (exponential, generalized growth) do not:
    /// their projections can grow without bound, so ensembles that answer "how many more"
    /// leave them out.
    public var isBounded: Bool { finalSizeParameter != nil }

    /// `C(t)` at one time.
    public func cumulative(at t: Double, _ theta: SIMD8<Double>) -> Double {
        var values = [0.0]
        cumulative(at: [t], theta, into: &values)
        return values[0]
    }

    /// `c(t)` at one time.
    public func rate(at t: Double, _ theta: SIMD8<Double>) -> Double {
        var values = [0.0]
        rate(at: [t], theta, into: &values)
        return values[0]
    }
}

/// A curve family with closed forms, evaluated one time at a time.
public protocol PointwiseCurveFamily: CurveFamily {
    /// `C(t)`.
    func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double
    /// `C(t)` and `dC/dtheta`.
    func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>)
    /// `c(t)`.
    func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double
    /// `c(t)` and `dc/dtheta`.
    func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>)
}

extension PointwiseCurveFamily {
    @inlinable
    public func cumulative(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double]) {
        for i in times.indices { values[i] = cumulative(times[i], theta) }
    }

    @inlinable
    public func cumulativeWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                                       values: inout [Double], gradients: inout [SIMD8<Double>]) {
        for i in times.indices {
            let (value, gradient) = cumulativeWithGradient(times[i], theta)
            values[i] = value
            gradients[i] = gradient
        }
    }

    @inlinable
    public func rate(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double]) {
        for i in times.indices { values[i] = rate(times[i], theta) }
    }

    @inlinable
    public func rateWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                                 values: inout [Double], gradients: inout [SIMD8<Double>]) {
        for i in times.indices {
            let (value, gradient) = rateWithGradient(times[i], theta)
            values[i] = value
            gradients[i] = gradient
        }
    }
}
