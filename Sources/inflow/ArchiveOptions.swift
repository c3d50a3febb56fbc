import ArgumentParser
import Foundation
import Inflow

/// `--archive DIR` and `--model-id` of `inflow project`: keep the run in a forecast archive.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Also keep the run in this forecast archive: DIR/<reference date>/<run id>/ with the hub table, the results and the run's metadata (created when missing or empty; a run is never overwritten).",
        valueName: "dir"))
    var archive: String?

    @Option(name: .customLong("model-id"), help: ArgumentHelp(
        "The hubverse model_id of the archived forecasts (team-model).", valueName: "id"))
    var modelID: String = ForecastArchive.defaultModelID

    func validate() throws {
        guard modelID.range(of: #"^[A-Za-z0-9_]+-[A-Za-z0-9_]+$"#, options: .regularExpression) != nil else {
            throw ValidationError("--model-id must be 'team-model': letters, digits and underscores, one hyphen (got '\(modelID)').")
        }
    }

    /// Opens (or starts) the archive before any work, so a wrong directory fails at once.
    func open(data: DataOptions) throws -> ForecastArchive? {
        guard let archive else { return nil }
        guard !data.readsStandardInput else {
            throw CommandFailure("--archive identifies the input by its bytes: give a file with --data, not standard input.")
        }
        do {
            return try ForecastArchive.open(at: URL(fileURLWithPath: archive), creating: true)
        } catch let error as ArchiveError {
            throw CommandFailure("--archive: \(error)")
        }
    }

    /// Adds the run to the opened archive and says where it went.
    func record(_ analysis: AnalysisResult, in opened: ForecastArchive, data: DataOptions, results: String, timeZone: TimeZone) throws {
        guard let archive else { return }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: data.url)
        } catch {
            throw CommandFailure("\(data.messageName): cannot be read again for the archive (\(error.localizedDescription)).")
        }
        do {
            let rows = analysis.hubRows(timeZone: timeZone)
            let metadata = ArchiveRunMetadata(
                analysis: analysis, rows: rows, input: ArchiveInput(name: data.messageName, bytes: bytes), modelID: modelID,
                inflowVersion: InflowCommand.version, commandLine: Array(CommandLine.arguments.dropFirst()),
                createdAt: ReportOutput.runDate(), timeZone: timeZone)
            let run = try opened.add(rows: rows, metadata: metadata, results: results)
            FileHandle.standardError.write(Data("archived \(archive)/\(run.metadata.referenceDate)/\(run.metadata.runID)\n".utf8))
        } catch let error as ArchiveError {
            throw CommandFailure("--archive: \(error)")
        }
    }
}
