import Foundation
import InflowCore
import InflowData
import InflowHierarchy
import InflowLinearAlgebra
import InflowModels
import InflowProjection

extension Analysis {
    /// Keys that take at least this ensemble weight are pooled and mixed; the others are left out of the keys'
    /// samples (and the shares renormalised).
    static let hierarchyMemberWeight = 0.02
    /// Conditioning draws this many times the replicates as candidate joint samples of the keys.
    static let candidateFactor = 4
    /// Below this effective number of posterior draws (``InflowHierarchy/BottomSamples/posteriorEffectiveSampleSize``)
    /// a pooled family's draws are said to be rough.
    static let posteriorEffectiveSampleSizeWarning = 50.0

    /// The keys of `data` as a hierarchy: each ensemble member's family fitted to every key with partial pooling
    /// (its shape started from the total's fit, each key's background a share of the total's, drawn per replicate
    /// with the total rate's uncertainty: ``InflowHierarchy/BackgroundSplit``), joint samples drawn from the pooled fits in proportion to the members' weights, and made
    /// coherent by `options.reconciliation`.
    static func hierarchy(_ data: LoadedData, total: SeriesAnalysis, options: AnalysisOptions,
                          tracker: inout ProgressTracker) -> (HierarchyAnalysis?, [String]) {
        let keys = data.series
        guard !keys.isEmpty, !data.keyColumns.isEmpty else { return (nil, []) }
        var warnings: [String] = []
        let hierarchy = Hierarchy(keys: data.keyValues, keyColumns: data.keyColumns, groupColumns: data.groupColumns,
                                  groupValues: data.groupColumns.isEmpty ? [] : data.groupValues)
        let prepared = keys.map { (name: $0.name, observations: $0.prepared()) }

        // The members to pool, with their weights.
        var members: [(fit: CurveFit, weight: Double)] = []
        for (model, weight) in zip(total.weights.models, total.weights.values) where weight >= hierarchyMemberWeight {
            if let fit = total.fit(of: model) { members.append((fit, weight)) }
        }
        if members.isEmpty, let leading = total.leadingFit { members = [(leading, 1)] }
        var pooled: [(fit: PooledFit, weight: Double, background: BackgroundSplit)] = []
        let observedByKey = prepared.map { $0.observations.observedTotal + $0.observations.baseline }
        for member in members {
            tracker.step("pooling the keys (\(member.fit.family.name))")
            let split = BackgroundSplit(rate: backgroundRate(member.fit, total.background), observed: observedByKey)
            do {
                let fit = try PartialPooling.fit(prepared, family: member.fit.family, start: member.fit.curveParameters,
                                                 backgrounds: split.central)
                pooled.append((fit, member.weight, split))
            } catch {
                warnings.append("the keys could not be pooled with \(member.fit.family.name): \(error)")
            }
        }
        guard !pooled.isEmpty else {
            warnings.append("no family could be fitted to the keys together, so the keys are not projected")
            return (nil, warnings)
        }
        let weightSum = pooled.reduce(0) { $0 + $1.weight }
        let shares = pooled.map { $0.weight / weightSum }

        // Joint samples: each family's share of the candidates (largest remainders), on the total's grid.
        let replicates = options.replicates
        let candidates = options.reconciliation == .bottomUp ? replicates : replicates * candidateFactor
        let counts = largestRemainders(shares, total: candidates)
        let grid = total.headline.grid
        let sampled = zip(pooled, counts).filter { $0.1 > 0 }
        let parts = sampled.map { entry in
            entry.0.fit.sample(grid: grid, replicates: entry.1, seed: options.seed,
                               stream: StreamKey.index(series: "hierarchy", model: ModelID(family: entry.0.fit.family.name, error: .negativeBinomial)),
                               background: entry.0.background)
        }
        for (part, (entry, _)) in zip(parts, sampled)
        where part.posteriorEffectiveSampleSize < posteriorEffectiveSampleSizeWarning {
            warnings.append("the pooled \(entry.fit.family.name) fit's posterior is far from its normal approximation: its \(part.replicates) draws rest on about \(Int(part.posteriorEffectiveSampleSize.rounded())) effective parameter sets, so the keys' intervals under it are rough")
        }
        let samples = BottomSamples.concatenated(parts)
        tracker.step("reconciling the keys with the total")
        var forecast: HierarchicalForecast
        switch options.reconciliation {
        case .bottomUp:
            forecast = Reconciliation.bottomUp(samples, hierarchy: hierarchy)
        case .conditioning, .mint:
            forecast = Reconciliation.conditioning(samples, hierarchy: hierarchy, top: total.headline,
                                                   replicates: replicates, seed: options.seed,
                                                   stream: StreamKey.index("hierarchy conditioning"))
        }
        if options.reconciliation == .mint {
            do {
                forecast = try minTrace(forecast, samples: samples, keys: pooled.map(\.fit), shares: shares,
                                        prepared: prepared, total: total, options: options)
            } catch {
                warnings.append("MinT means could not be formed (\(error)); the forecasts are conditioned samples")
            }
        }
        let analysis = HierarchyAnalysis(
            hierarchy: hierarchy, keySeries: keys, pooledFits: pooled.map(\.fit), familyShares: shares,
            forecast: forecast, locations: locations(hierarchy, total: total.series.name),
            warnings: pooled.flatMap { entry in entry.fit.warnings.map { "pooled \(entry.fit.family.name): \($0)" } }
                + forecast.warnings)
        return (analysis, warnings)
    }

    /// The total's background rate and its uncertainty under `fit`: held, stated as a range, or estimated (its
    /// standard error; the estimate itself when the data do not determine it).
    static func backgroundRate(_ fit: CurveFit, _ background: BackgroundRate) -> BackgroundSplit.Rate {
        switch background {
        case .none: return .fixed(0)
        case .fixed(let rate): return .fixed(rate)
        case .range(let lower, let upper): return .uniform(lower: lower, upper: upper)
        case .estimated:
            let estimate = fit.backgroundRate
            let se = fit.standardErrors["beta"] ?? 0
            return .normal(mean: estimate, standardDeviation: se.isFinite ? se : estimate)
        }
    }

    /// MinT means: each node's base forecast per period is its own model's mean (the total's ensemble; the keys'
    /// pooled fits; a group's the sum of its keys'), reconciled with `options.minTraceMethod`. The shrinkage
    /// method's residuals are the in-sample residuals on the observation intervals every key shares with the
    /// total; without them it falls back to structural scaling, and says so.
    static func minTrace(_ forecast: HierarchicalForecast, samples: BottomSamples, keys: [PooledFit], shares: [Double],
                         prepared: [(name: String, observations: PreparedObservations)], total: SeriesAnalysis,
                         options: AnalysisOptions) throws -> HierarchicalForecast {
        let hierarchy = forecast.hierarchy
        let bottomUp = Reconciliation.bottomUp(samples, hierarchy: hierarchy)
        let periods = samples.periods
        func mean(_ projection: Projection, _ k: Int) -> Double {
            (0..<projection.replicates).reduce(0.0) { $0 + projection.increments[k, $1] } / Double(projection.replicates)
        }
        var method = options.minTraceMethod
        var residuals: Matrix?
        var warnings = forecast.warnings
        if method == .shrink {
            residuals = inSampleResiduals(hierarchy, keys: keys, shares: shares, prepared: prepared, total: total)
            if residuals == nil {
                method = .wlsStructural
                warnings.append("the keys and the total do not share their observation intervals, so MinT uses structural scaling (wls-struct) instead of the residuals' shrunk covariance")
            }
        }
        let mint = try MinTrace(summing: hierarchy.summingMatrix, method: method, residuals: residuals)
        var means = hierarchy.nodes.map { _ in [Double](repeating: 0, count: periods) }
        for k in 0..<periods {
            var base = bottomUp.projections.map { mean($0, k) }
            base[0] = mean(total.headline, k)
            for (node, value) in mint.reconcile(base).enumerated() { means[node][k] = value }
        }
        return HierarchicalForecast(hierarchy: hierarchy, method: .mint, projections: forecast.projections,
                                    effectiveSampleSize: forecast.effectiveSampleSize,
                                    candidateCount: forecast.candidateCount, minTraceMeans: means, minTrace: mint,
                                    warnings: warnings)
    }

    /// Residuals `observed - fitted` of every node on the observation intervals that every key shares with the
    /// total (`T x n`), or `nil` when they do not share at least three. The total's fitted values are its
    /// ensemble members' weighted by their shares; a group's residual is the sum of its keys'.
    static func inSampleResiduals(_ hierarchy: Hierarchy, keys: [PooledFit], shares: [Double],
                                  prepared: [(name: String, observations: PreparedObservations)],
                                  total: SeriesAnalysis) -> Matrix? {
        let totalObservations = total.series.prepared()
        let intervals = totalObservations.intervals
        guard intervals.count >= 3,
              prepared.allSatisfy({ $0.observations.intervals.count == intervals.count
                  && zip($0.observations.intervals, intervals).allSatisfy { abs($0.start - $1.start) < 1e-9 && abs($0.end - $1.end) < 1e-9 } }),
              let leading = total.leadingFit, leading.fitted.count == intervals.count
        else { return nil }
        let t = intervals.count, m = hierarchy.bottomCount
        var bottom = Matrix(rows: t, columns: m)
        for key in 0..<m {
            var fitted = [Double](repeating: 0, count: t)
            for (fit, share) in zip(keys, shares) {
                for (i, value) in fit.fittedMeans(key).enumerated() { fitted[i] += share * value }
            }
            for i in 0..<t { bottom[i, key] = prepared[key].observations.responses[i] - fitted[i] }
        }
        var residuals = Matrix(rows: t, columns: hierarchy.nodes.count)
        for (index, node) in hierarchy.nodes.enumerated() {
            for i in 0..<t {
                residuals[i, index] = index == 0
                    ? totalObservations.responses[i] - leading.fitted[i]
                    : node.bottom.reduce(0.0) { $0 + bottom[i, $1] }
            }
        }
        return residuals
    }

    /// Each node's hub location: a bottom key's ISO 3166-2 code when its name is a province of the bundled
    /// gazetteer, the total's series name for the total, the node's name otherwise.
    static func locations(_ hierarchy: Hierarchy, total: String) -> [String] {
        let gazetteer = try? ProvinceGazetteer.bundled()
        return hierarchy.nodes.enumerated().map { index, node in
            if index == 0 { return HubRow.slug(total) }
            if node.level == .bottom, let province = gazetteer?.province(named: node.name) { return province.isoCode }
            return HubRow.slug(node.name)
        }
    }

    /// `total` split in proportion to `shares`, whole numbers summing to `total` (largest remainders).
    static func largestRemainders(_ shares: [Double], total: Int) -> [Int] {
        let exact = shares.map { $0 * Double(total) }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { exact[$0] - Double(counts[$0]) > exact[$1] - Double(counts[$1]) }
        for index in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }
}
