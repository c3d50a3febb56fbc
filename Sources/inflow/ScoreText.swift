import Foundation
import Inflow

/// The terminal text of `inflow score`: per run, per horizon, pending targets and corrections.
enum ScoreText {
    static func render(_ scores: ArchiveScores, archive: String) -> String {
        var text = ""
        guard !scores.runs.isEmpty else { return "\(archive): no complete runs to score." }
        let scored = scores.scores.count
        let censored = scores.scores.filter { $0.observation.bound != .exact }.count
        text += "\(scores.runs.count) archived run\(scores.runs.count == 1 ? "" : "s"), \(scored) forecast\(scored == 1 ? "" : "s") scored"
            + (censored > 0 ? " (\(censored) against bounds, censored WIS)" : "")
            + ", \(scores.pending.count) pending"
            + (scores.lastFigure.map { " (after the last figure, \($0))" } ?? "") + ".\n"
        for target in scores.targets {
            text += "\n\(target): per run (mean over days; coverage over exact figures)\n"
            var byRun = TextTable(["Run", "Reference", "Scored", "Bounds", "WIS", "Dispersion", "Under", "Over", "AE median",
                                   "50%", "90%", "95%", "Bias"])
            for run in scores.runs {
                let selected = run.scores.filter { $0.target == target }
                guard !selected.isEmpty else { continue }
                byRun.add(row(ScoreAggregate(label: run.metadata.runID, scores: selected), reference: run.metadata.referenceDate))
            }
            text += byRun.render() + "\n"
            text += "\(target): per horizon (days after the reference date)\n"
            var byHorizon = TextTable(["Horizon", "", "Scored", "Bounds", "WIS", "Dispersion", "Under", "Over", "AE median",
                                       "50%", "90%", "95%", "Bias"])
            for aggregate in scores.byHorizon(target: target) { byHorizon.add(row(aggregate, reference: "")) }
            text += byHorizon.render() + "\n"
        }
        let corrections = scores.corrections
        if !corrections.isEmpty {
            text += "\nCorrections (the runs were fitted to these figures; scores use the newer ones):\n"
            for correction in corrections {
                text += "  \(correction.runID): \(correction.time) was \(Formatting.number(correction.archived))"
                    + (correction.archivedKind == .exact ? "" : " (\(correction.archivedKind.rawValue))")
                    + ", now \(Formatting.number(correction.newer))"
                    + (correction.newerKind == .exact ? "" : " (\(correction.newerKind.rawValue))") + "\n"
            }
        }
        let pending = scores.pending
        if !pending.isEmpty {
            let days = Set(pending.map(\.targetEndDate)).sorted()
            text += "\nPending: \(pending.count) target\(pending.count == 1 ? "" : "s") on \(days.count) day\(days.count == 1 ? "" : "s") "
                + "(\(days.first!)\(days.count > 1 ? " to \(days.last!)" : "")) have no figure yet.\n"
        }
        let undetermined = scores.runs.reduce(0) { $0 + $1.undetermined }
        if undetermined > 0 {
            text += "\(undetermined) target\(undetermined == 1 ? " is" : "s are") not determined by the figures (gaps, or locations without figures).\n"
        }
        return text.trimmingCharacters(in: .newlines)
    }

    private static func row(_ aggregate: ScoreAggregate, reference: String) -> [String] {
        let coverage = aggregate.coverage.map { $0.map(Formatting.percent) } ?? ["–", "–", "–"]
        return [aggregate.label, reference, String(aggregate.count), String(aggregate.censoredCount),
                Formatting.number(aggregate.wis.total), Formatting.number(aggregate.wis.dispersion),
                Formatting.number(aggregate.wis.underprediction), Formatting.number(aggregate.wis.overprediction),
                Formatting.number(aggregate.absoluteError)] + coverage + [aggregate.bias.map { String(format: "%+.2f", $0) } ?? "–"]
    }
}
