import InflowLinearAlgebra

/// Minimum-trace (MinT) reconciliation of point forecasts: the coherent forecasts `S G yhat` closest to the
/// base forecasts `yhat` of every node in the metric of the base errors' covariance `W`, with
///
///     G = (S' W^-1 S)^-1 S' W^-1
///
/// (`S` the summing matrix, ``Hierarchy/summingMatrix``). The reconciled forecasts add up, are unbiased when
/// the base forecasts are, and have the least total variance among linear reconciliations when `W` is the
/// base errors' covariance. They are means, not counts: they can be fractional and, for a key whose base
/// forecast is near zero, below zero.
///
/// ```swift
/// let mint = try MinTrace(summing: hierarchy.summingMatrix, method: .wlsStructural)
/// let coherent = mint.reconcile(baseForecasts)   // one per node
/// ```
///
/// - Complexity: O(n^3) for the factorisations (`n` nodes), then O(n m) per reconciled vector.
/// - Reference: Wickramasuriya, Athanasopoulos & Hyndman, "Optimal forecast reconciliation for hierarchical
///   and grouped time series through trace minimization", *JASA* 114 (2019); checked against
///   hierarchicalforecast's `MinTrace` (Tests/Reference/Data/hierarchy).
public struct MinTrace: Sendable {
    /// Why the reconciliation matrix could not be formed.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// ``MinTraceMethod/shrink`` needs in-sample residuals of every node (at least two rows).
        case residualsNeeded
        /// The residuals do not have one column per node.
        case residualShape(expected: Int, found: Int)
        /// `W` or `S' W^-1 S` is singular (a node whose residuals never vary, or a degenerate hierarchy).
        case singular(String)

        public var description: String {
            switch self {
            case .residualsNeeded: "MinT with shrinkage needs at least two in-sample residuals of every node"
            case .residualShape(let expected, let found): "residuals have \(found) columns for \(expected) nodes"
            case .singular(let what): "MinT could not be formed: \(what)"
            }
        }
    }

    /// The method.
    public let method: MinTraceMethod
    /// The summing matrix `S`, `n x m`.
    public let summing: Matrix
    /// The assumed covariance of the base errors `W`, `n x n`.
    public let weights: Matrix
    /// The reconciliation matrix `G`, `m x n`: the bottom keys' reconciled forecasts are `G yhat`.
    public let projection: Matrix
    /// The shrinkage intensity, for ``MinTraceMethod/shrink``.
    public let shrinkageIntensity: Double?

    /// The reconciliation for summing matrix `summing` with `method`.
    /// - Parameters:
    ///   - summing: the summing matrix `S`, `n x m` (one row per node, one column per bottom key).
    ///   - method: how `W` is estimated (OLS, WLS by structure, or shrunk sample covariance).
    ///   - residuals: in-sample residuals (`T x n`, node order of `summing`'s rows), needed by
    ///     ``MinTraceMethod/shrink``.
    public init(summing: Matrix, method: MinTraceMethod, residuals: Matrix? = nil) throws(Failure) {
        let n = summing.rows, m = summing.columns
        var w = Matrix(rows: n, columns: n)
        var intensity: Double?
        switch method {
        case .ols:
            for i in 0..<n { w[i, i] = 1 }
        case .wlsStructural:
            for i in 0..<n { w[i, i] = (0..<m).reduce(0.0) { $0 + summing[i, $1] } }
        case .shrink:
            guard let residuals, residuals.rows >= 2 else { throw .residualsNeeded }
            guard residuals.columns == n else { throw .residualShape(expected: n, found: residuals.columns) }
            let shrunk = ShrunkCovariance(residuals: residuals)
            w = shrunk.covariance
            intensity = shrunk.intensity
        }
        let wFactor: CholeskyFactorization
        do { wFactor = try CholeskyFactorization(w) } catch { throw .singular("W is \(error)") }
        let wInverseS = wFactor.solve(summing)                       // n x m
        let normal = summing.transposed() * wInverseS                // m x m
        let normalFactor: CholeskyFactorization
        do { normalFactor = try CholeskyFactorization(normal) } catch { throw .singular("S' W^-1 S is \(error)") }
        self.method = method
        self.summing = summing
        weights = w
        projection = normalFactor.solve(wInverseS.transposed())      // m x n
        shrinkageIntensity = intensity
    }

    /// The reconciled forecasts of every node, `S G yhat`.
    /// - Precondition: one base forecast per node.
    public func reconcile(_ base: [Double]) -> [Double] {
        precondition(base.count == summing.rows, "one base forecast per node")
        return summing * (projection * base)
    }
}
