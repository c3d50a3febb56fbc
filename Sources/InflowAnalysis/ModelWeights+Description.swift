import Foundation
import InflowCore
import InflowModels

extension ModelWeights: CustomStringConvertible {
    /// How the weights were made, a table of the models in the fits' order with their weight (three decimals)
    /// and mean backtest CRPS (three significant digits, whole from 100 up; `n/a` for a model the backtest did
    /// not score), the merged models, and the ``notes``, one per line.
    ///
    /// ```
    /// stacking weights of 7 models
    ///   model                          weight  backtest CRPS
    ///   logistic (negative-binomial)    0.004            131
    ///   ...
    ///   stacking weights minimise the mixture's mean CRPS over 6 figures from 3 rolling origins ...
    /// ```
    /// - Complexity: O(models + notes).
    public var description: String {
        var lines = ["\(method) of \(models.count) model\(models.count == 1 ? "" : "s")"]
        var rows = [["model", "weight", "backtest CRPS"]]
        for (model, value) in zip(models, values) {
            rows.append([model.description, value.isFinite ? String(format: "%.3f", value) : "n/a",
                         backtestCRPS[model].map(CountText.readable) ?? "n/a"])
        }
        lines += TextColumns.aligned(rows, leftAligned: 1, indent: "  ")
        for (model, carrier) in merged.sorted(by: { $0.key.description < $1.key.description }) {
            lines.append("  \(model) merged into \(carrier) (practically the same predictive distribution)")
        }
        lines += notes.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
