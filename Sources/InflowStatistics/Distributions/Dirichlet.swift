import RealModule

/// The Dirichlet distribution on the probability simplex with concentrations α₁, …, α_k > 0.
///
/// - `log f(x) = log Γ(α₀) − Σ log Γ(αᵢ) + Σ (αᵢ − 1) log xᵢ`, α₀ = Σ αᵢ, for x on the simplex
///   (non-negative, summing to 1 within 10⁻¹⁰·k); `−∞` off it;
/// - mean `αᵢ/α₀`, variance `αᵢ(α₀ − αᵢ) / (α₀²(α₀ + 1))`;
/// - sampling: normalised independent gammas `Gᵢ / Σ Gⱼ`, done in logarithms
///   (`exp(log Gᵢ − max) / Σ exp(log Gⱼ − max)`) so that tiny concentrations do not underflow to 0/0.
///
/// - Complexity: O(k) per draw and per density.
/// - Reference: L. Devroye, *Non-Uniform Random Variate Generation*, 1986, §XI.4.
public struct Dirichlet: Sendable, Hashable {
    /// The concentrations αᵢ.
    public let concentrations: [Double]
    /// α₀ = Σ αᵢ.
    public let totalConcentration: Double
    @usableFromInline let logNormaliser: Double

    /// Creates Dirichlet(concentrations).
    /// - Throws: ``DistributionError`` unless there are at least two concentrations, all finite and positive.
    public init(concentrations: [Double]) throws(DistributionError) {
        guard concentrations.count >= 2 else {
            throw .invalidVector(name: "concentrations", reason: "at least two are needed, got \(concentrations.count)")
        }
        if let index = concentrations.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
            throw .invalidVector(
                name: "concentrations",
                reason: "element \(index) is \(concentrations[index]); every concentration must be finite and positive")
        }
        self.concentrations = concentrations
        let total = concentrations.reduce(0, +)
        self.totalConcentration = total
        self.logNormaliser = Double.logGamma(total) - concentrations.reduce(0) { $0 + Double.logGamma($1) }
    }

    /// The dimension k.
    public var dimension: Int { concentrations.count }
    /// `αᵢ/α₀`.
    public var means: [Double] { concentrations.map { $0 / totalConcentration } }
    /// `αᵢ(α₀ − αᵢ) / (α₀²(α₀ + 1))`.
    public var variances: [Double] {
        let a0 = totalConcentration
        return concentrations.map { $0 * (a0 - $0) / (a0 * a0 * (a0 + 1)) }
    }

    /// `log f(x)`.
    /// - Precondition: `x.count == dimension`.
    public func logDensity(_ x: [Double]) -> Double {
        precondition(x.count == concentrations.count, "expected \(concentrations.count) coordinates, got \(x.count)")
        var total = 0.0
        var result = logNormaliser
        for (value, alpha) in zip(x, concentrations) {
            guard value >= 0, value <= 1 else { return -.infinity }
            total += value
            if value == 0 {
                if alpha < 1 { result = .infinity } else if alpha > 1 { return -.infinity }
                continue
            }
            result += (alpha - 1) * Double.log(value)
        }
        guard Swift.abs(total - 1) <= 1e-10 * Double(x.count) else { return -.infinity }
        return result
    }

    /// One draw: a probability vector of `dimension` components.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Double] {
        var logs = concentrations.map { Gamma.logStandardSample(shape: $0, using: &generator) }
        let largest = logs.max() ?? 0
        var sum = 0.0
        for index in logs.indices {
            logs[index] = Double.exp(logs[index] - largest)
            sum += logs[index]
        }
        for index in logs.indices {
            logs[index] /= sum
        }
        return logs
    }
}
