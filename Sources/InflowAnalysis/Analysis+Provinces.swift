import InflowCore
import InflowData
import InflowModels
import InflowProjection
import InflowProvinces

extension Analysis {
    /// The provincial analysis of `data`: ``InflowProvinces/ProvincialModel`` fitted to the site's series
    /// (with the same error family, background and pool bounds as the curve families), updated by the keys'
    /// counts when the keys are provinces, and the headline projection split by
    /// ``InflowProvinces/ProvincialAllocation`` (with the run's seed and threads) under the prior and under each
    /// alternative share file.
    /// - Throws: ``AnalysisError/provincial(_:)`` for keys that are no province or level data;
    ///   ``AnalysisError/provincialSkipped(_:)`` when the model cannot be fitted (the caller warns and goes on).
    static func provinces(_ data: LoadedData, site: InflowSeries, total: SeriesAnalysis, model: ProvincialModel,
                          background: BackgroundRate, options: AnalysisOptions) throws(AnalysisError) -> ProvincialAnalysis? {
        let gazetteer = ProvinceGazetteer(provinces: model.provinces)
        let counts: ProvinceCounts?
        do {
            counts = try ProvinceCounts.from(data, gazetteer: gazetteer, origin: site.origin)
        } catch {
            throw .provincial(error.description)
        }
        let probe = model.family(delay: model.delayPrior.median, weights: model.concentrations(model.shares), origin: site.origin)
        let fitOptions = options.fitOptions(for: probe, series: site, background: background)
        let fit: ProvincialFit
        do {
            fit = try model.fit(site, counts: counts, error: options.error, options: fitOptions)
        } catch .fitFailed(let reason) {
            // The data are fine but the model cannot be fitted to them: the national analysis stands, without a split.
            throw .provincialSkipped("no split by province: the provincial model could not be fitted to the site's counts (\(reason))")
        } catch {
            throw .provincial(error.description)
        }
        var warnings: [String] = []
        if !fit.fit.status.isConverged {
            warnings.append("the provincial model's national fit did not converge (\(fit.fit.status)); its timing of arrivals by province is rough")
        }
        let projection = ProvincialAllocation.run(total.headline, fit: fit, seed: options.seed, threads: options.threads)
        if projection.isPriorDriven {
            warnings.append("no province-level counts: every province's numbers follow the prior shares (\(model.shares.source)), not the data")
        }
        let alternatives = model.alternatives.map {
            ProvincialAllocation.run(total.headline, fit: fit, shares: $0, seed: options.seed, threads: options.threads)
        }
        return ProvincialAnalysis(fit: fit, projection: projection, alternatives: alternatives, warnings: warnings)
    }
}
