import Foundation
import Testing

/// `inflow project --archive`, `inflow archive list` and `inflow score`, end to end on the bundled figures.
@Suite("inflow project --archive and inflow score")
struct ArchiveCommandTests {
    static let fast = ["--curve", "logistic,gompertz", "--bootstrap", "100", "--horizon", "5", "--quiet", "--time-zone", "+07:00"]

    /// The bundled file cut after its `rows`-th figure (comment lines and header kept).
    static func prefix(_ rows: Int) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/InflowData/Datasets")
        let file = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .first { $0.lastPathComponent.hasPrefix("kbri-phnom-penh") && $0.pathExtension == "csv" }!
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.firstIndex { !$0.hasPrefix("#") }!
        return lines[...(header + rows)].joined(separator: "\n") + "\n"
    }

    @Test func projectThenScoreOnTheBundledFigures() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        let archive = directory.appendingPathComponent("archive").path
        let early = try ProvinceCommandTests.write(try Self.prefix(6), "kbri.csv")
        let first = try CommandRunTests.run(["project", "--data", early, "--archive", archive] + Self.fast)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.contains("archived \(archive)/2026-01-22/"))
        let list = try CommandRunTests.run(["archive", "list", archive])
        #expect(list.status == 0, "\(list.error)")
        #expect(list.output.contains("2026-01-22") && list.output.contains("1 run in"))
        let before = try FileManager.default.subpathsOfDirectory(atPath: archive).sorted()
        let scores = directory.appendingPathComponent("scores.csv").path
        let report = directory.appendingPathComponent("scores.html").path
        let score = try CommandRunTests.run(["score", "--archive", archive, "--output", scores, "--report", report])
        #expect(score.status == 0, "\(score.error)")
        // 23 January ended after a 17:00 report (a bound on the day), 24 January is exact; the rest is pending.
        #expect(score.output.contains("forecasts scored") && score.output.contains("against bounds, censored WIS"))
        #expect(score.output.contains("Pending:"))
        let table = try String(contentsOfFile: scores, encoding: .utf8)
        #expect(table.hasPrefix("model_id,run_id,reference_date,location,target,horizon,target_end_date,observation,observation_kind,wis"))
        #expect(table.contains(",day cum arrivals,2,2026-01-24,2277,exact,"))
        #expect(table.contains(",day cum arrivals,1,2026-01-23,2117,lower_bound,"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Archived projections against what happened"))
        #expect(!html.contains("NaN") && !html.contains("inf<"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: archive).sorted() == before)
        // Against a file with a partial day and a "more than" bound (read in the runs' time zone, UTC+7).
        let bounds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/bounds/kbri-with-bounds.csv").standardizedFileURL.path
        let bounded = try CommandRunTests.run(["score", "--archive", archive, "--data", bounds, "--format", "csv"])
        #expect(bounded.status == 0, "\(bounded.error)")
        #expect(bounded.output.contains(",day cum arrivals,4,2026-01-26,3100,lower_bound,"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: archive).sorted() == before)
    }

    @Test func keyedRunsAreScoredPerKeyAndForTheTotal() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        let archive = directory.appendingPathComponent("archive").path
        let all = ShardCommandTests.csv
        // The first 8 days of every site, then the whole file as the newer figures.
        let early = all.split(separator: "\n").filter { line in
            let date = line.split(separator: ",")[1]   // the header's "date", or 2026-01-DD
            return Int(date.suffix(2)).map { $0 <= 23 } ?? true
        }.joined(separator: "\n") + "\n"
        let earlyFile = try ProvinceCommandTests.write(early, "sites-early.csv")
        let allFile = try ProvinceCommandTests.write(all, "sites-all.csv")
        let project = try CommandRunTests.run(["project", "--data", earlyFile, "--key-column", "site", "--archive", archive,
                                               "--curve", "logistic", "--bootstrap", "60", "--horizon", "3", "--quiet"])
        #expect(project.status == 0, "\(project.error)")
        let score = try CommandRunTests.run(["score", "--archive", archive, "--data", allFile, "--key-column", "site", "--format", "csv"])
        #expect(score.status == 0, "\(score.error)")
        let locations = Set(score.output.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[3]) })
        #expect(locations == ["total", "KH-8", "KH-20", "site-3", "north", "KH-11", "east"])
        #expect(score.output.contains(",KH-8,day inc arrivals,1,2026-01-24,"))
    }

    @Test func badArchivesAreClearErrors() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        try "x".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try CommandRunTests.run(["score", "--archive", directory.path])
        #expect(result.status != 0)
        #expect(result.error.contains("is not a forecast archive"))
        let project = try CommandRunTests.run(["project", "--archive", directory.path] + Self.fast)
        #expect(project.status != 0)
        #expect(project.error.contains("is not a forecast archive"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.txt"])
        let inside = try CommandRunTests.run(["score", "--archive", directory.path, "--output", directory.appendingPathComponent("s.csv").path])
        #expect(inside.status != 0 && inside.error.contains("inside the archive"))
    }
}

/// Library errors speak library words; the command line says them with its flags.
@Suite("Errors in command-line words")
struct CommandWordsTests {
    @Test func missingColumnsAndTooFewFiguresNameTheFlags() throws {
        let file = try ProvinceCommandTests.write("when,n\n2026-01-01,3\n", "columns.csv")
        let project = try CommandRunTests.run(["project", "--data", file, "--time-column", "date", "--quiet"])
        #expect(project.status != 0)
        #expect(project.error.contains("name the time column with --time-column NAME"))
        #expect(!project.error.contains("LoadOptions"))
        let check = try CommandRunTests.run(["check", "--data", file, "--time-column", "date"])
        #expect(check.output.contains("name the time column with --time-column NAME"))
        let short = try ProvinceCommandTests.write(try ArchiveCommandTests.prefix(3), "short.csv")
        let fit = try CommandRunTests.run(["project", "--data", short, "--quiet", "--curve", "logistic"])
        #expect(fit.status != 0)
        #expect(fit.error.contains("Hold parameters at known values with --fix name=value, or add data."))
        #expect(!fit.error.contains("FitOptions"))
    }
}
