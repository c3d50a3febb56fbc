import Foundation
import InflowFitting
import InflowLinearAlgebra

/// A curve fit's options translated into the solver's terms: the parameter vector's names and layout,
/// its bounds, the fixed lanes and the starting points.
///
/// Layout (at most 8 lanes): the family's parameters, then `beta` (background, when estimated), then
/// `log theta` (NB2 dispersion). Values the caller gives for `theta` (start, fixed, bounds) are on the
/// natural scale and enter as their logarithm.
struct FitParameterLayout {
    /// Names of every lane in use.
    let names: [String]
    /// Lower and upper bounds of every lane (lanes past ``names`` unbounded).
    private(set) var lower = SIMD8<Double>(repeating: -.infinity)
    private(set) var upper = SIMD8<Double>(repeating: .infinity)
    /// Which lanes are held fixed, and at what.
    private(set) var fixedMask: [Bool]
    private(set) var fixedLanes = SIMDMask<SIMD8<Int64>>(repeating: false)
    private(set) var fixedValues = SIMD8<Double>.zero
    /// Index of `log theta`, for NB2.
    let dispersionIndex: Int?
    /// Index of `beta`, when the background is estimated.
    let backgroundIndex: Int?

    /// The layout of `family` under `error` and `options`.
    /// - Throws: ``CurveFitError`` for more than 8 lanes, a name the fit does not have, or a fixed value
    ///   outside its bounds.
    init(family: some CurveFamily, error: ErrorFamily, options: FitOptions) throws(CurveFitError) {
        var names = family.parameters.map(\.name)
        backgroundIndex = options.background == .estimated ? names.count : nil
        if backgroundIndex != nil { names.append("beta") }
        dispersionIndex = error == .negativeBinomial ? names.count : nil
        if dispersionIndex != nil { names.append("theta") }
        self.names = names
        fixedMask = Array(repeating: false, count: names.count)
        if names.count > SmallMatrix.maximumOrder { throw .tooManyParameters(names.count) }
        if let clash = family.parameters.map(\.name).first(where: { $0 == "beta" || $0 == "theta" }) {
            throw .duplicateParameterName(clash)
        }
        for settings in [options.start, options.fixed, options.lowerBounds, options.upperBounds] where !settings.isEmpty {
            for name in settings.keys where !names.contains(name) {
                throw .unknownParameter(name: name, family: family.name, known: names)
            }
        }
        for (j, parameter) in family.parameters.enumerated() {
            lower[j] = parameter.lowerBound
            upper[j] = parameter.upperBound
        }
        if let b = backgroundIndex { lower[b] = 0 }
        if let d = dispersionIndex {
            lower[d] = negativeBinomialLogThetaBounds.lowerBound
            upper[d] = negativeBinomialLogThetaBounds.upperBound
        }
        for (name, value) in options.lowerBounds {
            let j = names.firstIndex(of: name)!
            lower[j] = max(lower[j], internalValue(name, value))
        }
        for (name, value) in options.upperBounds {
            let j = names.firstIndex(of: name)!
            upper[j] = min(upper[j], internalValue(name, value))
        }
        for (name, value) in options.fixed {
            let j = names.firstIndex(of: name)!
            let v = internalValue(name, value)
            guard v >= lower[j] && v <= upper[j] else {
                throw .outOfBounds(name: name, value: value, lower: lower[j], upper: upper[j])
            }
            fixedMask[j] = true
            fixedLanes[j] = true
            fixedValues[j] = v
        }
    }

    /// A caller's value in the solver's parametrisation: `log theta` for `theta`, others as given.
    func internalValue(_ name: String, _ value: Double) -> Double { name == "theta" ? log(value) : value }

    /// Number of free lanes.
    var freeCount: Int { fixedMask.count { !$0 } }

    /// `base` with these bounds and fixed lanes.
    func solverOptions(_ base: LevenbergMarquardt.Options) -> LevenbergMarquardt.Options {
        var options = base
        options.lowerBounds = lower
        options.upperBounds = upper
        options.fixed = fixedMask
        return options
    }

    /// A curve start made into a full start: the background lane at `backgroundStart` (when estimated and
    /// not started by the caller), fixed lanes at their values, everything clamped into the bounds. A NaN
    /// stays NaN (`pointwiseMin` and `Max` would drop it), so such a start screens as non-finite and its run
    /// fails as such.
    func completed(_ curve: SIMD8<Double>, backgroundStart: Double?) -> SIMD8<Double> {
        var start = curve
        if let b = backgroundIndex, let backgroundStart { start[b] = backgroundStart }
        start.replace(with: fixedValues, where: fixedLanes)
        let clamped = pointwiseMin(pointwiseMax(start, lower), upper).replacing(with: start, where: start .!= start)
        let inUse = SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8<Double>(repeating: Double(names.count))
        return start.replacing(with: clamped, where: inUse)
    }

    /// The curve starts of a fit: the caller's start first (the first data-driven start with the caller's
    /// values in place), then the family's data-driven starts; only the first when multi-start is off.
    /// - Returns: the starts and whether the first is the caller's.
    func curveStarts(family: some CurveFamily, data: StartingData, options: FitOptions)
        -> (starts: [SIMD8<Double>], callerFirst: Bool) {
        var starts = family.startingValues(data)
        let callerFirst = !options.start.isEmpty
        if callerFirst {
            var caller = starts.first ?? .zero
            for (name, value) in options.start { caller[names.firstIndex(of: name)!] = internalValue(name, value) }
            starts.insert(caller, at: 0)
        }
        if !options.multiStart { starts = Array(starts.prefix(1)) }
        return (starts, callerFirst)
    }

    /// Where an estimated background starts: a quarter of the smallest observed rate, unless the caller
    /// started it.
    func backgroundStart(data: StartingData, options: FitOptions) -> Double? {
        guard backgroundIndex != nil, options.start["beta"] == nil else { return nil }
        return max(0.25 * (data.rates.min() ?? 0), 0)
    }
}
