import Foundation
import InflowModels
import Testing

/// The provincial release family against its parts and its own derivatives.
@Suite("Provincial release family")
struct ProvincialReleaseTests {
    /// Relative tolerance of a central difference with step 1e-5 of a smooth function of order 1 (truncation
    /// ~1e-10, rounding ~1e-11 relative), with room for the incomplete gamma's 1e-14 accuracy.
    static let derivativeTolerance = 1e-6

    static let family = ProvincialRelease(origins: [
        ReleaseOrigin(code: "A", share: 2, meanDelay: 1.2),
        ReleaseOrigin(code: "B", share: 1, meanDelay: 3.5),
        ReleaseOrigin(code: "C", share: 1, meanDelay: 2.0, fixedOnset: 4),
    ], delayShape: 4)

    @Test func oneOriginIsTheDelayedRelease() {
        let single = ProvincialRelease(origins: [ReleaseOrigin(code: "A", share: 1, meanDelay: 2.5)], delayShape: 3)
        let delayed = DelayedRelease()
        for t in stride(from: 0.5, through: 20, by: 0.75) {
            let ours = single.cumulative(t, SIMD8(1_000, 0.4, 0.2, 0, 0, 0, 0, 0))
            let theirs = delayed.cumulative(t, SIMD8(1_000, 0.4, 0.2, 2.5, 3, 0, 0, 0))
            #expect(abs(ours - theirs) <= 1e-9 * max(theirs, 1))
        }
    }

    @Test func sharesAreNormalisedAndTheFinalSizeIsN() {
        #expect(abs(Self.family.origins.map(\.share).reduce(0, +) - 1) < 1e-15)
        #expect(abs(Self.family.cumulative(500, SIMD8(900, 0.5, 0, 0, 0, 0, 0, 0)) - 900) < 1e-6)
    }

    @Test(arguments: [0.7, 2.5, 6.0, 11.0])
    func gradientsMatchCentralDifferences(t: Double) {
        let theta = SIMD8<Double>(1_500, 0.35, 0.3, 0, 0, 0, 0, 0)
        let (value, gradient) = Self.family.cumulativeWithGradient(t, theta)
        let (rateValue, rateGradient) = Self.family.rateWithGradient(t, theta)
        #expect(abs(value - Self.family.cumulative(t, theta)) <= 1e-12 * max(value, 1))
        #expect(abs(rateValue - Self.family.rate(t, theta)) <= 1e-12 * max(rateValue, 1))
        for index in 0..<3 {
            let step = 1e-5 * max(abs(theta[index]), 1)
            var up = theta, down = theta
            up[index] += step
            down[index] -= step
            let numeric = (Self.family.cumulative(t, up) - Self.family.cumulative(t, down)) / (2 * step)
            let numericRate = (Self.family.rate(t, up) - Self.family.rate(t, down)) / (2 * step)
            #expect(abs(gradient[index] - numeric) <= Self.derivativeTolerance * max(abs(numeric), 1), "dC/d\(index) at \(t)")
            #expect(abs(rateGradient[index] - numericRate) <= Self.derivativeTolerance * max(abs(numericRate), 1), "dc/d\(index) at \(t)")
        }
        // The rate is the derivative of the cumulative count in time.
        let h = 1e-5
        let slope = (Self.family.cumulative(t + h, theta) - Self.family.cumulative(t - h, theta)) / (2 * h)
        #expect(abs(slope - rateValue) <= Self.derivativeTolerance * max(abs(slope), 1))
    }

    @Test func theOnsetIsUnusedOnlyWhenEveryOriginHasAnEvent() {
        #expect(!Self.family.onsetIsUnused)
        let fixed = ProvincialRelease(origins: [ReleaseOrigin(code: "A", share: 1, meanDelay: 1, fixedOnset: 2)], delayShape: 2)
        #expect(fixed.onsetIsUnused)
    }
}
