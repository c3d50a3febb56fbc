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
        let far = family.cumulative(at: 1e5, theta)
        #expect(abs(family.finalSize(theta) - far) <= Tolerance.farLimit * far,
                "\(family.name): \(family.finalSize(theta)) vs C(1e5) = \(far)")
    }
}
