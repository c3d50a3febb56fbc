import InflowStatistics

/// The background (arrivals unrelated to the surge) of the keys' total, with its uncertainty, and how it is
/// shared among the keys: replicate `b` draws the total rate `beta_b` and the keys' shares
/// `s_b ~ Dirichlet(concentrations)`, and key `k`'s background in that replicate is `beta_b s_kb`.
///
/// The total rate's uncertainty comes from the total's fit (an estimated rate's standard error) or from what
/// the data file states (a range, drawn uniformly, as the total's own projection does). The shares'
/// concentrations are each key's arrivals so far plus one half (Jeffreys), so a key that has had arrivals
/// takes its observed share of the background and a key without any keeps a small, uncertain one.
public struct BackgroundSplit: Sendable, Equatable {
    /// The total background rate, per day.
    public enum Rate: Sendable, Equatable {
        /// Known.
        case fixed(Double)
        /// Estimated: normal around the estimate with its standard error, truncated at zero.
        case normal(mean: Double, standardDeviation: Double)
        /// Stated as a range: uniform on it.
        case uniform(lower: Double, upper: Double)

        /// The rate every fit holds: the fixed value, the estimate or the range's midpoint.
        public var central: Double {
            switch self {
            case .fixed(let rate): rate
            case .normal(let mean, _): mean
            case .uniform(let lower, let upper): (lower + upper) / 2
            }
        }
    }

    /// The total rate.
    public let rate: Rate
    /// The Dirichlet concentrations of the keys' shares.
    public let concentrations: [Double]

    /// A split of `rate` among keys that have observed `observed` arrivals so far.
    public init(rate: Rate, observed: [Double]) {
        self.rate = rate
        concentrations = observed.map { max($0, 0) + 0.5 }
    }

    /// Each key's background at the central rate and the keys' expected shares.
    public var central: [Double] {
        let sum = concentrations.reduce(0, +)
        return concentrations.map { rate.central * $0 / sum }
    }

    /// One replicate's total rate.
    public func drawRate<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        switch rate {
        case .fixed(let value):
            return value
        case .normal(let mean, let sd):
            return max(mean + (sd.isFinite ? sd : 0) * Normal.standardSample(using: &generator), 0)
        case .uniform(let lower, let upper):
            return lower + (upper - lower) * generator.nextUniform()
        }
    }

    /// Key `k`'s unnormalised share in one replicate, a Gamma(`concentrations[k]`) draw; the shares are these
    /// over their sum (so each key's draw can come from its own stream).
    public func drawShare<G: RandomNumberGenerator>(key k: Int, using generator: inout G) -> Double {
        Gamma.standardSample(shape: concentrations[k], using: &generator)
    }
}
