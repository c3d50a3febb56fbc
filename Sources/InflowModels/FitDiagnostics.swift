import Foundation

/// How well a fit's error family and curve describe the data: dispersion, runs of residual signs and the PIT of
/// the observed counts (``CurveFit/diagnostics(seed:)``, ``LogLinearFit/diagnostics(seed:)``).
///
/// - ``dispersion``: `X^2 / (n - p)`, the Pearson chi-square over the residual degrees of freedom (`p` the free
///   mean parameters: curve, background or coefficients; not `theta`). Near 1 when the variance function fits;
///   well above 1 means more scatter than the error family allows (intervals too narrow).
/// - ``runs``: the Wald–Wolfowitz test of the signs of the Pearson residuals in time order (``RunsTest``): too few
///   runs mean the curve misses the data's shape.
/// - ``midPIT``: `(F(y - 1) + F(y)) / 2` for each count under its fitted distribution, uniform on average when
///   the model is right; ``outerPITShare`` is the share below 0.1 or above 0.9 (0.2 expected).
///
/// Reference: Dunn & Smyth (1996) for quantile residuals; Czado, Gneiting & Held, *Biometrics* 65 (2009) for the
/// PIT of counts.
public struct FitDiagnostics: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The model.
    public let model: ModelID
    /// Observations `n`.
    public let observations: Int
    /// Residual degrees of freedom `n - p`.
    public let degreesOfFreedom: Int
    /// Pearson chi-square `X^2`.
    public let pearsonChiSquare: Double
    /// `X^2 / (n - p)`.
    public let dispersion: Double
    /// Runs of the signs of the Pearson residuals.
    public let runs: RunsTest
    /// Mid-PIT values of the observations.
    public let midPIT: [Double]
    /// Randomised PIT values (the uniforms behind the quantile residuals).
    public let randomisedPIT: [Double]

    /// Diagnostics from residuals and the residual degrees of freedom.
    /// - Complexity: O(n).
    public init(model: ModelID, residuals: FitResiduals, degreesOfFreedom: Int) {
        self.model = model
        observations = residuals.observed.count
        self.degreesOfFreedom = degreesOfFreedom
        pearsonChiSquare = residuals.pearson.reduce(0) { $0 + $1 * $1 }
        dispersion = degreesOfFreedom > 0 ? pearsonChiSquare / Double(degreesOfFreedom) : .nan
        runs = RunsTest(signsOf: residuals.pearson)
        midPIT = residuals.midPIT
        randomisedPIT = residuals.randomisedPIT
    }

    /// Share of mid-PIT values below 0.1 or above 0.9 (0.2 when the model is right; more means counts in the
    /// fitted distribution's tails, intervals too narrow).
    public var outerPITShare: Double {
        guard !midPIT.isEmpty else { return .nan }
        return Double(midPIT.filter { $0 < 0.1 || $0 > 0.9 }.count) / Double(midPIT.count)
    }

    /// Three sentences: dispersion, runs, PIT, each with what it means.
    public var description: String {
        let spread: String
        if dispersion.isNaN {
            spread = "no residual degrees of freedom"
        } else if dispersion > 1.5 {
            spread = "the counts vary more than the error family allows"
        } else if dispersion < 0.67 {
            spread = "the counts vary less than the error family allows"
        } else {
            spread = "consistent with the error family"
        }
        var shape = "no sign of a missed shape"
        if !runs.z.isNaN && runs.pValue < 0.05 {
            shape = runs.z < 0 ? "residuals stay on one side for long stretches: the curve misses the data's shape"
                : "residuals alternate more often than chance"
        }
        let outer = outerPITShare
        let tails = outer > 0.3 ? "more counts in the fitted tails than a right model gives" : "as a right model gives"
        return [
            "\(model): dispersion \(String(format: "%.2f", dispersion)) (Pearson chi-square \(String(format: "%.1f", pearsonChiSquare)) on \(degreesOfFreedom) df): \(spread).",
            "\(runs.description): \(shape).",
            String(format: "PIT: %.0f%% of the %d observations in the outer tenths (20%% expected): ", outer * 100, observations) + tails + ".",
        ].joined(separator: "\n")
    }
}
