import Inflow

/// What the command line adds to a report it writes: how to get, with `inflow`, what a section says the run left
/// out. The library's report says it in a reader's words (a province shares file, knowledge of the pool, a forecast
/// archive); these notes name the flags and commands, at the end of the section they belong to.
enum ReportHints {
    /// `document` with a note of command-line hints at the end of each section that describes something the run
    /// of `input` did not do.
    static func adding(to document: ReportDocument, for input: ReportInput) -> ReportDocument {
        var document = document
        func note(_ id: ReportSectionID, _ text: String) {
            guard let index = document.sections.firstIndex(where: { $0.id == id.rawValue }) else { return }
            document.sections[index].blocks.append(.note(ReportNote(.info, "On the command line, " + text)))
        }
        if input.sensitivity.isEmpty {
            note(.sensitivity, "--pool-at-most N (people known to be still held) and --final-size-at-least N (a published "
                 + "\"more than N\" figure) give the projection that knowledge.")
        } else {
            note(.sensitivity, "--pool-at-most N and --final-size-at-least N state your own knowledge of the pool.")
        }
        if input.retrospective.isEmpty {
            note(.retrospective, "--ensemble stacking (the default) or --ensemble wis weighs the models on a backtest.")
        }
        if let provincial = input.provincial {
            if provincial.projection.isPriorDriven {
                note(.origins, "a province key column (--key-column province) gives province-level counts, and "
                     + "--shares FILE prior shares (repeat it to compare alternatives).")
            }
        } else {
            note(.origins, "inflow project --by province adds this split.")
        }
        if input.archiveScores == nil {
            note(.archive, "inflow project --archive DIR keeps every run; with --report, the archive's earlier runs are "
                 + "scored here against these figures, and inflow score scores them against any newer file.")
        }
        return document
    }
}
