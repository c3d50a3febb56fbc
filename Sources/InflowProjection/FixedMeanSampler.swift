import InflowStatistics

/// Draws observations around fixed means again and again, as a parametric bootstrap does: replicate
/// b's observation i always comes from the same fitted distribution, so each count distribution gets
/// an ``InversionSampler`` table once (a few ns per draw instead of a Gamma and a Poisson variate).
/// Gaussian noise, and count distributions too wide for a table, fall back to
/// ``ObservationNoise/draw(mean:using:)``.
///
/// Draws are exact for every family (the tables leave out at most 2^-60 of the mass), one uniform per
/// tabled draw, so replicate results stay a function of the replicate's own stream.
/// - Complexity: building O(sum of the table sizes, about mean + 40 standard deviations each);
///   a draw O(1) expected.
struct FixedMeanSampler: Sendable {
    let noise: ObservationNoise
    let means: [Double]
    let tables: [InversionSampler?]

    init(noise: ObservationNoise, means: [Double]) {
        self.noise = noise
        self.means = means
        tables = means.map { noise.inversionSampler(mean: $0) }
    }

    /// A draw of observation `index`.
    @inline(__always)
    func draw<G: RandomNumberGenerator>(_ index: Int, using generator: inout G) -> Double {
        if let table = tables[index] { return Double(table.sample(using: &generator)) }
        return noise.draw(mean: means[index], using: &generator)
    }
}
