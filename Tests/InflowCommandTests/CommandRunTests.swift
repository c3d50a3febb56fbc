import Foundation
import Testing

/// Runs the built `inflow` executable as a user would.
@Suite("Running inflow")
struct CommandRunTests {
    /// The `inflow` binary next to the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("inflow").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("inflow")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inflow-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func projectOnTheBundledDataPrintsATableAndWritesAReport() throws {
        let directory = try Self.temporaryDirectory()
        let report = directory.appendingPathComponent("report.html").path
        let result = try Self.run(["project", "--bootstrap", "40", "--curve", "logistic,gompertz", "--quiet", "--report", report])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("KBRI Phnom Penh: 8 reports of cumulative totals from 2026-01-17 to 2026-01-24 23:59, 2,277 arrivals so far"))
        #expect(result.output.contains("Background (arrivals unrelated to the surge): 20..25 per day, stated in kbri-phnom-penh-2026-01.csv, line 8"))
        #expect(result.output.contains("Projection: ensemble (stacking weights), 40 bootstrap replicates, seed 20260116"))
        #expect(result.output.contains("  2026-01-25 "))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        // The library's report says what the run left out; the command line adds how to get it.
        #expect(html.contains("Not asked for: a provincial model splits the projection"))
        #expect(html.contains("On the command line, inflow project --by province adds this split."))
        #expect(html.contains("On the command line, inflow project --archive DIR keeps every run"))
    }

    /// The loader names its option (`LoadOptions.kind`); the command line says its flag.
    @Test func aBoundInALevelSeriesNamesTheObservationFlag() throws {
        let file = try Self.temporaryDirectory().appendingPathComponent("level.csv")
        try "day,level,kind\n1,10.5,\n2,12,upper_bound\n3,13,\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.run(["check", "--data", file.path, "--observation", "level", "--time-column", "day"])
        #expect(result.status != 0)
        let text = result.output + result.error
        #expect(text.contains("read the values as counts or cumulative totals (--observation)"), "\(text)")
        #expect(!text.contains("LoadOptions"))
    }

    /// Two waves on the eight bundled reports estimate seven quantities, too many for AICc's correction: the table
    /// says n/a and a line under it says why.
    @Test func aMissingAICcIsExplainedUnderTheTable() throws {
        let result = try Self.run(["project", "--bootstrap", "40", "--curve", "logistic,waves-2", "--quiet", "--horizon", "5"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        let row = try #require(lines.first { $0.hasPrefix("  waves-2 ") })
        #expect(row.contains(" n/a "))
        #expect(lines.contains { $0.hasPrefix("  waves-2: too few observations for AICc: n = 8, ") })
        #expect(result.output.firstMatch(of: /(?i)\b(nan|inf)\b/) == nil)
    }

    @Test func sameSeedSameOutputWhateverTheThreads() throws {
        let one = try Self.run(["project", "--bootstrap", "40", "--curve", "logistic", "--quiet", "--threads", "1", "--format", "csv"])
        let two = try Self.run(["project", "--bootstrap", "40", "--curve", "logistic", "--quiet", "--threads", "2", "--format", "csv"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.output == two.output)
        #expect(one.output.hasPrefix("reference_date,target,horizon,location,target_end_date,output_type,output_type_id,value\n2026-01-24,day inc arrivals,1,kbri-phnom-penh,2026-01-25,mean,,"))
    }

    @Test func badInputNamesFileLineAndColumn() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("bad.csv")
        try "date,count\n2026-01-01,5\n2026-13-02,7\n".write(to: file, atomically: true, encoding: .utf8)
        let project = try Self.run(["project", "--data", file.path, "--quiet"])
        #expect(project.status != 0)
        #expect(project.error.contains("\(file.path):3:1: \"2026-13-02\" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59"))
        let check = try Self.run(["check", "--data", file.path])
        #expect(check.status == 1)
        #expect(check.output == "\(file.path):3:1: error: \"2026-13-02\" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59\n1 error, 0 warnings.\n")
        let empty = directory.appendingPathComponent("empty.csv")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let emptyRun = try Self.run(["project", "--data", empty.path, "--quiet"])
        #expect(emptyRun.status != 0)
        #expect(emptyRun.error.contains("empty.csv"))
    }

    /// Clock times read as UTC because no zone was given are warned about in command-line words (check and fit), and
    /// fit names the peak's day in the series' zone.
    @Test func clockTimesReadAsUTCAreWarnedAboutWithTheOption() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("local.csv")
        try ("# as_of is local time (UTC+7)\nas_of,total\n2026-01-17T23:59,243\n2026-01-18T23:59,308\n2026-01-19T23:59,911\n"
             + "2026-01-20T21:00,1440\n2026-01-21T23:59,1726\n2026-01-22T23:59,1950\n2026-01-24T23:59,2277\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let check = try Self.run(["check", "--data", file.path])
        #expect(check.output.contains("are read as UTC because no time zone was given"))
        #expect(check.output.contains("give --time-zone"))
        #expect(!check.output.contains("LoadOptions"))
        let fit = try Self.run(["fit", "--data", file.path, "--curve", "logistic"])
        #expect(fit.error.contains("give --time-zone"))
        #expect(fit.output.contains(", UTC), "))
        let zoned = try Self.run(["fit", "--data", file.path, "--curve", "logistic", "--time-zone", "Asia/Phnom_Penh"])
        #expect(!zoned.error.contains("read as UTC"))
        #expect(zoned.output.contains(", UTC+07:00), "))
    }

    @Test func anOutputPathEqualToTheInputIsRefused() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("counts.md")
        let original = "date,count\n2026-01-01,5\n2026-01-02,9\n2026-01-03,20\n2026-01-04,31\n2026-01-05,30\n2026-01-06,22\n2026-01-07,12\n"
        try original.write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.run(["project", "--data", file.path, "--curve", "logistic", "--bootstrap", "20", "--quiet",
                                   "--report", file.path])
        #expect(result.status != 0)
        #expect(result.error.contains("refusing to write"))
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }

    @Test func listingCommands() throws {
        let models = try Self.run(["models"])
        #expect(models.status == 0)
        #expect(models.output.contains("  logistic: Logistic\n    C(t) = K / (1 + exp(-r (t - t0)))"))
        let datasets = try Self.run(["datasets"])
        #expect(datasets.output.hasPrefix("kbri-phnom-penh-2026-01 (default)"))
    }

    @Test func simulateWritesACSVThatFitReadsBack() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("simulated.csv").path
        let simulate = try Self.run(["simulate", "--curve", "logistic", "--parameters", "K=3000,r=0.4,t0=12",
                                     "--days", "25", "--seed", "3", "--output", file])
        #expect(simulate.status == 0, "\(simulate.error)")
        let fit = try Self.run(["fit", "--data", file, "--curve", "logistic"])
        #expect(fit.status == 0, "\(fit.error)")
        #expect(fit.output.contains("Logistic: C(t) = K / (1 + exp(-r (t - t0)))"))
        #expect(fit.output.contains("status: converged"))
    }
}

extension CommandRunTests {
    /// Unbounded interval ends and undefined standard errors are null in JSON, not a crash.
    @Test func fitJSONWritesNullForNonFiniteValues() throws {
        let result = try Self.run(["fit", "--curve", "release,two-pool", "--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        let records = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        #expect(records?.count == 2)
        #expect(result.output.contains("\"upper\" : null") || result.output.contains("\"standardError\" : null"))
    }
}

extension CommandRunTests {
    /// Every number of a JSON document outside chart x coordinates (dates in seconds) and the seed.
    static func numbers(_ object: Any, path: String = "") -> [(String, Double)] {
        switch object {
        case let dictionary as [String: Any]:
            return dictionary.flatMap { numbers($0.value, path: path + "/" + $0.key) }
        case let array as [Any]:
            return array.enumerated().flatMap { numbers($0.element, path: path + "[\($0.offset)]") }
        case let number as NSNumber:
            return path.hasSuffix("/x") ? [] : [(path, number.doubleValue)]
        default:
            return []
        }
    }

    /// The promise for every output on the bundled data and on a long-format file with a province
    /// column: no inf, no NaN, and no number above ten times the observed total (what the data cannot
    /// bound is labelled as such).
    @Test func outputsHoldNoInfinityNaNOrBillions() throws {
        let directory = try Self.temporaryDirectory()
        let provinces = directory.appendingPathComponent("provinces.csv")
        var csv = "as_of,province,cumulative_since_2026_01_16\n"
        let times = ["2026-01-17T23:59", "2026-01-18T23:59", "2026-01-19T23:59", "2026-01-20T21:00", "2026-01-21T23:59",
                     "2026-01-22T23:59", "2026-01-23T17:00", "2026-01-24T23:59"]
        let totals = [243.0, 308, 911, 1440, 1726, 1950, 2117, 2277]
        for (time, total) in zip(times, totals) {
            for (province, share) in [("Banteay Meanchey", 0.35), ("Svay Rieng", 0.3), ("Preah Sihanouk", 0.25), ("Mondulkiri", 0.1)] {
                csv += "\(time),\(province),\(Int((total * share).rounded()))\n"
            }
        }
        try csv.write(to: provinces, atomically: true, encoding: .utf8)
        let keyed = ["--data", provinces.path, "--key-column", "province", "--time-zone", "+07:00"]
        for data in [[], keyed, ["--by", "province"], keyed + ["--by", "province"]] {
            for format in ["table", "json", "csv"] {
                let result = try Self.run(["project", "--quiet", "--bootstrap", "200", "--format", format] + data)
                #expect(result.status == 0, "\(result.error)")
                for token in ["inf", "nan", "infinity"] {
                    let words = result.output.lowercased().split { !$0.isLetter }
                    #expect(!words.contains(Substring(token)), "\(format) \(data) prints \(token)")
                }
                if format == "json" {
                    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
                    let large = Self.numbers(object).filter { !$0.0.hasSuffix("seed") && abs($0.1) > 10 * 2277 }
                    #expect(large.isEmpty, "\(data): \(large.prefix(5))")
                }
            }
        }
    }
}
