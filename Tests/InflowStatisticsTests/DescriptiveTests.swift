import Testing
@testable import InflowStatistics

@Suite("Descriptive statistics")
struct DescriptiveTests {
    let reference = ReferenceData.shared

    @Test("type-7 quantiles match numpy's linear method")
    func sampleQuantiles() {
        for item in reference.sampleQuantiles {
            let values = Quantiles.quantiles(of: item.sample, levels: item.levels)
            let scale = item.sample.map { Swift.abs($0) }.max() ?? 1
            for (index, level) in item.levels.enumerated() {
                #expect(Swift.abs(values[index] - item.values[index]) <= Tolerance.sampleQuantile * scale,
                        "\(item.name) at \(level): \(values[index]), numpy \(item.values[index])")
            }
            let sorted = item.sample.sorted()
            #expect(Quantiles.quantile(sorted: sorted[...], 0.5) == values[item.levels.firstIndex(of: 0.5)!])
        }
        let integers = reference.integerSampleQuantiles
        let values = Quantiles.quantiles(of: integers.sample, levels: integers.levels)
        let scale = Double(integers.sample.map { Swift.abs($0) }.max() ?? 1)
        for (index, level) in integers.levels.enumerated() {
            #expect(Swift.abs(values[index] - integers.values[index]) <= Tolerance.sampleQuantile * scale,
                    "integers at \(level): \(values[index]), numpy \(integers.values[index])")
        }
    }

    @Test("quantiles are exact at the data and monotone in the level")
    func quantileShape() {
        let data: [Double] = [5, 1, 4, 2, 3]
        #expect(Quantiles.quantiles(of: data, levels: [0, 0.25, 0.5, 0.75, 1]) == [1, 2, 3, 4, 5])
        let levels = stride(from: 0.0, through: 1.0, by: 0.001).map { $0 }
        let values = Quantiles.quantiles(of: [0.1, 7.3, -2.2, 7.3, 1e3], levels: levels)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("the 23 forecast-hub levels")
    func hubLevels() {
        let levels = Quantiles.forecastHubLevels
        #expect(levels.count == 23)
        #expect(levels.first == 0.01 && levels.last == 0.99)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 })
        for (low, high) in zip(levels, levels.reversed()) {
            #expect(Swift.abs(low + high - 1) <= 1e-15)
        }
        #expect(levels.contains(0.5) && levels.contains(0.025) && levels.contains(0.975))
    }

    @Test("running moments: Welford and Chan's merge agree with two-pass formulas")
    func runningMoments() {
        var generator = Xoshiro256StarStar(seed: 8)
        let values = (0..<10_001).map { _ in 1e9 + generator.nextUniform() }  // large offset: naive Σx² fails
        // Two-pass reference, with the offset removed exactly (x − 1e9 is exact for these x).
        let mean = 1e9 + values.reduce(0) { $0 + ($1 - 1e9) } / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)

        let whole = RunningMoments(values)
        #expect(whole.count == values.count)
        #expect(relativeError(whole.mean, mean) <= Tolerance.runningMean)
        // Data of size 1e9 with spread 0.3: each value carries an ulp of 1.2e-7, so the variance 1/12 is
        // known to about ulp·spread/variance ≈ 4e-7 relative whatever the algorithm.
        #expect(relativeError(whole.variance, variance) <= 1e-6)

        var merged = RunningMoments()
        for chunk in stride(from: 0, to: values.count, by: 997) {
            merged.merge(RunningMoments(values[chunk..<min(chunk + 997, values.count)]))
        }
        #expect(merged.count == whole.count)
        #expect(relativeError(merged.mean, mean) <= Tolerance.runningMean)
        #expect(relativeError(merged.variance, whole.variance) <= 1e-6)
        #expect(RunningMoments().merging(whole) == whole)
        #expect(whole.merging(RunningMoments()) == whole)
        #expect(RunningMoments([3]).variance.isNaN)
        #expect(RunningMoments([1, 2, 3, 4]).variance == 5.0 / 3)
        #expect(RunningMoments([1, 2, 3, 4]).populationVariance == 1.25)
    }
}
