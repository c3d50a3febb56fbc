import Foundation
import InflowAnalysis
import InflowCore
import InflowProjection

extension ArchiveRunMetadata {
    /// The metadata of a run of ``/InflowAnalysis/Analysis``: its options, models and weights, seed and figures.
    /// - Parameters:
    ///   - analysis: the run.
    ///   - rows: its hub rows (the reference date and locations are read from them).
    ///   - input: the input file it read.
    ///   - modelID: the hubverse `model_id` of its forecasts.
    ///   - inflowVersion: the version that made it.
    ///   - commandLine: the command's arguments, when it came from the command line.
    ///   - createdAt: the time of the run.
    ///   - timeZone: the data's time zone; default the analysed series' own (``/InflowCore/InflowSeries/timeZone``).
    public init(analysis: AnalysisResult, rows: [HubRow], input: ArchiveInput, modelID: String = ForecastArchive.defaultModelID,
                inflowVersion: String, commandLine: [String]? = nil, createdAt: Date, timeZone: TimeZone? = nil) {
        let timeZone = timeZone ?? analysis.total.series.timeZone
        let options = analysis.options
        let total = analysis.total
        let headline = total.headline
        var described: [String: String] = [
            "families": options.families.map(\.name).joined(separator: ","),
            "error": options.error.rawValue,
            "horizon": String(options.horizon),
            "replicates": String(options.replicates),
            "ensemble": options.ensemble.rawValue,
            "background": String(describing: total.background),
            "background_source": total.backgroundSource,
            "knowledge": String(describing: options.knowledge),
            "log_linear": String(options.includesLogLinear),
            "threads": String(options.threads),
        ]
        if analysis.hierarchy != nil { described["reconciliation"] = String(describing: options.reconciliation) }
        if analysis.provincial != nil { described["by"] = "province" }
        let weights = total.weights
        let lastObservation = headline.origin.addingTimeInterval(headline.grid.boundaries[0] * InflowSeries.secondsPerDay)
        let series = total.series
        self.init(
            runID: "", modelID: modelID, referenceDate: rows.first?.referenceDate ?? "", createdAt: Self.utcText(createdAt),
            inflowVersion: inflowVersion, inputName: input.name, inputSHA256: input.sha256,
            timeZone: timeZone.identifier, utcOffsetSeconds: timeZone.secondsFromGMT(for: lastObservation),
            seed: options.seed, options: described, commandLine: commandLine,
            models: total.fits.map { ArchivedModelWeight(model: $0.id.description, weight: weights[$0.id]) },
            weighting: weights.method.rawValue, seriesName: series.name, observationKind: series.kind.rawValue,
            lastObservation: TimeText.text(lastObservation, in: timeZone, withOffset: true),
            observations: series.times.indices.map {
                ArchivedObservation(time: TimeText.text(series.times[$0], in: timeZone, withOffset: true),
                                    value: series.values[$0], kind: series.figureKinds[$0])
            },
            locations: rows.reduce(into: [String]()) { if !$0.contains($1.location) { $0.append($1.location) } },
            files: [])
    }

    /// `2026-01-25T09:30:00Z`.
    static func utcText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
