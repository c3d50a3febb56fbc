import ArgumentParser

/// `inflow`: from published arrival figures to projections and a readable report.
@main
struct InflowCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "inflow",
        abstract: "Fit inflow curves to published arrival figures and project how many more will come, from where and when.",
        discussion: """
            With no --data, commands use the bundled January 2026 figures of Indonesians reporting to their \
            embassy in Phnom Penh (inflow datasets lists them).
            """,
        version: version,
        subcommands: [
            ProjectCommand.self, FitCommand.self, BacktestCommand.self, ReportCommand.self,
            ScoreCommand.self, ArchiveCommand.self, CheckCommand.self, SimulateCommand.self, ModelsCommand.self,
            DatasetsCommand.self,
        ],
        defaultSubcommand: nil
    )
}
