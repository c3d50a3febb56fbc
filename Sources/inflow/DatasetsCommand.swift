import ArgumentParser
import Inflow

/// `inflow datasets`: the bundled datasets and their provenance.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets", abstract: "List the bundled datasets with their provenance.")

    func run() {
        for dataset in BundledDataset.all {
            print("\(dataset.name)\(dataset.name == BundledDataset.defaultDataset.name ? " (default)" : "")")
            print("  \(dataset.title)")
            print("  \(dataset.description)")
            for line in dataset.provenance { print("  | \(line)") }
        }
    }
}
