import Foundation
import InflowAnalysis
import InflowModels
import InflowProjection
import InflowHierarchy

extension ReportInput {
    /// The input of a report on an analysis: its data's provenance, its total's fits, weights,
    /// projections and backtest, and each key's projection.
    /// - Parameters:
    ///   - analysis: the result of ``/InflowAnalysis/Analysis/run(_:options:progress:)``.
    ///   - toolVersion: the tool and version that ran the analysis ("inflow 0.2.0").
    ///   - generatedAt: when the report is made (inject a fixed date for reproducible output).
    ///   - timeZone: the time zone dates are shown in (default: the data's local time, the total series'
    ///     ``/InflowCore/InflowSeries/timeZone``).
    public init(analysis: AnalysisResult, toolVersion: String, generatedAt: Date = Date(),
                timeZone: TimeZone? = nil) {
        let total = analysis.total
        let (projections, weights) = Self.models(of: total)
        var keyed: [String: KeyedSeries] = [:]
        var notes: [String] = []
        if let hierarchy = analysis.hierarchy {
            let shares = hierarchy.shares(overFirst: 7)
            let bottomStart = hierarchy.hierarchy.nodes.count - hierarchy.hierarchy.bottomCount
            for (index, node) in hierarchy.hierarchy.nodes.enumerated() {
                let key = index >= bottomStart ? index - bottomStart : nil
                let level = switch node.level {
                case .total: "total"
                case .bottom: "key"
                case .keyValue, .group: "group"
                }
                keyed[node.name] = KeyedSeries(
                    observed: index == 0 ? total.series : key.map { hierarchy.keySeries[$0] },
                    projection: hierarchy.forecast.projections[index], location: hierarchy.locations[index],
                    level: level, poolingFactor: key.map { hierarchy.poolingFactor(key: $0) }, share: shares[index],
                    minTraceMeans: hierarchy.forecast.minTraceMeans?[index])
            }
            notes = Self.hierarchyNotes(hierarchy, keyName: analysis.data.keyColumns.joined(separator: " / "))
        }
        let keyColumns = analysis.data.keyColumns.joined(separator: " / ")
        self.init(
            datasetName: analysis.data.file, provenance: analysis.data.provenance, dataSource: analysis.data.file,
            observed: total.series, location: analysis.hierarchy?.locations.first ?? HubRow.slug(total.series.name),
            fits: total.fits, logLinearFit: total.logLinearFit,
            modelWeights: weights, ensembleMethod: total.weights.method, projections: projections,
            headlineProjection: total.headline.model, backtest: total.backtest?.scores,
            keyName: keyColumns.isEmpty ? "province" : keyColumns, keyed: keyed, warnings: analysis.warnings,
            seed: analysis.options.seed, replicates: analysis.options.replicates, horizon: analysis.options.horizon,
            bootstrapMethod: .parametric, toolVersion: toolVersion, generatedAt: generatedAt, timeZone: timeZone)
        background = "\(total.background), \(total.backgroundSource)"
        weightNotes = total.weights.notes.map { $0.hasPrefix("warning: ") ? String($0.dropFirst(9)) : $0 }
        mergedModels = total.weights.merged
        if let hierarchy = analysis.hierarchy {
            nodeOrder = hierarchy.hierarchy.nodes.map(\.name)
            self.hierarchy = SavedReport.HierarchyRecord(hierarchy)
        }
        hierarchyNotes = notes
        threads = analysis.options.threads
        provincial = analysis.provincial
        backtestCRPS = total.weights.backtestCRPS
        sensitivity = total.sensitivity
        retrospective = total.retrospective
        if var scores = backtest {
            // The ensemble is scored like its members: at each origin, by what the pipeline would have said then.
            scores.scores += total.retrospective.flatMap(\.scores)
            backtest = scores
        }
    }

    /// How the keys were fitted and reconciled, in sentences.
    static func hierarchyNotes(_ analysis: HierarchyAnalysis, keyName: String) -> [String] {
        let families = zip(analysis.pooledFits, analysis.familyShares).map {
            "\($0.family.name) (\(ReportFormat.percent($1)) of the samples)"
        }.joined(separator: ", ")
        var notes = ["The \(keyName)s are fitted together: they share each curve's shape and dispersion, and each has "
            + "its own size, pulled towards their common level as far as its own arrivals leave it uncertain (partial pooling, "
            + "empirical Bayes). Families, as weighted nationally: \(families)."]
        let forecast = analysis.forecast
        switch forecast.method {
        case .bottomUp:
            notes.append("Every row is the sum of its \(keyName)s' joint samples (bottom-up), so the levels add up in every sample.")
        case .conditioning, .mint:
            let ess = forecast.effectiveSampleSize.map { " (effective sample size \(Int($0.rounded())) of \(forecast.candidateCount) candidates)" } ?? ""
            notes.append("The \(keyName)s' joint samples are conditioned on the national projection\(ess): resampled so that their sum "
                + "follows the national forecast while, for a given sum, the \(keyName)s keep their own joint spread (top-down conditioning); "
                + "every row is the sum of its \(keyName)s in every sample.")
        }
        if let mint = forecast.minTrace {
            notes.append("MinT means (\(mint.method)) reconcile each level's own mean forecast; they are means, and can be fractional.")
        }
        return notes
    }
}
