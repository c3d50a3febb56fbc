import ArgumentParser
import Inflow

/// `inflow`: from published arrival figures to projections and a readable report.
@main
struct InflowCommand: ParsableCommand {
    static let version = InflowVersion.current

    /// Runs the command with OpenBLAS on one thread: Inflow runs its own threads (bootstrap replicates, backtest
    /// origins, `--threads`), and its matrices are small, so OpenBLAS's workers would only compete with them. OpenBLAS
    /// starts its workers when the library loads, and they spin (`sched_yield`) for about 0.1 s of CPU before they
    /// sleep; setting the count later does not stop them. So, unless `OPENBLAS_NUM_THREADS` is already set, a command
    /// that runs threads of its own sets it to 1 and executes itself again (``OpenBLASThreads``) before anything runs.
    static func main() {
        OpenBLASThreads.limitToOne()
        BLAS.setThreadCount(1)
        main(nil)
    }

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
