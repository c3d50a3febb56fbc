import Testing
@testable import InflowModels

/// `finalSize` is `lim C(t)` (the protocol's definition), checked far past the data for every bounded
/// family of the derivative tests, and for two-pool curves whose fast or slow pool has hazard 0 (such a
/// pool releases no one: a non-identifiable fit can end there with any N for it).
@Suite("Final size is the limit of the cumulative curve")
struct FinalSizeLimitTests {
    static let cases: [(any CurveFamily, SIMD8<Double>)] = FamilyDerivativeTests.cases.filter { $0.0.isBounded } + [
        (TwoPoolRelease(), SIMD8(8271, 0, 3356, 0.1637, 1.54, 0, 0, 0)),
        (TwoPoolRelease(), SIMD8(1500, 0.8, 900, 0, -0.5, 0, 0, 0)),
    ]

    @Test(arguments: 0..<cases.count)
    func finalSizeIsTheLimit(caseIndex: Int) {
        let (family, theta) = Self.cases[caseIndex]
        // A Lomax tail falls like t^(-k): with k = 0.8 it still holds 1.5e-4 of the pool at 1e5 days, and
        // about 1e-24 at 1e30 days; a log-logistic one like t^(-beta) (beta = 1.6: 1e-7 at 1e5 days, 1e-48 at
        // 1e30). The other families are there long before 1e5 days.
        let heavyTailed = (family as? StaggeredRelease)?.delay == .lomax || family is LogLogisticRelease
        let farTime = heavyTailed ? 1e30 : 1e5
        let far = family.cumulative(at: farTime, theta)
        #expect(abs(family.finalSize(theta) - far) <= Tolerance.farLimit * far,
                "\(family.name): \(family.finalSize(theta)) vs C(\(farTime)) = \(far)")
    }
}
