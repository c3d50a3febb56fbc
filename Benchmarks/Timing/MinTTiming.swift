import Foundation
import Inflow

/// MinTrace (mint_shrink and wls_struct) of the hierarchy in `path` (Tests/Reference/Data/hierarchy/mint.json),
/// timed as hierarchicalforecast's `MinTrace(method=...).fit_predict(S=, y_hat=, y_insample=, y_hat_insample=)`
/// is in compare_mint.py: the whole call (for mint_shrink the in-sample residuals from the actuals and fitted values; W, the
/// reconciliation matrix, the reconciled means of all 7 horizons) from inputs already in memory, `warmUp` calls
/// first, then the median of `repetitions` calls on the monotonic clock, one thread. Prints one JSON object per
/// method with the median seconds and the reconciled means (`h x n`, full precision).
func mintTiming(path: String, repetitions: Int, warmUp: Int = 200) throws {
    struct File: Decodable {
        let S: [[Double]]
        let insample: [[Double]]
        let fitted: [[Double]]
        let base: [[Double]]
    }
    let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    let summing = Matrix(rowMajor: file.S)
    let insample = Matrix(rowMajor: file.insample), fitted = Matrix(rowMajor: file.fitted)
    BLAS.setThreadCount(1)
    for method in [MinTraceMethod.shrink, .wlsStructural] {
        func call() throws -> [[Double]] {
            // Only the shrinkage needs residuals (hierarchicalforecast forms them only for its in-sample methods).
            let residuals = method != .shrink ? nil : Matrix(
                rows: insample.rows, columns: insample.columns,
                columnMajor: zip(insample.elements, fitted.elements).map { $0 - $1 })
            let mint = try MinTrace(summing: summing, method: method, residuals: residuals)
            return file.base.map { mint.reconcile($0) }
        }
        var reconciled: [[Double]] = []
        for _ in 0..<warmUp { reconciled = try call() }
        let seconds = try median(repetitions) { reconciled = try call() }
        let rows = reconciled.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: ", ")
        print("{\"job\": \"mint \(method)\", \"seconds\": \(seconds), \"repetitions\": \(repetitions), \"reconciled\": [\(rows)]}")
    }
}
