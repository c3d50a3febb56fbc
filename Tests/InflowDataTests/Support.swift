import Foundation
import Testing
@testable import InflowData

/// The fixed present of the tests: 2026-01-25T03:00Z (10:00 in Phnom Penh).
let testNow = Date(timeIntervalSince1970: 1_769_310_000)

let phnomPenh = TimeZone(secondsFromGMT: 7 * 3600)!

/// The instant of an RFC 3339 time such as `2026-01-17T16:59:00Z` or `2026-01-17T23:59:00+07:00`.
func instant(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad test instant \(text)") }
    return date
}

/// A file of the test resources.
func resource(_ name: String) throws -> URL {
    let parts = name.split(separator: ".")
    return try #require(Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]),
                                          subdirectory: "Resources"))
}

/// A fresh temporary directory, removed by `body`'s end.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("inflow-data-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// The error `SeriesLoader` throws for `csv`, or `nil`.
func loadError(_ csv: String, name: String = "data.csv", options: LoadOptions = LoadOptions()) -> DataError? {
    do {
        _ = try SeriesLoader(options: options, now: testNow).load(csv: csv, name: name)
        return nil
    } catch let error as DataError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// The warnings `SeriesLoader` gives for `csv` (recording an issue when it throws).
func loadWarnings(_ csv: String, name: String = "data.csv", options: LoadOptions = LoadOptions()) -> [String] {
    do {
        return subject(try SeriesLoader(options: options, now: testNow).load(csv: csv, name: name).warnings).map(\.description)
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

/// Peak resident memory of the process so far, in bytes.
///
/// On Linux this is `VmHWM` from `/proc/self/status`, the high-water mark of this process's own
/// address space. `getrusage` is not used there because its `ru_maxrss` survives `execve`: a test
/// binary started by `swift test` (spawned with `vfork` semantics) inherits the peak of the large
/// build process that spawned it. Elsewhere it is `getrusage`'s `ru_maxrss`.
func peakResidentBytes() -> Int {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
        return kilobytes * 1024
    }
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024   // kilobytes on Linux
    #else
    var usage = rusage()
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss           // bytes on macOS
    #endif
}

/// The warnings a test is about: without ``DataWarning/Kind/fewObservations``, which the tests' tiny files all
/// raise (it has tests of its own, in `PlausibilityTests`), and without ``DataWarning/Kind/timesReadAsUTC``, which
/// their clock times without an offset raise when no time zone is given (tests of its own in `TimeHandlingTests`).
func subject(_ warnings: [DataWarning]) -> [DataWarning] {
    warnings.filter { !incidentalWarnings.contains($0.kind) }
}

/// The issues a test is about: without the incidental warnings (see ``subject(_:)``).
func subject(_ issues: [DataIssue]) -> [DataIssue] {
    issues.filter { issue in issue.warningKind.map { !incidentalWarnings.contains($0) } ?? true }
}

/// Warnings most test files raise whatever they test.
let incidentalWarnings: Set<DataWarning.Kind> = [.fewObservations, .timesReadAsUTC]
