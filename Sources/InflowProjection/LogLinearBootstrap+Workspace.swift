import InflowLinearAlgebra

extension LogLinearBootstrap {
    /// One thread's buffers for refitting chunks of replicates, allocated once and reused from chunk
    /// to chunk: responses, linear predictors, weights and weighted working responses (n x width each),
    /// coefficients (p x width, current and next), future log rates (periods x width) and flags.
    final class Workspace {
        /// Raw views of the buffers, valid inside ``withBuffers(_:)``.
        struct Buffers {
            let responses: UnsafeMutablePointer<Double>
            let linearPredictors: UnsafeMutablePointer<Double>
            let weights: UnsafeMutablePointer<Double>
            let weightedWorking: UnsafeMutablePointer<Double>
            let coefficients: UnsafeMutablePointer<Double>
            let next: UnsafeMutablePointer<Double>
            let logRates: UnsafeMutablePointer<Double>
            let solved: UnsafeMutablePointer<Bool>
            let active: UnsafeMutablePointer<Bool>
            let outcome: UnsafeMutablePointer<UInt8>
            var normalEquations: BatchedNormalEquations.Workspace
        }

        private let storage: UnsafeMutableBufferPointer<Double>
        private let flags: UnsafeMutableBufferPointer<Bool>
        private let outcomes: UnsafeMutableBufferPointer<UInt8>
        private var buffers: Buffers

        init(bootstrap: LogLinearBootstrap) {
            let n = bootstrap.observationCount, p = bootstrap.coefficientCount
            let width = bootstrap.chunkWidth, periods = bootstrap.futureDesign.rows
            let sizes = [n, n, n, n, p, p, max(periods, 1)].map { $0 * width }
            storage = .allocate(capacity: sizes.reduce(0, +))
            storage.initialize(repeating: 0)
            flags = .allocate(capacity: 2 * width)
            flags.initialize(repeating: false)
            outcomes = .allocate(capacity: width)
            outcomes.initialize(repeating: 0)
            var offsets: [Int] = [0]
            for size in sizes { offsets.append(offsets.last! + size) }
            let base = storage.baseAddress!
            buffers = Buffers(
                responses: base + offsets[0], linearPredictors: base + offsets[1], weights: base + offsets[2],
                weightedWorking: base + offsets[3], coefficients: base + offsets[4], next: base + offsets[5],
                logRates: base + offsets[6], solved: flags.baseAddress!, active: flags.baseAddress! + width,
                outcome: outcomes.baseAddress!,
                normalEquations: BatchedNormalEquations.Workspace(capacity: width, equations: bootstrap.equations))
        }

        deinit {
            storage.deallocate()
            flags.deallocate()
            outcomes.deallocate()
        }

        /// Runs `body` with the buffers.
        func withBuffers<Result>(_ body: (inout Buffers) -> Result) -> Result { body(&buffers) }
    }
}
