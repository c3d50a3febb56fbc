import Foundation
import InflowArchive
import InflowCore
import InflowProjection
import Testing

@Suite("Forecast archive")
struct ForecastArchiveTests {
    @Test("a run is written whole, read back, listed, and never overwritten")
    func writeAndList() throws {
        let root = ArchiveFixtures.temporaryDirectory().appendingPathComponent("archive")
        let archive = try ForecastArchive.open(at: root, creating: true)
        let rows = ArchiveFixtures.rows(reference: "2026-01-24", days: 3, median: 150, startTotal: 2277)
        let metadata = ArchiveFixtures.metadata(reference: "2026-01-24", lastObservation: "2026-01-24T23:59+07:00", observations: [])
        let run = try archive.add(rows: rows, metadata: metadata, results: "{}\n")
        #expect(run.metadata.runID.hasPrefix("20260125T090000Z-"))
        #expect(run.metadata.files == ["2026-01-24-inflow-test.csv", "results.json", "metadata.json"])
        #expect(try run.hubRows() == rows)
        let header = try String(contentsOf: run.modelOutputURL, encoding: .utf8).split(separator: "\n").first
        #expect(header == "model_id,reference_date,target,horizon,location,target_end_date,output_type,output_type_id,value")
        // The same run again: refused, and the archived run is untouched.
        let before = ArchiveFixtures.snapshot(root)
        #expect(throws: ArchiveError.runExists(path: run.directory.path)) {
            try archive.add(rows: rows, metadata: metadata, results: "{}\n")
        }
        #expect(ArchiveFixtures.snapshot(root) == before)
        // Reopened, it lists the run.
        let listing = try ForecastArchive.open(at: root).list()
        #expect(listing.runs.map(\.metadata) == [run.metadata])
        #expect(listing.warnings.isEmpty)
    }

    @Test("a directory that is not an archive, or missing, is a clear error")
    func notAnArchive() throws {
        let directory = ArchiveFixtures.temporaryDirectory()
        try "x".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: ArchiveError.notAnArchive(path: directory.path)) { try ForecastArchive.open(at: directory, creating: true) }
        #expect(throws: ArchiveError.notAnArchive(path: directory.path)) { try ForecastArchive.open(at: directory) }
        let missing = directory.appendingPathComponent("nothing-here")
        #expect(throws: ArchiveError.missing(path: missing.path)) { try ForecastArchive.open(at: missing) }
        #expect(ArchiveError.notAnArchive(path: "/x").localizedDescription.contains("not a forecast archive"))
    }

    @Test("truncated and interrupted runs are skipped with a warning naming them")
    func truncatedRuns() throws {
        let root = ArchiveFixtures.temporaryDirectory()
        let archive = try ForecastArchive.open(at: root, creating: true)
        let rows = ArchiveFixtures.rows(reference: "2026-01-23", days: 2, median: 150, startTotal: 2117)
        let good = try archive.add(rows: rows, metadata: ArchiveFixtures.metadata(
            reference: "2026-01-23", lastObservation: "2026-01-23T17:00+07:00", observations: []), results: nil)
        // No metadata: an incomplete run.
        let incomplete = root.appendingPathComponent("2026-01-24/20260125T100000Z-deadbeef")
        try FileManager.default.createDirectory(at: incomplete, withIntermediateDirectories: true)
        try "model_id\n".write(to: incomplete.appendingPathComponent("2026-01-24-inflow-test.csv"), atomically: true, encoding: .utf8)
        // Metadata naming a file that is gone: truncated.
        let truncated = try archive.add(rows: rows, metadata: ArchiveFixtures.metadata(
            reference: "2026-01-23", lastObservation: "2026-01-23T17:00+07:00", observations: [],
            createdAt: "2026-01-24T09:00:00Z"), results: nil)
        try FileManager.default.removeItem(at: truncated.modelOutputURL)
        // Metadata cut short.
        let cut = root.appendingPathComponent("2026-01-24/20260125T110000Z-cafef00d")
        try FileManager.default.createDirectory(at: cut, withIntermediateDirectories: true)
        try "{\"runID\": \"2026".write(to: cut.appendingPathComponent("metadata.json"), atomically: true, encoding: .utf8)
        let listing = archive.list()
        #expect(listing.runs.map(\.metadata.runID) == [good.metadata.runID])
        #expect(listing.warnings.count == 3)
        #expect(listing.warnings.contains { $0.hasPrefix("2026-01-24/20260125T100000Z-deadbeef: no metadata.json") })
        #expect(listing.warnings.contains { $0.contains(truncated.metadata.runID) && $0.contains("truncated") })
        #expect(listing.warnings.contains { $0.hasPrefix("2026-01-24/20260125T110000Z-cafef00d") })
    }
}
