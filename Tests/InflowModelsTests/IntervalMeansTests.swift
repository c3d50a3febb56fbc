import InflowCore
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
        #expect(grid.isContiguous == contiguous)

        let scratch = likelihood.makeWorkspace()
        likelihood.computeMeans(theta, withGradients: true, scratch: scratch)
        var curve = [Double](repeating: 0, count: grid.times.count)
        var rows = [SIMD8<Double>](repeating: .zero, count: grid.times.count)
        family.cumulativeWithGradient(at: grid.times, theta, values: &curve, gradients: &rows)
        for i in 0..<observations.count {
            let start = grid.startIndex[i], end = grid.endIndex[i]
            #expect(scratch.current.means[i] == curve[end] - curve[start], "mean \(i)")
            #expect(scratch.current.meanGradients[i] == rows[end] - rows[start], "gradient row \(i)")
        }
    }
}
