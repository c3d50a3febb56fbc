import Benchmark
import Foundation
import InflowLinearAlgebra
import InflowStatistics

/// The vectorised exp of `VectorMath` (the `CInflowKernels` clone this machine selects) against
/// libm's `exp` called once per element, on the same 1,000 arguments in [-20, 20].
///
/// Each measured iteration computes 1,000 exponentials (scaling factor .kilo), so the time is per
/// exponential. The ratio of the two is the speed-up the log-linear bootstrap's IRLS weights and the
/// curve kernels get from the vector form. The negative binomial likelihood's special functions are timed
/// the same way, on 1,000 arguments in [1, 1,000] (theta + y of daily counts): libm's `lgamma` and
/// `SpecialFunctions.digamma`. `Guides/Performance.md` prices each job's transcendentals with these.
func registerVectorMathBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        scalingFactor: .kilo
    )
    let arguments = (0..<1_000).map { -20 + 40 * Double($0) / 1_000 }

    Benchmark("vectormath-exp-n=1000", configuration: configuration) { benchmark in
        var output = [Double](repeating: 0, count: arguments.count)
        for _ in 0..<benchmark.scaledIterations.count / arguments.count {
            arguments.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { VectorMath.exp(input, into: $0) }
            }
            blackHole(output[0])
        }
    }

    Benchmark("libm-exp-n=1000", configuration: configuration) { benchmark in
        var output = [Double](repeating: 0, count: arguments.count)
        for _ in 0..<benchmark.scaledIterations.count / arguments.count {
            for index in arguments.indices { output[index] = Foundation.exp(arguments[index]) }
            blackHole(output[0])
        }
    }

    let gammaArguments = (0..<1_000).map { 1 + 999 * Double($0) / 1_000 }
    Benchmark("libm-lgamma-n=1000", configuration: configuration) { benchmark in
        var output = [Double](repeating: 0, count: gammaArguments.count)
        for _ in 0..<benchmark.scaledIterations.count / gammaArguments.count {
            for index in gammaArguments.indices { output[index] = Foundation.lgamma(gammaArguments[index]) }
            blackHole(output[0])
        }
    }

    Benchmark("digamma-n=1000", configuration: configuration) { benchmark in
        var output = [Double](repeating: 0, count: gammaArguments.count)
        for _ in 0..<benchmark.scaledIterations.count / gammaArguments.count {
            for index in gammaArguments.indices { output[index] = SpecialFunctions.digamma(gammaArguments[index]) }
            blackHole(output[0])
        }
    }
}
