import Foundation
import InflowCore
import InflowData
#if INFLOW_LIBFUZZER
import CLibFuzzer
#endif

// A fuzz target for the CSV reader and the loader ("no silent misreads").
//
// Every input is read as raw bytes (so invalid UTF-8 is exercised too) under each options variant,
// twice: by `DataCheck` (collecting mode, recovering reader) and by `SeriesLoader` (throwing mode).
// A violated property traps with a message naming it, which libFuzzer records as a crash.

/// The properties an input must satisfy, whatever its bytes.
enum LoadProperties {
    /// The present for the future-time check: 2026-01-25T03:00:00Z, after every time of the seed corpus.
    static let now = Date(timeIntervalSince1970: 1_769_310_000)
    /// The file as named in messages.
    static let fileName = "fuzz.csv"
    /// The longest message accepted (a message quotes at most 80 characters of a field).
    static let longestMessage = 600
    /// Large enough that the check never cuts its list short for an input of a few KB.
    static let maximumIssues = 1_000_000

    /// The options each input is read with.
    static let variants: [(name: String, options: LoadOptions)] = [
        ("LoadOptions()", LoadOptions()),
        ("LoadOptions(keyColumns: [\"province\"])", LoadOptions(keyColumns: ["province"])),
    ]

    /// Checks every property of `bytes` under every variant; traps on the first one violated.
    static func check(_ bytes: [UInt8]) {
        for variant in variants {
            check(bytes, variant: variant.name, options: variant.options)
        }
    }

    static func check(_ bytes: [UInt8], variant: String, options: LoadOptions) {
        // Collecting mode: every problem, errors and warnings.
        let issues = DataCheck.check(
            reader: CSVReader(bytes: bytes, name: fileName, recovering: true),
            options: options, now: now, maximumIssues: maximumIssues)
        for issue in issues {
            checkMessage(issue.message, of: issue.severity == .error ? "an error issue" : "a warning issue", variant: variant)
        }
        let checkFoundErrors = DataCheck.hasErrors(issues)

        // Throwing mode: the first error, or the data.
        let loaded: LoadedData
        do {
            loaded = try SeriesLoader(options: options, now: now).load(from: CSVReader(bytes: bytes, name: fileName))
        } catch let error as DataError {
            checkMessage(error.message, of: "the thrown DataError", variant: variant)
            if !checkFoundErrors {
                violated("agreement", "the loader throws but DataCheck.check finds no error", variant: variant,
                         "thrown: \(error)\nissues:\n" + listed(issues))
            }
            if !issues.contains(DataIssue(error)) {
                violated("check-lists-error", "the loader's error is not among DataCheck.check's issues", variant: variant,
                         "thrown: \(error)\nissues:\n" + listed(issues))
            }
            return
        } catch {
            violated("data-error", "the loader throws something other than a DataError", variant: variant,
                     "thrown: \(type(of: error)): \(error)")
            return
        }
        if checkFoundErrors {
            violated("agreement", "the loader succeeds but DataCheck.check finds an error", variant: variant,
                     "errors:\n" + listed(issues.filter { $0.severity == .error }))
        }
        checkData(loaded, options: options, variant: variant)
    }

    /// A message is a non-empty sentence of at most ``longestMessage`` characters, without raw control
    /// characters (a field's NUL or escape sequence is shown as `\0`, `\u{1B}`).
    static func checkMessage(_ message: String, of what: String, variant: String) {
        if message.isEmpty {
            violated("message", "\(what) has an empty message", variant: variant, "")
        }
        if message.count > longestMessage {
            violated("message", "\(what) has a message of \(message.count) characters (at most \(longestMessage) expected)",
                     variant: variant, "message: " + shown(message))
        }
        if let control = message.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            violated("message-control", "\(what) has a raw control character U+\(String(control.value, radix: 16, uppercase: true)) in its message",
                     variant: variant, "message: " + shown(message))
        }
    }

    /// The loaded series: finite values, non-negative and within the limit for counts and cumulative totals,
    /// finite ascending times, and a span of times within the limit.
    static func checkData(_ data: LoadedData, options: LoadOptions, variant: String) {
        var earliest = Double.infinity
        var latest = -Double.infinity
        func checkSeries(_ series: InflowSeries, role: String, limit: Double?, inSpan: Bool) {
            let name = "\(role) \"\(shown(series.name))\""
            if series.times.count != series.values.count {
                violated("finite", "\(name) has \(series.times.count) times and \(series.values.count) values", variant: variant, "")
            }
            if !series.origin.timeIntervalSince1970.isFinite {
                violated("finite", "\(name) has a non-finite origin \(series.origin.timeIntervalSince1970)", variant: variant, "")
            }
            var previous: Double?
            for (index, (time, value)) in zip(series.times, series.values).enumerated() {
                let seconds = time.timeIntervalSince1970
                let at = "\(name), point \(index) (time \(seconds) s since 1970, value \(value.map { "\($0)" } ?? "nil"))"
                if !seconds.isFinite {
                    violated("finite", "a time is not finite", variant: variant, at)
                }
                if let previous, seconds <= previous {
                    violated("order", "times do not ascend", variant: variant, "\(at), previous time \(previous)")
                }
                previous = seconds
                if inSpan {
                    earliest = min(earliest, seconds)
                    latest = max(latest, seconds)
                }
                guard let value else { continue }
                if !value.isFinite {
                    violated("finite", "a value is not finite", variant: variant, at)
                }
                if series.kind != .level {
                    if value < 0 {
                        violated("sign", "a \(series.kind.rawValue) value is negative", variant: variant, at)
                    }
                    if let limit, value > limit {
                        violated("limit", "a \(series.kind.rawValue) value is above LoadOptions.maximumValue (\(limit))",
                                 variant: variant, at)
                    }
                }
            }
        }
        for series in data.series {
            checkSeries(series, role: "series", limit: options.maximumValue, inSpan: true)
        }
        if let stated = data.statedTotal {
            checkSeries(stated, role: "stated total", limit: options.maximumValue, inSpan: true)
        }
        if let total = data.total {
            // The keys' sum may exceed the limit of one figure; it must still be finite and non-negative.
            checkSeries(total, role: "total", limit: nil, inSpan: false)
        }
        if latest >= earliest {
            let days = (latest - earliest) / InflowSeries.secondsPerDay
            if days > Double(options.maximumSpanDays) {
                violated("span", "the times span \(days) days, more than LoadOptions.maximumSpanDays (\(options.maximumSpanDays))",
                         variant: variant, "earliest \(earliest) s, latest \(latest) s since 1970")
            }
        }
    }

    /// The properties, by the name a violation gives: `agreement` (the loader throws exactly when the check
    /// finds an error), `check-lists-error` (the loader's error is one of the check's issues), `data-error`
    /// (only `DataError`s are thrown), `message` (messages non-empty, at most ``longestMessage`` characters),
    /// `message-control` (no raw control characters in messages), `finite`, `order` (times ascend), `sign`
    /// (no negative count or total), `limit` (``LoadOptions/maximumValue``), `span` (``LoadOptions/maximumSpanDays``).
    static let properties: Set<String> = [
        "agreement", "check-lists-error", "data-error", "message", "message-control", "finite", "order", "sign",
        "limit", "span",
    ]

    /// Properties not to check, from `INFLOW_FUZZ_IGNORE` (comma-separated names), so that fuzzing can go on
    /// past a known, still unfixed violation.
    static let ignored: Set<String> = {
        let names = (ProcessInfo.processInfo.environment["INFLOW_FUZZ_IGNORE"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in names where !properties.contains(name) {
            fatalError("INFLOW_FUZZ_IGNORE: unknown property \"\(name)\"; the properties are \(properties.sorted().joined(separator: ", "))")
        }
        return Set(names)
    }()

    /// Traps, naming the property violated (libFuzzer saves the input as a crash), unless it is ignored.
    static func violated(_ property: String, _ what: String, variant: String, _ details: String) {
        guard !ignored.contains(property) else { return }
        fatalError("inflow-fuzz-load: property \"\(property)\" violated with \(variant): \(what)\n\(details)")
    }

    /// The issues one per line (at most 20).
    static func listed(_ issues: [DataIssue]) -> String {
        var lines = issues.prefix(20).map { "  " + shown($0.description) }
        if issues.count > 20 { lines.append("  ... and \(issues.count - 20) more") }
        return lines.joined(separator: "\n")
    }

    /// `text` made safe for a terminal and cut to 300 characters.
    static func shown(_ text: String) -> String {
        let cut = text.count <= 300 ? text : String(text.prefix(300)) + "...(\(text.count) characters)"
        var result = ""
        for scalar in cut.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// libFuzzer's callback: checks one input. Exported under the name libFuzzer's own `main` would look for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    LoadProperties.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@main
struct FuzzMain {
    static func main() throws {
        if !LoadProperties.ignored.isEmpty {
            let names = LoadProperties.ignored.sorted().joined(separator: ", ")
            FileHandle.standardError.write(Data("inflow-fuzz-load: not checking \(names) (INFLOW_FUZZ_IGNORE)\n".utf8))
        }
        #if INFLOW_LIBFUZZER
        // SwiftPM links every executable with `main` defined as this module's entry point, so libFuzzer's
        // own `main` is never used: hand the command line to its driver instead (same flags, same behaviour).
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            return fuzz(data, size)
        })
        #else
        try replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    /// Without libFuzzer: runs the same checks on the files (or the files in the directories) given.
    static func replay(_ paths: [String]) throws {
        guard !paths.isEmpty else {
            print("usage: inflow-fuzz-load FILE_OR_DIRECTORY...  (checks each input; traps on a violated property)")
            return
        }
        var files: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                files += names.map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        for file in files {
            LoadProperties.check([UInt8](try Data(contentsOf: file)))
            print("ok: \(file.path)")
        }
    }
}
