import ArgumentParser
import Foundation
import Inflow

/// `inflow check`: validate a data file and list every problem, without fitting.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a data file and explain every problem found, without fitting.")

    @OptionGroup(title: "Data") var data: DataOptions

    func run() throws {
        let (issues, figures) = DataCheck.inspect(file: data.url, options: data.loadOptions,
                                                  name: data.bundled?.fileName ?? data.data)
        // What the figures are, when the file says (a kind column): counts by kind and the rows that are not exact.
        for line in figures?.lines ?? [] { print(line) }
        if issues.isEmpty {
            print("\(data.displayName): no problems found.")
            return
        }
        for issue in issues {
            print(CommandHints.commandLine(issue.description, role: issue.columnRole)
                  + (CommandHints.hint(for: issue.errorKind).map { "; \($0)" } ?? ""))
        }
        let errors = issues.filter { $0.severity == .error }.count
        let warnings = issues.count - errors
        print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
        if errors > 0 { throw ExitCode(1) }
    }
}
