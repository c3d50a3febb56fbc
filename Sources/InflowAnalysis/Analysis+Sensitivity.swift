import InflowCore
import InflowModels
import InflowProjection

extension Analysis {
    /// Bootstrap replicates per model of each sensitivity scenario.
    static let sensitivityReplicates = 400

    /// The projection over the next 30 days (or the horizon) under other knowledge about the pool: each model
    /// with positive weight is refitted with that knowledge's bounds on its final size and projected with
    /// ``sensitivityReplicates`` replicates on its own streams, and the projections are mixed with the
    /// analysis's weights (those of the models that could be refitted, renormalised). The first row is the
    /// headline's own projection.
    ///
    /// - Complexity: per scenario, one fit and one bootstrap per weighted model.
    static func sensitivity(of analysis: SeriesAnalysis, options: AnalysisOptions) -> [SensitivityRow] {
        let days = min(30, options.horizon)
        let headline = analysis.headline
        var rows = [SensitivityRow(
            knowledge: options.knowledge, isHeadline: true, isIllustrative: false,
            arrivals: headline.arrivals(overFirst: days),
            days: days, remaining: headline.hasFinalSize ? headline.remainingNow() : nil)]
        let weighted = analysis.fits.filter { analysis.weights[$0.id] > 0 && $0.family.finalSizeParameter != nil }
        guard !weighted.isEmpty else { return rows }
        let observed = headline.observedTotal
        let scenarios: [(PoolKnowledge, Bool)] = options.sensitivity.map { $0.map { ($0, false) } }
            ?? (options.knowledge.isEmpty
                ? AnalysisOptions.illustrativeScenarios(observed: observed).map { ($0, true) }
                : [(PoolKnowledge(), false)])
        for (knowledge, illustrative) in scenarios where knowledge != options.knowledge {
            var projections: [Projection] = []
            var weights: [Double] = []
            for fit in weighted {
                let fitOptions = options.fitOptions(for: fit.family, series: analysis.series, background: analysis.background,
                                                    knowledge: knowledge)
                guard let refit = try? fit.family.fit(fit.observations, error: fit.error, options: fitOptions),
                      Analysis.isEnsembleMember(refit) else { continue }
                var projectionOptions = options.projectionOptions(series: analysis.series.name, model: fit.id)
                projectionOptions.replicates = min(options.replicates, sensitivityReplicates)
                guard let projection = try? CurveProjector.project(refit, options: projectionOptions) else { continue }
                projections.append(projection)
                weights.append(analysis.weights[fit.id])
            }
            guard !projections.isEmpty else { continue }
            let mixture = projections.count == 1 ? projections[0] : Ensemble.combine(projections, weights: weights)
            rows.append(SensitivityRow(knowledge: knowledge, isHeadline: false, isIllustrative: illustrative,
                                       arrivals: mixture.arrivals(overFirst: days), days: days,
                                       remaining: mixture.hasFinalSize ? mixture.remainingNow() : nil))
        }
        return rows
    }
}
