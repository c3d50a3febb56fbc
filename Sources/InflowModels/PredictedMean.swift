import Foundation

/// An expected value of a fit (a mean, not a new observation) with its delta-method standard error and a
/// confidence interval made on the log scale, so that both ends stay positive:
/// `[m exp(-z s / m), m exp(z s / m)]` with `s` the standard error of `m` and `z` the normal quantile of the level.
///
/// The interval is for the mean curve only (parameter uncertainty); it does not hold new counts, which scatter
/// around the mean as the error family says (a projection's predictive interval does).
/// Values that cannot be computed (a singular covariance, a mean that is not positive) are NaN.
///
/// Reference: the delta method on `log m`, as R's `predict.glm(type = "link", se.fit = TRUE)` for a log link.
public struct PredictedMean: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The expected value `m`.
    public let mean: Double
    /// Its standard error `sqrt(grad m^T Sigma grad m)` (delta method).
    public let standardError: Double
    /// Lower end, `m exp(-z s / m)`.
    public let lower: Double
    /// Upper end, `m exp(z s / m)`.
    public let upper: Double

    /// A mean with its standard error and log-scale interval at the normal quantile `z`.
    /// - Complexity: O(1).
    public init(mean: Double, standardError: Double, z: Double) {
        self.mean = mean
        self.standardError = standardError
        if mean > 0 && standardError.isFinite {
            let spread = z * standardError / mean
            lower = mean * Foundation.exp(-spread)
            upper = mean * Foundation.exp(spread)
        } else {
            lower = .nan
            upper = .nan
        }
    }

    /// `208 (interval 195 to 222)`, numbers as ``Estimate`` prints them; `0 (no interval)` when the interval could
    /// not be computed.
    public var description: String {
        func text(_ x: Double) -> String { x.isFinite ? SizeBound.readable(x) : "not computed" }
        guard lower.isFinite || upper.isFinite else { return "\(text(mean)) (no interval)" }
        return "\(text(mean)) (interval \(text(lower)) to \(text(upper)))"
    }

    enum CodingKeys: String, CodingKey { case mean, standardError, lower, upper }

    /// Writes every key, `null` for a value that is not a finite number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        for (key, value) in [(CodingKeys.mean, mean), (.standardError, standardError), (.lower, lower), (.upper, upper)] {
            try container.encode(value.isFinite ? value : nil, forKey: key)
        }
    }

    /// Reads the keys ``encode(to:)`` writes (`null` as NaN).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys) throws -> Double { try container.decodeIfPresent(Double.self, forKey: key) ?? .nan }
        mean = try value(.mean)
        standardError = try value(.standardError)
        lower = try value(.lower)
        upper = try value(.upper)
    }
}
