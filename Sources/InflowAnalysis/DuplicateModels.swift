import InflowCore
import InflowModels
import InflowProjection

/// Finds ensemble members whose predictive distributions are practically the same, so that one model
/// is not counted twice (Bass's diffusion with `p -> 0` is the logistic, with the same likelihood).
///
/// Two fits are the same model here when their log-likelihoods differ by at most
/// ``logLikelihoodTolerance`` and their expected counts, at every observation and on each of the next
/// `horizon` days, differ by at most ``relativeTolerance`` of the larger (at least one arrival). Of two such
/// fits, the one with the larger AICc (for the same likelihood, the one with more parameters; a fit without
/// an AICc comes last; ties keep the order of the families) is merged into the other: it keeps its fit and
/// projection, and gets no weight of its own.
///
/// - Complexity: O(M^2 (n + horizon)) curve evaluations for M fits.
enum DuplicateModels {
    /// Log-likelihood units within which two fits can be the same model.
    static let logLikelihoodTolerance = 0.01
    /// Largest relative difference of expected counts for two fits to be the same model.
    static let relativeTolerance = 0.01

    /// The merged fits (key) and the fit each is merged into (value).
    static func find(_ fits: [CurveFit], horizon: Int) -> [ModelID: ModelID] {
        let order = fits.indices.sorted { a, b in
            switch (fits[a].aicc, fits[b].aicc) {
            case let (x?, y?) where x != y: x < y
            case (_?, nil): true
            case (nil, _?): false
            default: a < b
            }
        }
        return find(order.map { fits[$0] }, preferredFirst: horizon)
    }

    /// Merges each fit into the first earlier fit it duplicates; `fits` are in order of preference.
    private static func find(_ fits: [CurveFit], preferredFirst horizon: Int) -> [ModelID: ModelID] {
        var merged: [ModelID: ModelID] = [:]
        let profiles = fits.map { expectedCounts($0, horizon: horizon) }
        for (j, later) in fits.enumerated() {
            for i in 0..<j where merged[fits[i].id] == nil {
                let earlier = fits[i]
                guard let a = earlier.logLikelihood, let b = later.logLikelihood,
                      abs(a - b) <= logLikelihoodTolerance,
                      zip(profiles[i], profiles[j]).allSatisfy({ abs($0 - $1) <= relativeTolerance * max(abs($0), abs($1), 1) })
                else { continue }
                merged[later.id] = earlier.id
                break
            }
        }
        return merged
    }

    /// The fitted means at the observations, then the expected arrivals (background included) on each of
    /// the next `horizon` days.
    static func expectedCounts(_ fit: CurveFit, horizon: Int) -> [Double] {
        let grid = ProjectionGrid.daily(after: fit.observations.lastTime, horizon: horizon)
        var values = [Double](repeating: 0, count: grid.boundaries.count)
        fit.family.cumulative(at: grid.boundaries, fit.curveParameters, into: &values)
        let beta = fit.backgroundRate
        let future = (0..<grid.periodCount).map { k in
            values[k + 1] - values[k] + beta * (grid.boundaries[k + 1] - grid.boundaries[k])
        }
        return fit.fitted + future
    }
}
