import Foundation
import InflowCore

extension FitResiduals: CustomStringConvertible {
    /// One line with the number of observations, the Pearson chi-square (the sum of the squared Pearson residuals),
    /// the deviance (the sum of the squared deviance residuals) and the seed of the quantile residuals, then a short
    /// table, one row per observation in the fit's order (all of them up to 12, else the first and last five):
    /// observed, fitted, response, Pearson, deviance and quantile residuals, three significant digits below 100 and
    /// whole numbers from 100 up (``/InflowCore/CountText/readable(_:)``); a value that is not finite reads `n/a`.
    ///
    /// ```
    /// 8 observations: Pearson chi-square 5.92, deviance 8.31; quantile residuals from seed 1
    ///   #  observed  fitted  response  Pearson  deviance  quantile
    ///   1       243     210      32.7    0.313     0.305     0.412
    /// ```
    /// - Complexity: O(n) for the sums; at most 12 rows are formatted.
    public var description: String {
        let chiSquare = pearson.reduce(0) { $0 + $1 * $1 }
        let devianceSum = deviance.reduce(0) { $0 + $1 * $1 }
        let count = observed.count
        var lines = ["\(count) observation\(count == 1 ? "" : "s"): Pearson chi-square \(CountText.readable(chiSquare)), "
            + "deviance \(CountText.readable(devianceSum)); quantile residuals from seed \(seed)"]
        guard count > 0 else { return lines[0] }
        var rows = [["#", "observed", "fitted", "response", "Pearson", "deviance", "quantile"]]
        for index in TextColumns.shownRows(count) {
            guard let index else {
                rows.append(["... (\(count - 10) more)"])
                continue
            }
            rows.append([String(index + 1)] + [observed, fitted, response, pearson, deviance, quantile].map { column in
                index < column.count ? CountText.readable(column[index]) : "n/a"
            })
        }
        lines += TextColumns.aligned(rows, leftAligned: 0, indent: "  ")
        return lines.joined(separator: "\n")
    }
}
