import Foundation
import InflowCore
import InflowModels
import InflowStatistics

/// Keyed daily counts simulated from one logistic shape shared by every key, each key with its own size,
/// NB2 noise with a shared dispersion: the model ``InflowHierarchy/PartialPooling`` fits.
struct SimulatedHierarchy {
    static let rate = 0.45
    static let midpoint = 9.0
    static let theta = 15.0

    let sizes: [Double]
    let days: Int
    let seed: UInt64

    /// Each key's daily counts over days `1...days` (interval `(d - 1, d]`).
    func counts() -> [[Double]] {
        var generator = RandomStreams(seed: seed).generator(series: 0, replicate: 0)
        return sizes.map { size in
            (1...days).map { day in
                let mean = size * (Self.unitCurve(Double(day)) - Self.unitCurve(Double(day - 1)))
                guard mean > 0 else { return 0 }
                let gamma = Gamma.standardSample(shape: Self.theta, using: &generator)
                return Double(Poisson.sample(mean: mean * gamma / Self.theta, using: &generator))
            }
        }
    }

    /// The logistic of one person.
    static func unitCurve(_ t: Double) -> Double { 1 / (1 + exp(-rate * (t - midpoint))) }

    /// The keys as prepared observations, named `key 1`, `key 2`, ...
    func keys() -> [(name: String, observations: PreparedObservations)] {
        counts().enumerated().map { index, values in
            let series = InflowSeries(name: "key \(index + 1)", kind: .counts,
                                      days: (1...days).map(Double.init), values: values)
            return (series.name, series.prepared())
        }
    }

    /// The logistic parameters of the keys' total, a start for the shared shape.
    var totalStart: SIMD8<Double> {
        var start = SIMD8<Double>.zero
        start[0] = sizes.reduce(0, +)
        start[1] = Self.rate
        start[2] = Self.midpoint
        return start
    }
}
