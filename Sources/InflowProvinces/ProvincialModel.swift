import Foundation
import InflowCore
import InflowData
import InflowModels

/// The provincial inflow model: where the people arriving at the site were released, and when they will come.
///
/// Arrivals at the site are the sum over origin provinces `p` of a pool `N s_p` released from an onset
/// `tau_p` with a constant hazard `h`, each person then travelling for a gamma-distributed time whose mean
/// grows with road distance (``TravelDelay``), plus a background flow `b`:
///
///     E[arrivals in (t1, t2]] = b (t2 - t1) + N sum_p s_p (F_p(t2 - tau_p) - F_p(t1 - tau_p))
///
/// (``ProvincialRelease``). The onset is common unless a known event (``ReleaseEvents``) fixes a
/// province's. The shares `s` have a Dirichlet prior (``ProvinceShares``: the gazetteer's concentrations or a
/// shares file): written as independent pools `lambda_p = N s_p ~ Gamma(alpha_p, beta)` with
/// `alpha_p = c s_p^prior` (concentration `c`) and `beta = c / N`, so that `s = lambda / sum lambda` is
/// Dirichlet(`alpha`). Province-level counts `n_p` then update each pool conjugately:
/// `lambda_p | n ~ Gamma(alpha_p + n_p, beta + E_p)`, where `E_p` is the expected fraction of province
/// `p`'s pool counted so far (the Poisson–gamma model). The delay's `a` and `v` get a grid posterior
/// (``DelayPrior``) from the counts' marginal (negative binomial) likelihood and their timing.
///
/// What national counts alone determine: `N`, `h` and the common onset (fitted by maximum likelihood as any
/// other curve, with the shares at their prior means and the delay at its prior median). They do not
/// separate provinces: without province-level counts every province's numbers follow its prior share and
/// are labelled so (``ShareBasis/prior``).
///
/// References: the gamma–Poisson conjugate update and the Dirichlet as normalised gammas (Gelman et al.,
/// *Bayesian Data Analysis*, 3rd ed., sections 2.6 and 23.2); delay convolution as in EpiNow2 (Abbott et
/// al., 2020).
public struct ProvincialModel: Sendable {
    /// The provinces, in gazetteer order.
    public let provinces: [Province]
    /// The prior shares.
    public let shares: ProvinceShares
    /// Alternative share files, for the sensitivity of each province's numbers to the prior.
    public let alternatives: [ProvinceShares]
    /// Known release dates by ISO code.
    public let onsets: [String: Date]
    /// The travel delay prior.
    public let delayPrior: DelayPrior

    /// Prior pseudo-count given to a province that has counts but no prior share, so that its gamma pool is proper.
    public static let observedFloor = 0.01

    /// A provincial model of `gazetteer`'s provinces; the shares default to the gazetteer's concentrations
    /// (``InflowData/ProvinceShares/gazetteerPrior(_:concentration:)``).
    public init(gazetteer: ProvinceGazetteer, shares: ProvinceShares? = nil, alternatives: [ProvinceShares] = [],
                events: ReleaseEvents? = nil, delayPrior: DelayPrior = .planningDefault) {
        provinces = gazetteer.provinces
        self.shares = shares ?? ProvinceShares.gazetteerPrior(gazetteer)
        self.alternatives = alternatives
        var onsets: [String: Date] = [:]
        for event in events?.events ?? [] { onsets[event.isoCode] = event.date }
        self.onsets = onsets
        self.delayPrior = delayPrior
    }

    /// The ISO codes in province order.
    public var codes: [String] { provinces.map(\.isoCode) }

    /// The Dirichlet parameters `alpha_p = c s_p` of `shares` in province order (0 for a province it leaves out).
    public func concentrations(_ shares: ProvinceShares) -> [Double] {
        codes.map { shares.concentration * (shares.shares[$0] ?? 0) }
    }

    /// The national curve family for travel delay `delay` and pool weights `weights` (province order), with
    /// event onsets in days since `origin`.
    public func family(delay: TravelDelay, weights: [Double], origin: Date) -> ProvincialRelease {
        let origins = provinces.indices.map { index in
            let province = provinces[index]
            return ReleaseOrigin(code: province.isoCode, share: weights[index],
                                 meanDelay: delay.meanDays(kilometres: province.roadKilometresToPhnomPenh),
                                 fixedOnset: onsets[province.isoCode].map { $0.timeIntervalSince(origin) / InflowSeries.secondsPerDay })
        }
        return ProvincialRelease(origins: origins, delayShape: delay.shape)
    }

    /// Fits the model to the site's series `site`, updated by the province-level `counts` when there are any.
    ///
    /// Steps: (1) fit `N`, `h`, `t0` (and the background and dispersion as `options` say) with the shares at
    /// their prior means and the delay at the prior median; (2) with counts, weigh the delay grid by the
    /// counts' likelihood at that fit, move the delay to the posterior mode and the shares to their posterior
    /// means, refit, and weigh the grid again. Without counts the grid keeps its prior weights.
    /// - Complexity: one or two curve fits of ``ProvincialRelease``, plus O(grid nodes x provinces x count
    ///   intervals) distribution evaluations with counts.
    public func fit(_ site: InflowSeries, counts: ProvinceCounts?, error: ErrorFamily,
                    options: FitOptions) throws(ProvincialError) -> ProvincialFit {
        let alpha = concentrations(shares)
        let observed = counts?.codes ?? []
        guard alpha.contains(where: { $0 > 0 }) || !observed.isEmpty else { throw .noShares(source: shares.source) }
        var delay = delayPrior.median
        var weights = alpha
        var fit = try fitNational(site, delay: delay, weights: weights, error: error, options: options)
        var posterior = DelayPosterior(nodes: delayPrior.grid().map(\.delay), logWeights: delayPrior.grid().map(\.logPrior),
                                       isInformedByCounts: false)
        if let counts, !observed.isEmpty {
            posterior = delayPosterior(fit, counts: counts, alpha: alpha, origin: site.origin)
            delay = posterior.mode
            weights = ProvincialFit.poolMeans(model: self, fit: fit, delay: delay, counts: counts, alpha: alpha,
                                              origin: site.origin)
            fit = try fitNational(site, delay: delay, weights: weights, error: error, options: options)
            posterior = delayPosterior(fit, counts: counts, alpha: alpha, origin: site.origin)
        }
        return ProvincialFit(model: self, fit: fit, delay: posterior, counts: counts, origin: site.origin)
    }

    private func fitNational(_ site: InflowSeries, delay: TravelDelay, weights: [Double], error: ErrorFamily,
                             options: FitOptions) throws(ProvincialError) -> CurveFit {
        let family = self.family(delay: delay, weights: weights.map { max($0, 0) }, origin: site.origin)
        var options = options
        if family.onsetIsUnused {
            options.fixed["t0"] = family.origins.compactMap(\.fixedOnset).min() ?? 0
        }
        do {
            return try family.fit(site, error: error, options: options)
        } catch {
            throw .fitFailed("\(error)")
        }
    }

    /// The delay grid weighted by the counts' likelihood at `fit`'s `N`, `h`, `t0` and background (see
    /// ``ProvincialFit/countLogLikelihood(delay:counts:alpha:)``) times the prior.
    func delayPosterior(_ fit: CurveFit, counts: ProvinceCounts, alpha: [Double], origin: Date) -> DelayPosterior {
        let grid = delayPrior.grid()
        let probe = ProvincialFit(model: self, fit: fit, delay: DelayPosterior(nodes: [delayPrior.median], logWeights: [0],
                                                                                isInformedByCounts: false),
                                  counts: counts, origin: origin)
        let logWeights = grid.map { $0.logPrior + probe.countLogLikelihood(delay: $0.delay, counts: counts, alpha: alpha) }
        return DelayPosterior(nodes: grid.map(\.delay), logWeights: logWeights, isInformedByCounts: true)
    }
}
