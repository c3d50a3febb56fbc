import InflowCore
import Foundation
import InflowModels
import InflowStatistics

/// Draws synthetic series from a curve family with known parameters and an error family,
/// for calibration studies, tests and training.
///
/// Day d's count (period `[d, d + 1)`, d = 0..<days) is drawn around
/// `C(d + 1) - C(d) + beta`: Poisson, NB2 with `theta`, or Gaussian with standard deviation
/// `theta` for level data (then the value is `C(d + 1)` plus noise).
public struct Simulator: Sendable {
    /// The family.
    public let family: any CurveFamily
    /// Its parameters (in the family's order).
    public let parameters: [Double]
    /// The error family.
    public let error: ErrorFamily
    /// NB2 theta, the Gaussian standard deviation, or the quasi-Poisson phi.
    public let noiseParameter: Double
    /// Background arrivals per day.
    public let background: Double

    /// A simulator; the arguments are the properties of the same names.
    public init(family: any CurveFamily, parameters: [Double], error: ErrorFamily, noiseParameter: Double = 0,
                background: Double = 0) {
        precondition(parameters.count == family.parameterCount,
                     "\(family.name) takes \(family.parameterCount) parameters, got \(parameters.count)")
        self.family = family
        self.parameters = parameters
        self.error = error
        self.noiseParameter = noiseParameter
        self.background = background
    }

    /// The expected count of each day `0..<days`.
    public func means(days: Int) -> [Double] {
        var theta = SIMD8<Double>.zero
        for (j, value) in parameters.enumerated() { theta[j] = value }
        var values = [Double](repeating: 0, count: days + 1)
        family.cumulative(at: (0...days).map(Double.init), theta, into: &values)
        return (0..<days).map { max(values[$0 + 1] - values[$0] + background, 0) }
    }

    /// A series of `days` daily counts (or levels) starting at `origin`, from stream `seed`.
    public func simulate(days: Int, seed: UInt64, origin: Date = Date(timeIntervalSince1970: 0),
                         name: String = "simulated") -> InflowSeries {
        var generator = Xoshiro256StarStar(seed: seed)
        let noise = ObservationNoise(error: error, parameter: noiseParameter)
        let times = (0..<days).map { origin.addingTimeInterval(Double($0) * 86_400) }
        if error == .gaussian {
            var theta = SIMD8<Double>.zero
            for (j, value) in parameters.enumerated() { theta[j] = value }
            let values = (0..<days).map { family.cumulative(at: Double($0 + 1), theta) + background * Double($0 + 1) }
            return InflowSeries(name: name, kind: .level, origin: origin,
                                times: times.map { $0.addingTimeInterval(86_400) },
                                values: values.map { Optional(noise.draw(mean: $0, using: &generator)) })
        }
        let counts = means(days: days).map { Optional(noise.draw(mean: $0, using: &generator)) }
        return InflowSeries(name: name, kind: .counts, origin: origin, times: times, values: counts)
    }

    /// Totals of the daily counts over the first `h` days after day `day` for each horizon `h` in
    /// `horizons`, on `paths` simulated continuations (the true process's own predictive distribution of
    /// those totals): `result[h][path]`. Path p draws from stream `(seed, p)`.
    public func futureTotals(after day: Int, horizons: [Int], paths: Int, seed: UInt64) -> [[Double]] {
        let longest = horizons.max() ?? 0
        let means = Array(self.means(days: day + longest).suffix(longest))
        let noise = ObservationNoise(error: error, parameter: noiseParameter)
        let streams = RandomStreams(seed: seed)
        var totals = horizons.map { _ in [Double](repeating: 0, count: paths) }
        for p in 0..<paths {
            var generator = streams.stream(UInt64(p))
            var running = 0.0
            var next = 0
            let order = horizons.enumerated().sorted { $0.element < $1.element }
            for (d, mean) in means.enumerated() {
                running += noise.draw(mean: mean, using: &generator)
                while next < order.count && order[next].element == d + 1 {
                    totals[order[next].offset][p] = running
                    next += 1
                }
            }
        }
        return totals
    }
}
