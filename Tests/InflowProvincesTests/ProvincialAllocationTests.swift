import Foundation
import InflowCore
import InflowData
import InflowLinearAlgebra
import InflowModels
import InflowProjection
@testable import InflowProvinces
import InflowStatistics
import Testing

/// The split of a site's projection by province: coherent in every replicate, reproducible whatever the
/// thread count, and faithful to the prior when there are no province counts.
@Suite("Provincial allocation")
struct ProvincialAllocationTests {
    static let gazetteer = try! ProvinceGazetteer.bundled()
    static let origin = ProvincialRecoveryTests.origin

    /// A fit of the model to 12 days of simulated national counts, and a projection of its own to split.
    static func fitted(_ model: ProvincialModel, seed: UInt64 = 5) throws -> (ProvincialFit, Projection) {
        let simulator = ProvincialRecoveryTests.simulator()
        let counts = simulator.counts(days: 0..<12, seed: seed)
        let (site, _) = ProvincialSimulator.series(counts, provinces: gazetteer.provinces, days: 0..<12, origin: origin)
        let fit = try model.fit(site, counts: nil, error: .poisson, options: FitOptions(background: .fixed(5)))
        return (fit, ProvincialRecoveryTests().fakeHeadline(fit, days: 12))
    }

    @Test func provincesAddUpToTheSiteInEveryReplicateAndPeriod() throws {
        let (fit, headline) = try Self.fitted(ProvincialModel(gazetteer: Self.gazetteer))
        let split = ProvincialAllocation.run(headline, fit: fit, seed: 9, threads: 2)
        #expect(split.provinces.count == 25)
        for replicate in 0..<headline.replicates {
            for k in 0..<headline.periods {
                let sum = split.increments.reduce(0) { $0 + $1[k, replicate] }
                #expect(sum == headline.increments[k, replicate])
                if sum != headline.increments[k, replicate] { return }
            }
        }
        #expect(split.increments.allSatisfy { $0.elements.allSatisfy { $0 >= 0 && $0 == $0.rounded() } })
    }

    @Test func theSplitDoesNotDependOnTheThreadCount() throws {
        let (fit, headline) = try Self.fitted(ProvincialModel(gazetteer: Self.gazetteer))
        let one = ProvincialAllocation.run(headline, fit: fit, seed: 21, threads: 1)
        let three = ProvincialAllocation.run(headline, fit: fit, seed: 21, threads: 3)
        #expect(zip(one.increments, three.increments).allSatisfy { $0.elements == $1.elements })
        #expect(one.shareSamples == three.shareSamples)
    }

    /// Monte Carlo tolerance on a share's mean over 200 replicates: its Dirichlet standard deviation is at most
    /// `sqrt(0.087 x 0.913 / 21) = 0.062`, so the mean's is 0.0044; five of those.
    static let shareMeanTolerance = 0.022

    @Test func withoutProvinceCountsTheSharesAreThePriors() throws {
        let model = ProvincialModel(gazetteer: Self.gazetteer)
        let (fit, headline) = try Self.fitted(model)
        let split = ProvincialAllocation.run(headline, fit: fit, seed: 3, threads: 2)
        #expect(split.isPriorDriven)
        for index in split.provinces.indices {
            let mean = split.shareSamples[index].reduce(0, +) / Double(split.shareSamples[index].count)
            #expect(abs(mean - split.priorShares[index]) < Self.shareMeanTolerance, "\(split.provinces[index].name)")
        }
        // The gazetteer prior weighs the seven provinces named in January 2026 reporting four times the others.
        let named = split.priorShares.filter { $0 > 0.05 }.count
        #expect(named == 7)
    }

    @Test func anotherShareFileMovesTheProvincesButNotTheSite() throws {
        let certain = ProvinceShares(shares: ["KH-1": 1], concentration: 1_000, source: "all from Banteay Meanchey")
        let model = ProvincialModel(gazetteer: Self.gazetteer, alternatives: [certain])
        let (fit, headline) = try Self.fitted(model)
        let other = ProvincialAllocation.run(headline, fit: fit, shares: certain, seed: 3, threads: 2)
        #expect(other.provinces.map(\.isoCode) == ["KH-1"])
        #expect(other.increments[0].elements == headline.increments.elements)
    }

    @Test func aKnownLaterReleaseDelaysItsProvince() throws {
        // Svay Rieng's compounds emptied six days after the others: its arrivals come later in the horizon.
        let events = ReleaseEvents(events: [ReleaseEvent(isoCode: "KH-20", province: "Svay Rieng",
                                                         date: Self.origin.addingTimeInterval(10 * 86_400))],
                                   source: "events")
        let early = try Self.fitted(ProvincialModel(gazetteer: Self.gazetteer))
        let late = try Self.fitted(ProvincialModel(gazetteer: Self.gazetteer, events: events))
        let index = 19
        #expect(late.0.model.provinces[index].isoCode == "KH-20")
        let before = ProvincialAllocation.run(early.1, fit: early.0, seed: 4, threads: 2)
        let after = ProvincialAllocation.run(late.1, fit: late.0, seed: 4, threads: 2)
        let share = { (split: ProvincialProjection) in
            split.arrivals(index, overFirst: 7).mean / split.site.arrivals(overFirst: 7).mean
        }
        #expect(share(after) > 1.5 * share(before))
    }

    @Test func weeklyNeedsCoverTheHorizonAndAddUp() throws {
        let (fit, headline) = try Self.fitted(ProvincialModel(gazetteer: Self.gazetteer))
        let split = ProvincialAllocation.run(headline, fit: fit, seed: 2, threads: 2)
        let needs = split.weeklyNeeds()
        #expect(needs.count == 25 * 3)   // 21 days: three weeks
        #expect(needs.filter { $0.isoCode == "KH-1" }.map(\.days) == [7, 7, 7])
        let window = try #require(split.arrivalWindow(0))
        #expect(window.lower <= window.median && window.median <= window.upper)
    }
}
