import Foundation
import Testing
@testable import InflowStatistics

@Suite("Random generators")
struct RandomGeneratorTests {
    let reference = ReferenceData.shared

    @Test("SplitMix64 matches the reference algorithm")
    func splitMix64() {
        for item in reference.splitmix64 {
            var generator = SplitMix64(seed: UInt64(reference: item.seed))
            let outputs = (0..<item.outputs.count).map { _ in generator.next() }
            #expect(outputs == item.outputs.map(UInt64.init(reference:)), "seed \(item.seed)")
        }
    }

    @Test("xoshiro256** seeding and first outputs match the reference algorithm")
    func xoshiroOutputs() {
        for item in reference.xoshiro256starstar {
            var generator = Xoshiro256StarStar(seed: UInt64(reference: item.seed))
            let state = generator.state
            #expect([state.0, state.1, state.2, state.3] == item.state.map(UInt64.init(reference:)))
            let outputs = (0..<item.outputs.count).map { _ in generator.next() }
            #expect(outputs == item.outputs.map(UInt64.init(reference:)), "seed \(item.seed)")
        }
    }

    @Test("jump and long jump land where the GF(2) matrix powers A^(2^128) and A^(2^192) do")
    func jumps() {
        for item in reference.xoshiro256starstar {
            var jumped = Xoshiro256StarStar(seed: UInt64(reference: item.seed))
            jumped.jump()
            #expect((0..<4).map { _ in jumped.next() } == item.afterJump.map(UInt64.init(reference:)))
            var longJumped = Xoshiro256StarStar(seed: UInt64(reference: item.seed))
            longJumped.longJump()
            #expect((0..<4).map { _ in longJumped.next() } == item.afterLongJump.map(UInt64.init(reference:)))
        }
    }

    @Test("explicit state round-trips")
    func explicitState() {
        var a = Xoshiro256StarStar(seed: 7)
        var b = Xoshiro256StarStar(state: a.state)
        #expect(a == b)
        #expect(a.next() == b.next())
    }

    @Test("uniforms: exact grid, range, and mean")
    func uniforms() {
        var generator = Xoshiro256StarStar(seed: 99)
        var closed = RunningMoments()
        var open = RunningMoments()
        for _ in 0..<100_000 {
            let u = generator.nextUniform()
            #expect(u >= 0 && u < 1)
            #expect(u * 0x1p53 == (u * 0x1p53).rounded())
            closed.add(u)
            let v = generator.nextUniformOpen()
            #expect(v > 0 && v < 1)
            open.add(v)
        }
        // Uniform(0,1): mean 1/2, standard deviation 1/√12.
        let standardError = (1.0 / 12).squareRoot() / Double(closed.count).squareRoot()
        #expect(Swift.abs(closed.mean - 0.5) < Tolerance.momentStandardErrors * standardError)
        #expect(Swift.abs(open.mean - 0.5) < Tolerance.momentStandardErrors * standardError)
        #expect(Swift.abs(closed.variance - 1.0 / 12) < 0.01 / 12)
        // The extreme values of the open generator are exact and inside (0, 1).
        #expect(0.5 * 0x1p-52 > 0)
        #expect((Double((UInt64.max) >> 12) + 0.5) * 0x1p-52 < 1)
    }
}

@Suite("Random streams")
struct RandomStreamTests {
    let reference = ReferenceData.shared

    @Test("keys and draws follow the documented derivation")
    func documentedDerivation() {
        for item in reference.randomStreams.seriesReplicate {
            let streams = RandomStreams(seed: UInt64(reference: item.seed))
            #expect(streams.key(series: item.series, replicate: item.replicate) == UInt64(reference: item.key))
            var generator = streams.generator(series: item.series, replicate: item.replicate)
            #expect((0..<4).map { _ in generator.next() } == item.outputs.map(UInt64.init(reference:)))
        }
        for item in reference.randomStreams.streams {
            var generator = RandomStreams(seed: UInt64(reference: item.seed)).stream(UInt64(reference: item.index))
            #expect((0..<4).map { _ in generator.next() } == item.outputs.map(UInt64.init(reference:)))
        }
    }

    /// Collects results written from several threads.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Int: [UInt64]] = [:]

        func store(_ values: [UInt64], at index: Int) {
            lock.lock()
            storage[index] = values
            lock.unlock()
        }

        var values: [Int: [UInt64]] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }

    static let seriesCount = 8
    static let replicateCount = 64
    static let drawsPerStream = 16

    static func draws(_ streams: RandomStreams, task: Int) -> [UInt64] {
        var generator = streams.generator(series: task / replicateCount, replicate: task % replicateCount)
        return (0..<drawsPerStream).map { _ in generator.next() }
    }

    @Test("the same (seed, series, replicate) gives the same draws on any thread and in any order")
    func reproducibleAcrossThreads() {
        let streams = RandomStreams(seed: 20_260_115)
        let taskCount = Self.seriesCount * Self.replicateCount
        let sequential = (0..<taskCount).map { Self.draws(streams, task: $0) }

        let collector = Collector()
        DispatchQueue.concurrentPerform(iterations: taskCount) { iteration in
            let task = taskCount - 1 - iteration  // reverse order, spread over threads
            collector.store(Self.draws(streams, task: task), at: task)
        }
        let concurrent = collector.values
        #expect(concurrent.count == taskCount)
        for task in 0..<taskCount {
            #expect(concurrent[task] == sequential[task], "task \(task)")
        }

        // Interleaved: one draw from each generator in turn.
        var generators = (0..<taskCount).map {
            streams.generator(series: $0 / Self.replicateCount, replicate: $0 % Self.replicateCount)
        }
        var interleaved = [[UInt64]](repeating: [], count: taskCount)
        var shuffler = Xoshiro256StarStar(seed: 5)
        for _ in 0..<Self.drawsPerStream {
            for task in (0..<taskCount).shuffled(using: &shuffler) {
                interleaved[task].append(generators[task].next())
            }
        }
        for task in 0..<taskCount {
            #expect(interleaved[task] == sequential[task], "task \(task)")
        }
    }

    @Test("streams are distinct and their uniforms are uncorrelated")
    func distinctStreams() {
        let streams = RandomStreams(seed: 1)
        var firsts = Set<UInt64>()
        for series in 0..<32 {
            for replicate in 0..<32 {
                var generator = streams.generator(series: series, replicate: replicate)
                firsts.insert(generator.next())
            }
        }
        #expect(firsts.count == 32 * 32)
        #expect(streams.key(series: 0, replicate: 1) != streams.key(series: 1, replicate: 0))
        #expect(RandomStreams(seed: 1).key(series: 3, replicate: 4) != RandomStreams(seed: 2).key(series: 3, replicate: 4))

        // Neighbouring replicates: correlation of 50 000 paired uniforms is 0 within 5 standard errors (1/√n).
        var a = streams.generator(series: 0, replicate: 0)
        var b = streams.generator(series: 0, replicate: 1)
        let n = 50_000
        var sum = 0.0
        for _ in 0..<n {
            sum += (a.nextUniform() - 0.5) * (b.nextUniform() - 0.5)
        }
        let correlation = sum / Double(n) * 12
        #expect(Swift.abs(correlation) < Tolerance.momentStandardErrors / Double(n).squareRoot())
    }
}
