import Foundation
import InflowModels
import InflowStatistics

/// Draws an observation around a mean under an error family.
///
/// Poisson: `Poisson(mu)`; NB2: the Poisson–Gamma mixture `Poisson(mu G / theta)` with
/// `G ~ Gamma(theta, 1)`, whose variance is `mu + mu^2 / theta`; Gaussian: `mu + sigma Z`;
/// quasi-Poisson (variance `phi mu`): NB2 with the same variance at this mean,
/// `theta = mu / (phi - 1)` when `phi > 1`, else Poisson. Means that are not finite or are
/// negative give NaN.
struct ObservationNoise: Sendable {
    let error: ErrorFamily
    /// NB2 theta, or the Gaussian standard deviation, or the quasi-Poisson phi.
    let parameter: Double

    @inline(__always)
    func draw<G: RandomNumberGenerator>(mean: Double, using generator: inout G) -> Double {
        guard mean.isFinite, mean >= 0 else { return .nan }
        switch error {
        case .gaussian:
            return mean + parameter * Normal.standardSample(using: &generator)
        case .poisson:
            return Double(Poisson.sample(mean: mean, using: &generator))
        case .negativeBinomial:
            return Self.negativeBinomial(mean: mean, theta: parameter, using: &generator)
        case .quasiPoisson:
            guard parameter > 1, mean > 0 else { return Double(Poisson.sample(mean: mean, using: &generator)) }
            return Self.negativeBinomial(mean: mean, theta: mean / (parameter - 1), using: &generator)
        }
    }

    @inline(__always)
    static func negativeBinomial<G: RandomNumberGenerator>(mean: Double, theta: Double, using generator: inout G) -> Double {
        guard mean > 0 else { return 0 }
        let gamma = Gamma.standardSample(shape: theta, using: &generator)
        return Double(Poisson.sample(mean: mean * gamma / theta, using: &generator))
    }

    /// The inversion table of the count distribution at `mean` (for many draws at that mean), or
    /// `nil` for Gaussian noise, an invalid mean or a support too wide for a table.
    func inversionSampler(mean: Double) -> InversionSampler? {
        guard mean.isFinite, mean >= 0 else { return nil }
        switch error {
        case .gaussian: return nil
        case .poisson: return .poisson(mean: mean)
        case .negativeBinomial: return .negativeBinomial(mean: mean, dispersion: parameter)
        case .quasiPoisson:
            guard parameter > 1, mean > 0 else { return .poisson(mean: mean) }
            return .negativeBinomial(mean: mean, dispersion: mean / (parameter - 1))
        }
    }

    /// `Var(y)` at a mean (for Pearson residuals).
    func variance(mean: Double) -> Double {
        switch error {
        case .gaussian: parameter * parameter
        case .poisson: mean
        case .negativeBinomial: mean + mean * mean / parameter
        case .quasiPoisson: parameter * mean
        }
    }
}

extension CurveFit {
    /// The observation noise of the fitted model.
    var noise: ObservationNoise {
        switch error {
        case .gaussian: ObservationNoise(error: .gaussian, parameter: dispersion.squareRoot())
        case .poisson: ObservationNoise(error: .poisson, parameter: 0)
        case .negativeBinomial: ObservationNoise(error: .negativeBinomial, parameter: parameters["theta"]!)
        case .quasiPoisson: ObservationNoise(error: .quasiPoisson, parameter: dispersion)
        }
    }
}
