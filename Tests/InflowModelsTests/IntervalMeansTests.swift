import Testing
@testable import InflowModels

/// The means of interval counts are differences of the curve on the grid, and their gradient rows the
/// differences of its gradient rows, bit for bit: for contiguous intervals (the kernel's streamed path)
/// and for a series with a gap (its indexed path).
@Suite("Interval means from the curve grid")
struct IntervalMeansTests {
    @Test(arguments: [false, true])
    func meansAndGradientRowsAreDifferencesOfTheCurve(gap: Bool) {
        let family = Richards()
        let theta = SIMD8<Double>(2200, 0.8, 9.2, 1.7, 0, 0, 0, 0)
        var counts: [Double?] = (0..<20).map { Double(10 + 3 * $0) }
        if gap { counts[7] = nil }
        let observations = InflowSeries(kind: .counts, days: (0..<20).map(Double.init), values: counts).prepared()
        let likelihood = CurveLikelihood(family: family, error: .poisson, observations: observations)
        let grid = likelihood.grid
        let contiguous = (0..<observations.count).allSatisfy { grid.startIndex[$0] == $0 && grid.endIndex[$0] == $0 + 1 }
        #expect(contiguous == !gap)

        likelihood.computeMeans(theta, withGradients: true)
        var curve = [Double](repeating: 0, count: grid.times.count)
        var rows = [SIMD8<Double>](repeating: .zero, count: grid.times.count)
        family.cumulativeWithGradient(at: grid.times, theta, values: &curve, gradients: &rows)
        for i in 0..<observations.count {
            let start = grid.startIndex[i], end = grid.endIndex[i]
            #expect(likelihood.workspace.means[i] == curve[end] - curve[start], "mean \(i)")
            #expect(likelihood.workspace.meanGradients[i] == rows[end] - rows[start], "gradient row \(i)")
        }
    }
}

/// `finalSize` is `lim C(t)` (the protocol's definition), checked far past the data for the closed-form
/// bounded families, and for a two-pool curve whose fast or slow pool has hazard 0 (such a pool releases
/// no one: a non-identifiable fit can end there with any N for it).
@Suite("Final size is the limit of the cumulative curve")
struct FinalSizeLimitTests {
    static let cases: [(any CurveFamily, SIMD8<Double>)] = [
        (Logistic(), SIMD8(2200, 0.9, 3.5, 0, 0, 0, 0, 0)),
        (Richards(), SIMD8(2200, 0.8, 3.2, 1.7, 0, 0, 0, 0)),
        (Gompertz(), SIMD8(2300, 0.6, 3.0, 0, 0, 0, 0, 0)),
        (BassDiffusion(), SIMD8(2300, 0.03, 0.9, 0, 0, 0, 0, 0)),
        (ReleaseFromPool(), SIMD8(2500, 0.35, -0.5, 0, 0, 0, 0, 0)),
        (WeibullRelease(), SIMD8(2500, 4.0, 1.8, -0.5, 0, 0, 0, 0)),
        (TwoPoolRelease(), SIMD8(1500, 0.8, 1200, 0.05, -0.5, 0, 0, 0)),
        (TwoPoolRelease(), SIMD8(8271, 0, 3356, 0.1637, 1.54, 0, 0, 0)),
        (TwoPoolRelease(), SIMD8(1500, 0.8, 900, 0, -0.5, 0, 0, 0)),
    ]

    @Test(arguments: 0..<cases.count)
    func finalSizeIsTheLimit(caseIndex: Int) {
        let (family, theta) = Self.cases[caseIndex]
        let far = family.cumulative(at: 1e5, theta)
        #expect(abs(family.finalSize(theta) - far) <= Tolerance.farLimit * far, "\(family.name): \(family.finalSize(theta)) vs C(1e5) = \(far)")
    }
}
