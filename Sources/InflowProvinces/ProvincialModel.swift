import Foundation
import InflowCore
import InflowData
import InflowModels

/// The provincial inflow model: where the people arriving at the site were released, and when they will come.
///
/// Arrivals at the site are the sum over origin provinces `p` of a pool `N s_p` released from an onset
/// `tau_p` with a constant hazard `h`, each person then travelling for a gamma-distributed time whose mean
/// grows with road distance (``/InflowModels/TravelDelay``), plus a background flow `b`:
///
///     E[arrivals in (t1, t2]] = b (t2 - t1) + N sum_p s_p (F_p(t2 - tau_p) - F_p(t1 - tau_p))
///
/// (``/InflowModels/ProvincialRelease``). The onset is common unless a known event (``/InflowData/ReleaseEvents``) fixes a
/// province's. The shares `s` have a Dirichlet prior (``/InflowData/ProvinceShares``: the gazetteer's concentrations or a
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
    /// (``/InflowData/ProvinceShares/gazetteerPrior(_:concentration:)``).
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
    /// The days lost before travelling `a` and the common onset `t0` trade off against each other, so the
    /// national fit is profiled over `a`: for each node of ``DelayPrior/fixedDaysAxis(nodes:)`` the family is
    /// fitted (`N`, `h`, `t0`, and the background and dispersion as `options` say) with the shares at their
    /// prior (or, with counts, posterior) means, and each grid node `(a, v)` is weighted by
    ///
    ///     log prior(a, v) + log L_national(a) + log L_counts(a, v | the fit at a)
    ///
    /// (the last term only with counts; ``ProvincialFit/countLogLikelihood(delay:counts:alpha:national:)``). The
    /// national likelihood is taken at `v`'s prior median, or, with counts, at the speed the counts point to
    /// given the fit at the prior medians (a first pass), since national counts hardly tell speeds apart.
    /// - Complexity: ``DelayPrior/fixedDaysNodes`` (+1 with counts) curve fits of ``/InflowModels/ProvincialRelease``, plus
    ///   O(grid nodes x provinces x count intervals) distribution evaluations with counts.
    public func fit(_ site: InflowSeries, counts: ProvinceCounts?, error: ErrorFamily,
                    options: FitOptions) throws(ProvincialError) -> ProvincialFit {
        let alpha = concentrations(shares)
        let observed = counts?.codes ?? []
        guard alpha.contains(where: { $0 > 0 }) || !observed.isEmpty else { throw .noShares(source: shares.source) }
        let informed = counts.map { $0.coverage != nil } ?? false
        let speeds = delayPrior.speedAxis()
        var speed = delayPrior.median.kilometresPerDay
        var weights = alpha
        var start: FitOptions = options
        if let counts, informed {
            // First pass: the speed and the pools the counts point to, given the fit at the prior medians.
            let first = try fitNational(site, delay: delayPrior.median, weights: alpha, error: error, options: options)
            let probe = ProvincialFit(model: self, fits: [first], delay: DelayPosterior(nodes: [delayPrior.median], logWeights: [0],
                                                                                         isInformedByCounts: false),
                                      counts: counts, origin: site.origin)
            // Each speed's weight once (a comparator would evaluate the likelihood twice per comparison).
            let scored = speeds.map { node in
                (speed: node.value, weight: node.logPrior + probe.countLogLikelihood(
                    delay: delay(a: delayPrior.median.fixedDays, v: node.value), counts: counts, alpha: alpha, national: first))
            }
            speed = scored.max { $0.weight < $1.weight }!.speed
            weights = probe.poolMeans(delay: delay(a: delayPrior.median.fixedDays, v: speed), alpha: alpha, national: first)
            start = Self.startingFrom(first, options: options)
        }
        var fits: [CurveFit] = []
        var nodes: [TravelDelay] = []
        var logWeights: [Double] = []
        var fitIndexes: [Int] = []
        var lastError: ProvincialError?
        for (a, aPrior) in delayPrior.fixedDaysAxis() {
            let national: CurveFit
            do {
                national = try fitNational(site, delay: delay(a: a, v: speed), weights: weights, error: error, options: start)
            } catch {
                lastError = error
                continue
            }
            guard let nationalLogLikelihood = national.logLikelihood, nationalLogLikelihood.isFinite else { continue }
            let probe = ProvincialFit(model: self, fits: [national], delay: DelayPosterior(nodes: [delayPrior.median],
                                                                                            logWeights: [0], isInformedByCounts: false),
                                      counts: counts, origin: site.origin)
            fits.append(national)
            start = Self.startingFrom(national, options: options)
            for (v, vPrior) in speeds {
                let node = delay(a: a, v: v)
                let countTerm = informed ? probe.countLogLikelihood(delay: node, counts: counts!, alpha: alpha, national: national) : 0
                nodes.append(node)
                logWeights.append(aPrior + vPrior + nationalLogLikelihood + countTerm)
                fitIndexes.append(fits.count - 1)
            }
        }
        guard !fits.isEmpty else { throw lastError ?? .fitFailed("no fit has a finite likelihood") }
        let posterior = DelayPosterior(nodes: nodes, logWeights: logWeights, fitIndexes: fitIndexes, isInformedByCounts: informed)
        return ProvincialFit(model: self, fits: fits, delay: posterior, counts: counts, origin: site.origin)
    }

    /// A delay with the prior's shape.
    func delay(a: Double, v: Double) -> TravelDelay { TravelDelay(fixedDays: a, kilometresPerDay: v, shape: delayPrior.median.shape) }

    /// `options` starting from `fit`'s estimates (the next node's fit is near this one).
    static func startingFrom(_ fit: CurveFit, options: FitOptions) -> FitOptions {
        var options = options
        for name in ["N", "h", "t0"] where options.fixed[name] == nil {
            if let value = fit.parameters[name], value.isFinite { options.start[name] = value }
        }
        return options
    }

    private func fitNational(_ site: InflowSeries, delay: TravelDelay, weights: [Double], error: ErrorFamily,
                             options: FitOptions) throws(ProvincialError) -> CurveFit {
        let family = self.family(delay: delay, weights: weights.map { max($0, 0) }, origin: site.origin)
        var options = options
        if family.onsetIsUnused {
            options.fixed["t0"] = family.origins.compactMap(\.fixedOnset).min() ?? 0
            options.start["t0"] = nil
        }
        do {
            let fit = try family.fit(site, error: error, options: options)
            if case .failed(let reason) = fit.status { throw ProvincialError.fitFailed(reason) }
            return fit
        } catch let error as ProvincialError {
            throw error
        } catch {
            throw .fitFailed("\(error)")
        }
    }
}
