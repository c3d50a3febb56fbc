import ArgumentParser
import Foundation
import Inflow

/// `inflow archive list DIR`: what a forecast archive holds.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Look into a forecast archive written by 'inflow project --archive'.",
        subcommands: [ArchiveListCommand.self])
}

/// `inflow archive list DIR`.
struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the runs of a forecast archive: reference date, run, model, input, seed, models mixed.")

    @Argument(help: ArgumentHelp("The archive's directory.", valueName: "dir"))
    var directory: String

    func run() throws {
        let listing: ArchiveListing
        do {
            listing = try ForecastArchive.open(at: URL(fileURLWithPath: directory)).list()
        } catch let error as ArchiveError {
            throw CommandFailure("\(error)")
        }
        for warning in listing.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        guard !listing.runs.isEmpty else {
            print("\(directory): no runs yet.")
            return
        }
        var table = TextTable(["Reference date", "Run", "Model", "Input", "SHA-256", "Seed", "Last figure", "Models (weight)"])
        for run in listing.runs {
            let m = run.metadata
            let mixed = m.models.filter { $0.weight > 0 }.sorted { $0.weight > $1.weight }
                .map { "\($0.model) \($0.weight < 0.005 ? "<1%" : Formatting.percent($0.weight))" }.joined(separator: ", ")
            table.add([m.referenceDate, m.runID, m.modelID, m.inputName, String(m.inputSHA256.prefix(12)), String(m.seed),
                       m.lastObservation, mixed])
        }
        print(table.render(indent: ""))
        print("\(listing.runs.count) run\(listing.runs.count == 1 ? "" : "s") in \(directory)"
              + (listing.warnings.isEmpty ? "." : "; \(listing.warnings.count) skipped (see the warnings)."))
    }
}
