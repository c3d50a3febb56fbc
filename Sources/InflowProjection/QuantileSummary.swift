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

    /// Summarises a sample; NaN values (failed replicates) are left out.
    public init(sample: some Sequence<Double>, levels: [Double] = Quantiles.forecastHubLevels) {
        let sorted = sample.filter { !$0.isNaN }.sorted()
        self.levels = levels
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
    /// The median and the central 90% interval, rounded to whole numbers with thousands separators when they are
    /// counts of a hundred or more, to three significant digits otherwise: `468 (90%: 152 to 2,022)`.
    public var description: String {
        func text(_ value: Double) -> String {
            guard value.isFinite else { return "n/a" }
            return SizeBound.readable(value)
        }
        guard let (lower, upper) = interval(0.9), lower.isFinite, upper.isFinite else { return text(median) }
        return "\(text(median)) (90%: \(text(lower)) to \(text(upper)))"
    }
}

