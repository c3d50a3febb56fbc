import Foundation
import InflowCore
import InflowData
import InflowProjection
import InflowStatistics

/// Scores every run of a forecast archive against a newer figure file.
///
/// For each run and each of its forecasts (a location, a target, a target day) the truth is what the newer file
/// says about that target (``TargetTruths``): exact, a bound, or nothing yet. Exact and bounded truths are scored
/// (``TargetScore``), including a bound published for a day not yet over ("more than 2,900" at noon: all the
/// figures say so far, scored as a censored truth); targets ending after the newer file's last figure with nothing
/// known are pending; a figure the run was fitted to that the newer file gives differently is a correction (the
/// truth is always the newer figure). The run's
/// headline location takes the newer file's total (or its only series); keyed series match their hub locations
/// (an ISO 3166-2 code for a province of the gazetteer, else the name as a slug). Nothing in the archive is
/// written.
public enum ArchiveScorer {
    /// Scores the runs of `listing` against `newer`.
    /// - Complexity: O(runs × (forecasts × 23 + figures)).
    public static func score(_ listing: ArchiveListing, newer: LoadedData) -> ArchiveScores {
        var warnings = listing.warnings
        let headline = newer.total ?? newer.series.first
        let headlineTruths = headline.map(TargetTruths.init(series:))
        var keyed: [String: TargetTruths] = [:]
        if newer.total != nil {
            let gazetteer = try? ProvinceGazetteer.bundled()
            for series in newer.series {
                let location = gazetteer?.province(named: series.name)?.isoCode ?? HubRow.slug(series.name)
                keyed[location] = TargetTruths(series: series)
            }
        }
        var runs: [RunScores] = []
        var missingLocations: Set<String> = []
        for run in listing.runs {
            let rows: [HubRow]
            do {
                rows = try run.hubRows()
            } catch {
                warnings.append("\(run.metadata.referenceDate)/\(run.metadata.runID): \(error); skipped")
                continue
            }
            let metadata = run.metadata
            let timeZone = TimeZone(identifier: metadata.timeZone) ?? TimeZone(secondsFromGMT: metadata.utcOffsetSeconds)!
            let headlineLocation = metadata.locations.first ?? HubRow.slug(metadata.seriesName)
            let lastObservation = ParsedTime(metadata.lastObservation)?.date(in: timeZone)
            var scores: [TargetScore] = []
            var pending: [PendingTarget] = []
            var undetermined = 0
            var fan: [FanPoint] = []
            // The run's own figure at its last observation: the start of its first period.
            let archivedStart = metadata.observations.last { $0.value != nil && ($0.kind == .exact || $0.kind == .partialDay) }
                .flatMap { observation -> (Date, ObservedValue)? in
                    guard let time = ParsedTime(observation.time)?.date(in: timeZone), let value = observation.value else { return nil }
                    return (time, ObservedValue(value: value, bound: .exact))
                }
            for group in forecastGroups(rows) {
                let truths = group.location == headlineLocation ? headlineTruths : keyed[group.location]
                guard let truths else {
                    missingLocations.insert(group.location)
                    undetermined += 1
                    continue
                }
                guard let parsedDay = ParsedTime(group.targetEndDate), parsedDay.dateOnly else { continue }
                let day = CivilDate(daysSinceEpoch: parsedDay.day)
                let end = TimeText.startOfDay(CivilDate(daysSinceEpoch: day.daysSinceEpoch + 1), in: timeZone)
                let dayStart = TimeText.startOfDay(day, in: timeZone)
                let start = max(dayStart, lastObservation ?? dayStart)
                let observation: ObservedValue?
                if group.target.contains(" cum ") {
                    observation = truths.cumulative(at: end)
                } else {
                    let fallback = archivedStart.flatMap { abs($0.0.timeIntervalSince(start)) <= 120 ? $0.1 : nil }
                    observation = truths.arrivals(from: start, to: end, startFallback: fallback)
                }
                let forecast: QuantileForecast
                do {
                    forecast = try QuantileForecast(levels: group.levels, values: group.values)
                } catch {
                    warnings.append("\(metadata.runID): \(group.location) \(group.target) \(group.targetEndDate): not a quantile forecast (\(error)); skipped")
                    continue
                }
                if group.location == headlineLocation {
                    let fifty = forecast.interval(nominalCoverage: 0.5)
                    let ninety = forecast.interval(nominalCoverage: 0.9)
                    fan.append(FanPoint(target: group.target, targetEndDate: group.targetEndDate, end: end, horizon: group.horizon,
                                        median: forecast.median, lower50: fifty?.lower ?? forecast.median,
                                        upper50: fifty?.upper ?? forecast.median, lower90: ninety?.lower ?? forecast.median,
                                        upper90: ninety?.upper ?? forecast.median, observation: observation))
                }
                let isPending = truths.lastTime.map { end.timeIntervalSince($0) > ProjectionGrid.boundarySnap * 86_400 } ?? true
                guard let observation else {
                    if isPending {
                        pending.append(PendingTarget(runID: metadata.runID, location: group.location, target: group.target,
                                                     horizon: group.horizon, targetEndDate: group.targetEndDate))
                    } else {
                        undetermined += 1
                    }
                    continue
                }
                do {
                    scores.append(try TargetScore(runID: metadata.runID, modelID: metadata.modelID,
                                                  referenceDate: metadata.referenceDate, location: group.location,
                                                  target: group.target, horizon: group.horizon,
                                                  targetEndDate: group.targetEndDate, forecast: forecast, observation: observation))
                } catch {
                    warnings.append("\(metadata.runID): \(group.location) \(group.target) \(group.targetEndDate): \(error); skipped")
                }
            }
            let corrections = headlineTruths.map { Self.corrections(of: metadata, against: $0, timeZone: timeZone) } ?? []
            runs.append(RunScores(metadata: metadata, scores: scores, pending: pending, undetermined: undetermined,
                                  corrections: corrections, fan: fan))
        }
        for location in missingLocations.sorted() {
            warnings.append("the newer figures have no series for location \(location); its forecasts are not scored")
        }
        let lastFigure = headlineTruths?.lastTime.map { time in
            TimeText.text(time, in: listing.runs.first.flatMap { TimeZone(identifier: $0.metadata.timeZone) } ?? TimeZone(secondsFromGMT: 0)!,
                          withOffset: true)
        }
        return ArchiveScores(runs: runs, warnings: warnings, lastFigure: lastFigure)
    }

    /// A run's forecasts grouped by location, target and target day (quantile rows only), in file order.
    struct ForecastGroup {
        var location: String
        var target: String
        var horizon: Int
        var targetEndDate: String
        var levels: [Double] = []
        var values: [Double] = []
    }

    static func forecastGroups(_ rows: [HubRow]) -> [ForecastGroup] {
        var groups: [ForecastGroup] = []
        var index: [String: Int] = [:]
        for row in rows where row.outputType == "quantile" {
            guard let level = Double(row.outputTypeID) else { continue }
            let key = "\(row.location)\u{1F}\(row.target)\u{1F}\(row.targetEndDate)"
            if index[key] == nil {
                index[key] = groups.count
                groups.append(ForecastGroup(location: row.location, target: row.target, horizon: row.horizon,
                                            targetEndDate: row.targetEndDate))
            }
            groups[index[key]!].levels.append(level)
            groups[index[key]!].values.append(row.value)
        }
        return groups
    }

    /// The run's figures that the newer file gives with another value or kind.
    static func corrections(of metadata: ArchiveRunMetadata, against truths: TargetTruths, timeZone: TimeZone) -> [FigureCorrection] {
        metadata.observations.compactMap { observation in
            guard let value = observation.value, let time = ParsedTime(observation.time)?.date(in: timeZone),
                  let newer = truths.figure(at: time), newer.value != value || newer.kind != observation.kind else { return nil }
            return FigureCorrection(runID: metadata.runID, time: observation.time, archived: value, archivedKind: observation.kind,
                                    newer: newer.value, newerKind: newer.kind)
        }
    }
}
