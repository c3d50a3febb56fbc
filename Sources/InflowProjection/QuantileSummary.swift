import InflowCore
import InflowModels
import InflowStatistics

/// Mean, median and quantiles of one predictive distribution (one target, one period).
public struct QuantileSummary: Sendable, Equatable, Codable {
    /// Quantile levels.
    public let levels: [Double]
    /// Quantiles at ``levels`` (type 7 sample quantiles).
    public let values: [Double]
    /// Sample mean.
    public let mean: Double
    /// Sample median.
    public let median: Double
    /// What the values are (counts, a remaining pool, any number), for ``description``; a projection's summaries
    /// say it, a summary of another sample is a ``Quantity-swift.enum/number`` unless told.
    public var quantity: Quantity

    /// Summarises a sample; NaN values (failed replicates) are left out.
    /// - Parameters:
    ///   - sample: the draws.
    ///   - levels: the quantile levels to keep (default the 23 forecast hub levels).
    ///   - quantity: what the draws are, for ``description`` (default any number).
    public init(sample: some Sequence<Double>, levels: [Double] = Quantiles.forecastHubLevels, quantity: Quantity = .number) {
        let sorted = sample.filter { !$0.isNaN }.sorted()
        self.levels = levels
        self.quantity = quantity
        if sorted.isEmpty {
            values = levels.map { _ in .nan }
            mean = .nan
            median = .nan
        } else {
            values = levels.map { Quantiles.quantile(sorted: sorted, $0) }
            mean = sorted.reduce(0, +) / Double(sorted.count)
            median = Quantiles.quantile(sorted: sorted, 0.5)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case levels, values, mean, median, quantity
    }

    /// Reads what `encode(to:)` writes; a summary saved before summaries said what they count reads as a
    /// ``Quantity-swift.enum/number``.
    /// - Throws: `DecodingError` when a field is missing or malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        levels = try container.decode([Double].self, forKey: .levels)
        values = try container.decode([Double].self, forKey: .values)
        mean = try container.decode(Double.self, forKey: .mean)
        median = try container.decode(Double.self, forKey: .median)
        quantity = try container.decodeIfPresent(Quantity.self, forKey: .quantity) ?? .number
    }

    /// The quantile at `level` (which must be one of ``levels``).
    public func quantile(_ level: Double) -> Double? {
        levels.firstIndex { abs($0 - level) < 1e-12 }.map { values[$0] }
    }

    /// The central interval of the given coverage (e.g. 0.9 gives the 0.05 and 0.95 quantiles).
    public func interval(_ coverage: Double) -> (lower: Double, upper: Double)? {
        guard let lower = quantile((1 - coverage) / 2), let upper = quantile((1 + coverage) / 2) else { return nil }
        return (lower, upper)
    }

    /// The central interval of the given coverage as a ``/InflowModels/SizeBound`` for a number of people when
    /// `observed` have been counted: only a lower bound when its upper end is not one the data give
    /// (`remaining`: a remaining pool, judged by the final size it implies).
    public func sizeBound(coverage: Double, observed: Double, remaining: Bool = false) -> SizeBound {
        guard let (lower, upper) = interval(coverage) else { return .atLeast(0) }
        return SizeBound(lower: lower, upper: upper, observed: observed, remaining: remaining)
    }
}

extension QuantileSummary: CustomStringConvertible {
    /// The median and the central 90% interval, as ``quantity`` says:
    ///
    /// - counts and a remaining pool print whole arrivals with thousands separators: `468 (90%: 152 to 2,022)`;
    /// - any other number prints whole from 100 up and to three significant digits below: `0.5 (90%: 0.05 to 0.95)`;
    /// - a remaining pool whose upper end the data do not give (``sizeBound(coverage:observed:remaining:)``) prints
    ///   `not determined by these data (at least 32)`.
    ///
    /// A summary without a finite median (no usable draws, a family without a final size) prints `n/a`; without a
    /// finite 90% interval (its levels are not among ``levels``), the median alone.
    public var description: String {
        func text(_ value: Double) -> String {
            switch quantity {
            case .number: CountText.readable(value)
            case .count, .remainingPool: CountText.whole(value)
            }
        }
        guard median.isFinite else { return "n/a" }
        let central = interval(0.9)
        if case .remainingPool(let observed) = quantity, let (lower, upper) = central {
            let bound = SizeBound(lower: lower, upper: upper, observed: observed, remaining: true)
            if !bound.isDetermined { return bound.description }
        }
        guard let (lower, upper) = central, lower.isFinite, upper.isFinite else { return text(median) }
        return "\(text(median)) (90%: \(text(lower)) to \(text(upper)))"
    }
}
