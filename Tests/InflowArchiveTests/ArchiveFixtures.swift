import Foundation
import InflowArchive
import InflowCore
import InflowData
import InflowProjection

/// Small archives and figure files for the archive tests.
enum ArchiveFixtures {
    static let timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
    static let levels = [0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
                         0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99]

    /// A fresh empty directory under the temporary directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inflow-archive-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Quantile rows for `location`: daily arrivals with median `median` (quantiles median ± spread × (level − 0.5) × 4)
    /// and cumulative totals from `startTotal`, for `days` days after `reference`.
    static func rows(reference: String, location: String = "kbri-phnom-penh", days: Int, median: Double, startTotal: Double) -> [HubRow] {
        guard let parsed = ParsedTime(reference) else { fatalError("bad reference date") }
        var rows: [HubRow] = []
        for target in ["day inc arrivals", "day cum arrivals"] {
            for h in 1...days {
                let day = CivilDate(daysSinceEpoch: parsed.day + h).text
                let center = target.contains("inc") ? median : startTotal + Double(h) * median
                let spread = target.contains("inc") ? median * 0.5 : median * 0.5 * Double(h)
                rows.append(HubRow(referenceDate: reference, target: target, horizon: h, location: location, targetEndDate: day,
                                   outputType: "mean", outputTypeID: "", value: center))
                for level in levels {
                    rows.append(HubRow(referenceDate: reference, target: target, horizon: h, location: location,
                                       targetEndDate: day, outputType: "quantile", outputTypeID: HubRow.levelText(level),
                                       value: center + spread * (level - 0.5) * 4))
                }
            }
        }
        return rows
    }

    static func metadata(reference: String, lastObservation: String, observations: [ArchivedObservation],
                         createdAt: String = "2026-01-25T09:00:00Z") -> ArchiveRunMetadata {
        ArchiveRunMetadata(
            runID: "", modelID: "inflow-test", referenceDate: reference, createdAt: createdAt, inflowVersion: "test",
            inputName: "figures.csv", inputSHA256: String(repeating: "0", count: 64), timeZone: timeZone.identifier,
            utcOffsetSeconds: 25_200, seed: 1, options: ["horizon": "3"], commandLine: nil,
            models: [ArchivedModelWeight(model: "logistic (negative-binomial)", weight: 1)], weighting: "stacking",
            seriesName: "KBRI Phnom Penh", observationKind: "cumulative", lastObservation: lastObservation,
            observations: observations, locations: ["kbri-phnom-penh"], files: [])
    }

    /// Loads `csv` as the bundled layout reads it (cumulative totals since 16 January, UTC+7).
    static func load(_ csv: String) throws -> LoadedData {
        var options = LoadOptions()
        options.timeZone = timeZone
        return try SeriesLoader(options: options).load(csv: csv, name: "later.csv")
    }

    /// Every file under `url` with its SHA-256, for checking that nothing changed.
    static func snapshot(_ url: URL) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            if let data = try? Data(contentsOf: file) { files[file.path] = SHA256.hex(data) }
        }
        return files
    }
}
