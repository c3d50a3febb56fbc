import Foundation

/// Median wall time in seconds of `body` over `repetitions` calls, each timed on the monotonic clock
/// (`DispatchTime.uptimeNanoseconds`, CLOCK_UPTIME_RAW / CLOCK_MONOTONIC), after `warmUp` untimed calls.
/// - Complexity: `warmUp + repetitions` calls of `body`, a sort of `repetitions` values.
func median(_ repetitions: Int, warmUp: Int = 1, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<warmUp { try body() }
    var times: [Double] = []
    times.reserveCapacity(repetitions)
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
}

/// The groups named in `INFLOW_TIMING_ONLY` (comma-separated), or `nil` for every group.
let onlyGroups = ProcessInfo.processInfo.environment["INFLOW_TIMING_ONLY"].map {
    Set($0.split(separator: ",").map(String.init))
}

/// Whether the group runs: every group without `INFLOW_TIMING_ONLY`, else only those it names.
func selected(_ group: String) -> Bool { onlyGroups?.contains(group) ?? true }

/// One JSON line: the job, its median seconds and a free-text detail.
func report(_ job: String, _ seconds: Double, _ detail: String = "") {
    print("{\"job\": \"\(job)\", \"seconds\": \(seconds), \"detail\": \"\(detail)\"}")
}

/// A number for JSON: shortest round-trip text, `null` for NaN and infinities.
func jsonNumber(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
