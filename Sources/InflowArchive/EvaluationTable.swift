import InflowProjection

/// Archive scores as CSV tables in the layouts hubverse tools read.
///
/// - ``scores(_:)``: one row per scored target, with the columns of hubEvals/scoringutils output
///   (`model_id`, the task columns, `wis`, `overprediction`, `underprediction`, `dispersion`, `bias`,
///   `interval_coverage_50`, `interval_coverage_90`, `interval_coverage_95`, `ae_median`) plus `run_id`,
///   `observation`, `observation_kind` (`exact`, `lower_bound`, `upper_bound`: bounded truths carry the censored
///   WIS, and `NA` for coverage, bias and PIT) and `pit`.
/// - ``targetData(_:)``: the hubverse time-series target data, `target_end_date, target, location, observation`,
///   for every whole-day target the newer figures determine exactly (bounds cannot be written there).
///
/// Numbers are written in full precision (``/InflowProjection/HubTable/number(_:)``); `NA` where not defined.
public enum EvaluationTable {
    /// The columns of ``scores(_:)``.
    public static let scoreHeader = [
        "model_id", "run_id", "reference_date", "location", "target", "horizon", "target_end_date", "observation",
        "observation_kind", "wis", "overprediction", "underprediction", "dispersion", "bias", "interval_coverage_50",
        "interval_coverage_90", "interval_coverage_95", "ae_median", "pit",
    ]

    /// One row per scored target.
    public static func scores(_ scores: ArchiveScores) -> String {
        var text = scoreHeader.joined(separator: ",") + "\n"
        for score in scores.scores {
            let coverage = score.covered.map { $0.map { $0 ? "TRUE" : "FALSE" } } ?? Array(repeating: "NA", count: 3)
            let cells = [
                HubTable.field(score.modelID), HubTable.field(score.runID), score.referenceDate, HubTable.field(score.location),
                HubTable.field(score.target), String(score.horizon), score.targetEndDate, HubTable.number(score.observation.value),
                score.observation.bound.rawValue, HubTable.number(score.wis.total), HubTable.number(score.wis.overprediction),
                HubTable.number(score.wis.underprediction), HubTable.number(score.wis.dispersion),
                score.bias.map(HubTable.number) ?? "NA",
            ] + coverage + [HubTable.number(score.absoluteError), score.pit.map(HubTable.number) ?? "NA"]
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// The columns of ``targetData(_:)``.
    public static let targetHeader = ["target_end_date", "target", "location", "observation"]

    /// Hubverse time-series target data: the exact truths of whole-day targets (horizon ≥ 1, or the cumulative
    /// total at any day's end), each (day, target, location) once.
    public static func targetData(_ scores: ArchiveScores) -> String {
        var seen: Set<String> = []
        var rows: [(String, String, String, Double)] = []
        for score in scores.scores where score.observation.bound == .exact {
            guard score.horizon >= 1 || score.target.contains(" cum ") else { continue }
            let key = "\(score.targetEndDate)|\(score.target)|\(score.location)"
            guard seen.insert(key).inserted else { continue }
            rows.append((score.targetEndDate, score.target, score.location, score.observation.value))
        }
        rows.sort { ($0.2, $0.1, $0.0) < ($1.2, $1.1, $1.0) }
        return targetHeader.joined(separator: ",") + "\n" + rows.map {
            [$0.0, HubTable.field($0.1), HubTable.field($0.2), HubTable.number($0.3)].joined(separator: ",") + "\n"
        }.joined()
    }
}
