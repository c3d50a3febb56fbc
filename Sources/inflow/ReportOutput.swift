import Foundation
import Inflow

/// Builds the report input from an analysis and renders it.
enum ReportOutput {
    static func input(_ analysis: Analysis, run: RunOptions, models: ModelOptions, timeZone: TimeZone) -> ReportInput {
        var projections: [String: Projection] = [:]
        for (fit, projection) in zip(analysis.fits, analysis.projections) {
            projections[ReportInput.modelLabel(fit)] = projection
        }
        projections[analysis.headline.model] = analysis.headline
        if let glm = analysis.logLinearFit, let projection = analysis.logLinearProjection {
            projections[ReportInput.modelLabel(glm)] = projection
        }
        var weights: [String: Double] = [:]
        for (fit, weight) in zip(analysis.fits, analysis.weights) { weights[ReportInput.modelLabel(fit)] = weight }
        var keyed: [String: KeyedSeries] = [:]
        for (key, series, projection) in analysis.keyProjections {
            keyed[key] = KeyedSeries(observed: series, projection: projection)
        }
        let generatedAt = ProcessInfo.processInfo.environment["INFLOW_REPORT_DATE"]
            .flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        return ReportInput(
            datasetName: analysis.data.file, provenance: analysis.data.provenance, dataSource: analysis.data.file,
            observed: analysis.series, location: analysis.series.name, fits: analysis.fits,
            logLinearFit: analysis.logLinearFit,
            modelWeights: weights, ensembleMethod: analysis.ensembleMethod.rawValue, projections: projections,
            headlineProjection: analysis.headline.model, backtest: analysis.backtest,
            keyName: analysis.data.keyColumns.joined(separator: " / ").isEmpty ? "province" : analysis.data.keyColumns.joined(separator: " / "),
            keyed: keyed, warnings: analysis.warnings, seed: run.seed, replicates: run.bootstrap, horizon: run.horizon,
            bootstrapMethod: "parametric", toolVersion: "inflow \(InflowCommand.version)", generatedAt: generatedAt,
            timeZone: timeZone)
    }

    static func render(_ analysis: Analysis, run: RunOptions, models: ModelOptions, timeZone: TimeZone, markdown: Bool) throws -> String {
        let document = ReportBuilder(input(analysis, run: run, models: models, timeZone: timeZone)).document()
        return markdown ? MarkdownRenderer().render(document) : HTMLRenderer().render(document)
    }
}

/// The saved results (the report's JSON), read back by `inflow report`.
enum ResultsJSON {
    static func encode(_ analysis: Analysis, run: RunOptions, models: ModelOptions, timeZone: TimeZone, version: String) throws -> String {
        let saved = ReportBuilder(ReportOutput.input(analysis, run: run, models: models, timeZone: timeZone)).savedReport()
        return try JSONRenderer().render(saved)
    }
}
