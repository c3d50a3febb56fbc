import InflowCore
import Foundation
import Testing
import InflowFitting
import InflowLinearAlgebra
import InflowModels
import InflowStatistics
@testable import InflowProjection

@Suite("Batched bootstrap of the log-linear model")
struct LogLinearProjectorTests {
    /// 60 days of Poisson counts with log c(t) = 3 + 0.05 t - 0.001 t^2.
    static func series() -> InflowSeries {
        var generator = Xoshiro256StarStar(seed: 9)
        let counts = (0..<60).map { t -> Double? in
            let rate = exp(3 + 0.05 * Double(t) - 0.001 * Double(t * t))
            return Double(Poisson.sample(mean: rate, using: &generator))
        }
        return InflowSeries(kind: .counts, days: (0..<60).map(Double.init), values: counts)
    }

    @Test func reproducibleAcrossThreadCounts() throws {
        let fit = try LogLinearModel(basis: .polynomial(degree: 2)).fit(Self.series(), error: .poisson)
        let one = try LogLinearProjector.project(fit, options: ProjectionOptions(horizon: 5, replicates: 50, seed: 4, threads: 1))
        let three = try LogLinearProjector.project(fit, options: ProjectionOptions(horizon: 5, replicates: 50, seed: 4, threads: 3))
        #expect(one.increments == three.increments)
        #expect(one.failedReplicates == 0)
    }

    /// The bootstrap's spread of the next day's expected count matches the delta-method standard
    /// error of the fitted log-rate: with B = 2000 the Monte Carlo error of a standard deviation is
    /// about 1.6%, so 10% catches a wrong weight or working response while never failing by chance.
    @Test func spreadMatchesTheDeltaMethod() throws {
        let fit = try LogLinearModel(basis: .polynomial(degree: 2)).fit(Self.series(), error: .poisson)
        let projection = try LogLinearProjector.project(fit, options: ProjectionOptions(horizon: 1, replicates: 2000, seed: 5))
        // Day 60's count: mean exp(eta), variance exp(eta) (Poisson) + exp(2 eta) var(eta) (parameters).
        let row = fit.designMatrix(at: [60]).row(0)
        let eta = zip(row, fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        var varianceEta = 0.0
        for i in 0..<row.count { for j in 0..<row.count { varianceEta += row[i] * fit.covariance[i, j] * row[j] } }
        let mean = exp(eta)
        let expected = (mean + mean * mean * varianceEta).squareRoot()
        let draws = projection.increments.row(0)
        let average = draws.reduce(0, +) / Double(draws.count)
        let sd = (draws.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(draws.count - 1)).squareRoot()
        #expect(abs(sd / expected - 1) < 0.10, "bootstrap sd \(sd), delta method \(expected)")
        #expect(abs(average / mean - 1) < 0.05, "bootstrap mean \(average), fitted \(mean)")
    }

    /// After a Newton step of relative size at most ``LogLinearProjector/tolerance`` (1e-6), the error
    /// left in the coefficients is of the order of its square; 1e-8 on a log rate is far above that
    /// and far below any difference a wrong weight or working response would make.
    static let refitAgreement = 1e-8
    /// The reference refits' own deviance test, far tighter than ``refitAgreement`` so that their error
    /// does not count against it.
    static let referenceIRLSTolerance = 1e-14

    /// Each replicate of the chunked NB2 refit is the maximum-likelihood fit (theta held) of its own
    /// drawn data: the batched Newton IRLS agrees with `IRLS.fit` run on one replicate at a time.
    @Test func chunkedNegativeBinomialRefitsMatchOneAtATimeIRLS() throws {
        var generator = Xoshiro256StarStar(seed: 11)
        let counts = (0..<80).map { t -> Double? in
            let rate = exp(2.5 + 0.04 * Double(t) - 0.0006 * Double(t * t))
            return Double(Poisson.sample(mean: rate * Gamma.standardSample(shape: 8, using: &generator) / 8, using: &generator))
        }
        let series = InflowSeries(kind: .counts, days: (0..<80).map(Double.init), values: counts)
        let fit = try LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 4)).fit(series, error: .negativeBinomial)
        let theta = try #require(fit.theta)
        let futureTimes = [80.0, 81, 82]
        let options = ProjectionOptions(horizon: 3, replicates: 12, seed: 3)
        let bootstrap = LogLinearBootstrap(fit: fit, futureTimes: futureTimes, periodLengths: [1, 1, 1], options: options)
        let workspace = LogLinearBootstrap.Workspace(bootstrap: bootstrap)
        let outcomes = bootstrap.refit(chunk: 0, replicates: 12, workspace: workspace).outcomes
        let future = fit.designMatrix(at: futureTimes)
        let n = fit.design.rows
        for column in 0..<12 {
            #expect(outcomes[column] == .converged)
            let (response, logRates) = workspace.withBuffers { buffers in
                (Array(UnsafeBufferPointer(start: buffers.responses + column * n, count: n)),
                 Array(UnsafeBufferPointer(start: buffers.logRates + column * 3, count: 3)))
            }
            var irlsOptions = IRLS.Options()
            irlsOptions.tolerance = Self.referenceIRLSTolerance
            let single = try IRLS.fit(design: fit.design, response: response, family: NegativeBinomial2LogFamily(theta: theta),
                                      offset: fit.offset, options: irlsOptions)
            let expected = future * single.coefficients
            for k in 0..<3 {
                #expect(abs(logRates[k] - expected[k]) < Self.refitAgreement * max(1, abs(expected[k])),
                        "replicate \(column) day \(k): \(logRates[k]) vs \(expected[k])")
            }
        }
    }
}
