/// How bootstrap replicates of the observed series are drawn.
public enum BootstrapMethod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Parametric bootstrap: each replicate's observations are drawn from the fitted model
    /// with its error family (Poisson, NB2 with the fitted theta, or Normal with the
    /// residual variance), then refitted (Chowell 2017; GrowthPredict).
    case parametric
    /// Moving-block bootstrap of Pearson residuals `r_i = (y_i - mu_i) / sqrt(V(mu_i))`:
    /// blocks of this many consecutive residuals are resampled with replacement and put back
    /// on the fitted means, `y*_i = max(mu_i + r*_i sqrt(V(mu_i)), 0)`, which keeps serial
    /// correlation and overdispersion the error family may miss (Künsch 1989).
    case block(length: Int)

    /// In words: "parametric", "moving blocks of 7 Pearson residuals".
    public var description: String {
        switch self {
        case .parametric: "parametric"
        case .block(let length): "moving blocks of \(length) Pearson residuals"
        }
    }
}
