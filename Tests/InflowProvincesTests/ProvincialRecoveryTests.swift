import Foundation
import InflowCore
import InflowData
import InflowLinearAlgebra
import InflowModels
import InflowProjection
@testable import InflowProvinces
import InflowStatistics
import Testing

/// The provincial model on data simulated from it: what national counts alone can and cannot tell, and what
/// province-level counts add.
@Suite("Provincial model: recovery from simulated data")
struct ProvincialRecoveryTests {
    static let gazetteer = try! ProvinceGazetteer.bundled()
    static let origin = Date(timeIntervalSince1970: 1_768_435_200)   // 2026-01-15T00:00Z
    /// True travel delay of the simulations: 1.5 days lost, 180 km a day (prior medians are 1 and 250).
    static let truth = TravelDelay(fixedDays: 1.5, kilometresPerDay: 180, shape: 4)

    /// Pools concentrated where the reporting said (far Banteay Meanchey and Mondulkiri, near Kandal).
    static func simulator(total: Double = 4_000) -> ProvincialSimulator {
        let weights: [String: Double] = ["KH-1": 0.30, "KH-11": 0.15, "KH-8": 0.20, "KH-18": 0.20, "KH-20": 0.15]
        let pools = gazetteer.provinces.map { total * (weights[$0.isoCode] ?? 0) }
        return ProvincialSimulator(provinces: gazetteer.provinces, pools: pools, hazard: 0.25, onset: 0.5, delay: truth,
                                   background: 5)
    }

    /// Relative error allowed on the recovered pool `N` from 14 days of national Poisson counts of a 4,000 pool
    /// released with hazard 0.25 (about 92% seen): its standard error is a few percent; three times that.
    static let poolTolerance = 0.15

    @Test func nationalCountsRecoverThePoolAndLeaveProvincesToThePrior() throws {
        let simulator = Self.simulator()
        let counts = simulator.counts(days: 0..<14, seed: 7)
        let (site, _) = ProvincialSimulator.series(counts, provinces: Self.gazetteer.provinces, days: 0..<14, origin: Self.origin)
        let model = ProvincialModel(gazetteer: Self.gazetteer, delayPrior: .known(Self.truth))
        let fit = try model.fit(site, counts: nil, error: .poisson, options: FitOptions(background: .fixed(5)))
        #expect(fit.fit.status.isConverged)
        #expect(abs(fit.pool / 4_000 - 1) < Self.poolTolerance)
        #expect(!fit.delay.isInformedByCounts)
        #expect(model.codes.allSatisfy { fit.basis($0) == .prior })
    }

    @Test func provinceCountsRecoverSharesAndTheTravelSpeed() throws {
        let simulator = Self.simulator()
        let counts = simulator.counts(days: 0..<14, seed: 11)
        let (site, byProvince) = ProvincialSimulator.series(counts, provinces: Self.gazetteer.provinces, days: 0..<14,
                                                            origin: Self.origin)
        let observed = try ProvinceCounts.from(series: byProvince, gazetteer: Self.gazetteer, origin: Self.origin)
        let model = ProvincialModel(gazetteer: Self.gazetteer)
        let fit = try model.fit(site, counts: observed, error: .poisson, options: FitOptions(background: .fixed(5)))
        #expect(fit.delay.isInformedByCounts)
        // The speed is identified by when far and near provinces arrive; the prior's median (250) is far off.
        let speed = fit.delay.meanKilometresPerDay
        print("recovered v = \(speed), a = \(fit.delay.meanFixedDays), nodes \(fit.delay.effectiveNodes)")
        #expect(abs(speed / 180 - 1) < 0.25)
        let headline = fakeHeadline(fit, days: 14)
        let split = ProvincialAllocation.run(headline, fit: fit, seed: 1, threads: 2)
        let bm = try #require(split.index(of: "KH-1"))
        let share = split.share(bm)
        print("Banteay Meanchey share \(share.median) [\(share.values[0]), \(share.values[4])]")
        #expect(abs(share.median - 0.30) < 0.05)
        #expect(split.basis[bm] == .counts)
    }

    /// A site projection that is the provincial fit's own mean curve (Poisson draws), to split.
    func fakeHeadline(_ fit: ProvincialFit, days: Int) -> Projection {
        let grid = ProjectionGrid.daily(after: Double(days), horizon: 21)
        let family = fit.fit.family
        var generator = RandomStreams(seed: 3).generator(series: 0, replicate: 0)
        let replicates = 200
        var values = [Double](repeating: 0, count: grid.periodCount * replicates)
        for r in 0..<replicates {
            for k in 0..<grid.periodCount {
                let mean = family.cumulative(at: grid.boundaries[k + 1], fit.fit.curveParameters)
                    - family.cumulative(at: grid.boundaries[k], fit.fit.curveParameters) + fit.background
                values[r * grid.periodCount + k] = Double(Poisson.sample(mean: max(mean, 0), using: &generator))
            }
        }
        return Projection(model: fit.fit.id, origin: Self.origin, grid: grid, observedTotal: 0,
                          increments: Matrix(rows: grid.periodCount, columns: replicates, columnMajor: values),
                          finalSizes: [Double](repeating: .nan, count: replicates),
                          poolRemaining: Matrix(rows: grid.periodCount, columns: replicates), nonConvergedReplicates: 0,
                          failedReplicates: 0)
    }
}
