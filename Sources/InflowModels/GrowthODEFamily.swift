/// A curve family defined by Chowell's growth equation, `dC/dt = r C^p (1 - (C/K)^a)`, `C(0) = C0`:
/// the generalized logistic (`a = 1`, ``GeneralizedLogistic``) and the generalized Richards model
/// (``GeneralizedRichards``). The batched methods integrate the equation and its sensitivities once over
/// the ascending times (`ODEGrowthSystem`); a conforming family states its parameters, formula and
/// starting values, and whether it has the shape parameter `a`.
public protocol GrowthODEFamily: CurveFamily {
    /// Whether the parameters are `(r, p, K, a, C0)` (with the braking shape `a`) rather than `(r, p, K, C0)`.
    var hasShapeParameter: Bool { get }
}

extension GrowthODEFamily {
    func system(_ theta: SIMD8<Double>) -> ODEGrowthSystem? { ODEGrowthSystem(theta, hasShape: hasShapeParameter) }

    public func cumulative(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double]) {
        ODEGrowthSystem.cumulative(system(theta), at: times, into: &values)
    }

    public func cumulativeWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                                       values: inout [Double], gradients: inout [SIMD8<Double>]) {
        ODEGrowthSystem.cumulativeWithGradient(system(theta), at: times, values: &values, gradients: &gradients)
    }

    public func rate(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double]) {
        ODEGrowthSystem.rate(system(theta), at: times, into: &values)
    }

    public func rateWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                                 values: inout [Double], gradients: inout [SIMD8<Double>]) {
        ODEGrowthSystem.rateWithGradient(system(theta), at: times, values: &values, gradients: &gradients)
    }
}
