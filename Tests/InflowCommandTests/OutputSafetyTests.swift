import Foundation
import Testing

/// Outputs are refused before any work when they are an input, written all or none, and never leave
/// temporary files behind; `inflow report` says where a saved file is broken.
@Suite("Output safety")
struct OutputSafetyTests {
    static let run = CommandRunTests.run

    @Test func anOutputThatIsTheInputIsRefusedBeforeAnyWorkNamingItsFlag() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        let input = directory.appendingPathComponent("figures.json")
        // Not even CSV: a refusal before reading it proves nothing ran.
        try "not a csv\u{0}".write(to: input, atomically: true, encoding: .utf8)
        let result = try Self.run(["project", "--data", input.path, "--output", input.path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.error.contains("refusing to write \(input.path): it is the input file; choose another --output path"))
        #expect(try String(contentsOf: input, encoding: .utf8) == "not a csv\u{0}")
    }

    @Test func outputsAreWrittenAllOrNone() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        let blocker = directory.appendingPathComponent("a-file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let json = directory.appendingPathComponent("results.json").path
        // The report's directory cannot be made (a file is in the way): neither output may appear.
        let result = try Self.run(["project", "--bootstrap", "20", "--curve", "logistic", "--quiet",
                                   "--output", json, "--report", blocker.path + "/report.html"])
        #expect(result.status != 0)
        #expect(result.error.contains("choose a writable --report path"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: json))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left == ["a-file"], "\(left)")
    }

    @Test func staleTemporaryFilesOfADeadProcessAreRemoved() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        // A process id above the kernel's limit (pid_max is at most 2^22) never runs.
        let stale = directory.appendingPathComponent(".results.json.4999999.123.tmp")
        try "partial".write(to: stale, atomically: false, encoding: .utf8)
        let json = directory.appendingPathComponent("results.json").path
        let result = try Self.run(["project", "--bootstrap", "20", "--curve", "logistic", "--quiet", "--output", json,
                                   "--format", "csv"])
        #expect(result.status == 0, "\(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["results.json"])
    }

    @Test func aBrokenSavedFileIsDescribedWithItsPosition() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        let json = directory.appendingPathComponent("results.json")
        let made = try Self.run(["project", "--bootstrap", "20", "--curve", "logistic", "--quiet", "--output", json.path,
                                 "--format", "csv"])
        #expect(made.status == 0)
        let text = try String(contentsOf: json, encoding: .utf8)
        let truncated = directory.appendingPathComponent("truncated.json")
        try String(text.prefix(2_000)).write(to: truncated, atomically: true, encoding: .utf8)
        let report = directory.appendingPathComponent("report.html").path
        let broken = try Self.run(["report", truncated.path, "--report", report])
        #expect(broken.status != 0)
        let lines = text.prefix(2_000).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(broken.error.contains("it is not valid JSON (line \(lines), column"), "\(broken.error)")
        #expect(broken.error.contains("Saved results are the file inflow project --output writes."), "\(broken.error)")
        let huge = directory.appendingPathComponent("huge.json")
        try text.replacingOccurrences(of: "\"horizon\" : 1,", with: "\"horizon\" : 1e300,")
            .write(to: huge, atomically: true, encoding: .utf8)
        let wrong = try Self.run(["report", huge.path, "--report", report])
        #expect(wrong.status != 0)
        #expect(wrong.error.contains("forecasts[0].entries[0].horizon is 1e+300; expected a whole number"), "\(wrong.error)")
        #expect(!FileManager.default.fileExists(atPath: report))
    }
}
