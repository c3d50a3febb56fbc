import ArgumentParser
import Inflow

/// `inflow datasets`: the bundled datasets and their provenance.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets", abstract: "List the bundled datasets and the province gazetteer, with their provenance.")

    func run() throws {
        for dataset in BundledDataset.all {
            print("\(dataset.name)\(dataset.name == BundledDataset.defaultDataset.name ? " (default)" : "")")
            print("  \(dataset.title)")
            print("  \(dataset.description)")
            for line in dataset.provenance { print("  | \(line)") }
        }
        let gazetteer = try ProvinceGazetteer.bundled()
        print("cambodia-provinces (gazetteer of --by province)")
        print("  Cambodia's \(gazetteer.provinces.count - 1) provinces and the capital: ISO 3166-2:KH codes, road km to Phnom Penh, January 2026 mentions")
        print("  columns: \(ProvinceGazetteer.columns.joined(separator: ", ")); \(gazetteer.provinces.filter { $0.hubMentions != nil }.count) provinces with a mention weigh \(Int(ProvinceShares.mentionWeight)) times the others in the default prior shares")
        for line in gazetteer.provenance { print("  | \(line)") }
    }
}
