import Foundation
import InflowAnalysis
import InflowCore
import InflowData
import InflowProjection

/// A directory of past projections, kept so they can be scored when newer figures come out.
///
/// Layout:
/// ```text
/// archive/
///   inflow-archive.json                 marker: {"format": "inflow-forecast-archive", "version": 1}
///   2026-01-24/                         the run's hub reference date
///     20260125T093000Z-3fa2c1d0/        the run: time of the run (UTC) and the start of its forecasts' SHA-256
///       2026-01-24-inflow-ensemble.csv  hubverse model output, with a model_id column
///       results.json                    the saved results (what `inflow report` reads), when given
///       metadata.json                   input name and SHA-256, version, options, models and weights, seed, time,
///                                       the figures the run was fitted to; written last
/// ```
/// A run is written into a hidden staging directory beside its destination, each file flushed to disk, and then
/// the directory is renamed into place, so a reader sees a whole run or none; an existing run is never
/// overwritten. A directory without `metadata.json`, or whose files cannot be read, is an incomplete run: it is
/// listed as skipped, with a warning, and never touched. Nothing here modifies an archived run.
public struct ForecastArchive: Sendable {
    /// The archive's directory.
    public let root: URL

    /// The marker file's name.
    public static let markerName = "inflow-archive.json"
    /// The layout version this code writes and reads.
    public static let layoutVersion = 1
    /// The metadata file's name in a run directory.
    public static let metadataName = "metadata.json"
    /// The saved results' file name in a run directory.
    public static let resultsName = "results.json"
    /// The default hubverse `model_id`.
    public static let defaultModelID = "inflow-ensemble"

    private struct Marker: Codable {
        var format: String
        var version: Int
    }

    private init(root: URL) {
        self.root = root
    }

    /// Opens the archive at `url`.
    /// - Parameters:
    ///   - url: the archive's directory.
    ///   - creating: when `true`, a missing or empty directory becomes a new archive.
    /// - Throws: ``ArchiveError``: missing (when not creating), not an archive (a directory with other files and
    ///   no marker), a marker of another version, or the file system refused.
    public static func open(at url: URL, creating: Bool = false) throws -> ForecastArchive {
        let manager = FileManager.default
        let path = url.path
        let marker = url.appendingPathComponent(markerName)
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw ArchiveError.notAnArchive(path: path) }
        if manager.fileExists(atPath: marker.path) {
            guard let data = try? Data(contentsOf: marker),
                  let decoded = try? JSONDecoder().decode(Marker.self, from: data),
                  decoded.format == "inflow-forecast-archive" else {
                throw ArchiveError.notAnArchive(path: path)
            }
            guard decoded.version == layoutVersion else {
                throw ArchiveError.unsupportedVersion(path: path, version: decoded.version)
            }
            return ForecastArchive(root: url)
        }
        guard creating else { throw exists ? ArchiveError.notAnArchive(path: path) : ArchiveError.missing(path: path) }
        if exists {
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard contents.filter({ !$0.hasPrefix(".") }).isEmpty else { throw ArchiveError.notAnArchive(path: path) }
        }
        do {
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(Marker(format: "inflow-forecast-archive", version: layoutVersion))
            try AtomicFileWriter().write(data, to: marker)
        } catch {
            throw ArchiveError.io(path: path, reason: "cannot create the archive (\(error.localizedDescription))")
        }
        return ForecastArchive(root: url)
    }

    /// Adds a run: its forecasts (model output with `model_id`), the saved results when given, and its metadata.
    /// - Parameters:
    ///   - rows: the run's hub rows (``/InflowAnalysis/AnalysisResult/hubRows(timeZone:)``); they all share one reference date.
    ///   - metadata: the run's metadata; its `runID`, `referenceDate` and `files` are set here.
    ///   - results: the saved results (JSON text), written as `results.json`.
    /// - Returns: the archived run.
    /// - Throws: ``ArchiveError/runExists(path:)`` if the run's directory exists; ``ArchiveError/io(path:reason:)``.
    /// - Complexity: O(size of the files).
    public func add(rows: [HubRow], metadata: ArchiveRunMetadata, results: String?) throws -> ArchivedRun {
        var metadata = metadata
        let table = HubTable(rows: rows).csv(leading: ("model_id", Array(repeating: metadata.modelID, count: rows.count)))
        let digest = SHA256.hex(Array(table.utf8))
        if metadata.runID.isEmpty {
            metadata.runID = Self.runID(createdAt: metadata.createdAt, digest: digest)
        }
        let modelOutput = ArchivedRun.modelOutputName(referenceDate: metadata.referenceDate, modelID: metadata.modelID)
        metadata.files = [modelOutput] + (results == nil ? [] : [Self.resultsName]) + [Self.metadataName]
        let manager = FileManager.default
        let dateDirectory = root.appendingPathComponent(metadata.referenceDate)
        let destination = dateDirectory.appendingPathComponent(metadata.runID)
        if manager.fileExists(atPath: destination.path) { throw ArchiveError.runExists(path: destination.path) }
        let staging = dateDirectory.appendingPathComponent(".staging-\(metadata.runID)-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let writer = AtomicFileWriter()
            try writer.write(table, to: staging.appendingPathComponent(modelOutput))
            if let results { try writer.write(results, to: staging.appendingPathComponent(Self.resultsName)) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try writer.write(try encoder.encode(metadata) + Data("\n".utf8), to: staging.appendingPathComponent(Self.metadataName))
            // moveItem refuses an existing destination: a run that appeared meanwhile is not overwritten.
            try manager.moveItem(at: staging, to: destination)
        } catch {
            try? manager.removeItem(at: staging)
            if manager.fileExists(atPath: destination.path) { throw ArchiveError.runExists(path: destination.path) }
            throw ArchiveError.io(path: destination.path, reason: "cannot write the run (\(error.localizedDescription))")
        }
        return ArchivedRun(directory: destination, metadata: metadata)
    }

    /// A run's identity: the time of the run in UTC (`20260125T093000Z`) and the first 8 hex digits of its
    /// model output's SHA-256.
    public static func runID(createdAt: String, digest: String) -> String {
        let compact = createdAt.filter { $0.isNumber || $0 == "T" }.prefix(15)
        return "\(compact)Z-\(digest.prefix(8))"
    }

    /// The archive's complete runs, and a warning for each directory that is not one (skipped, untouched).
    /// - Complexity: O(runs) directory reads and metadata decodes.
    public func list() -> ArchiveListing {
        let manager = FileManager.default
        var runs: [ArchivedRun] = []
        var warnings: [String] = []
        let dates = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        for date in dates where !date.hasPrefix(".") && date != Self.markerName {
            let dateURL = root.appendingPathComponent(date)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: dateURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                warnings.append("\(date): not a reference-date directory; skipped")
                continue
            }
            for name in ((try? manager.contentsOfDirectory(atPath: dateURL.path)) ?? []).sorted() {
                let label = "\(date)/\(name)"
                if name.hasPrefix(".staging-") {
                    warnings.append("\(label): an interrupted write (staging directory); skipped")
                    continue
                }
                if name.hasPrefix(".") { continue }
                let directory = dateURL.appendingPathComponent(name)
                let metadataURL = directory.appendingPathComponent(Self.metadataName)
                guard let data = try? Data(contentsOf: metadataURL) else {
                    warnings.append("\(label): no \(Self.metadataName) (an incomplete run); skipped")
                    continue
                }
                guard let metadata = try? JSONDecoder().decode(ArchiveRunMetadata.self, from: data) else {
                    warnings.append("\(label): \(Self.metadataName) is not readable run metadata (truncated?); skipped")
                    continue
                }
                let missing = metadata.files.filter { !manager.fileExists(atPath: directory.appendingPathComponent($0).path) }
                guard missing.isEmpty else {
                    warnings.append("\(label): missing \(missing.joined(separator: ", ")) (a truncated run); skipped")
                    continue
                }
                runs.append(ArchivedRun(directory: directory, metadata: metadata))
            }
        }
        runs.sort { ($0.metadata.referenceDate, $0.metadata.createdAt, $0.metadata.runID)
            < ($1.metadata.referenceDate, $1.metadata.createdAt, $1.metadata.runID) }
        return ArchiveListing(runs: runs, warnings: warnings)
    }
}
