import Foundation
import InflowCore
import InflowModels
import InflowProjection
import InflowStatistics

/// The quantile forecasts of one projection for one location, in a compact form that holds
/// everything the forecast-hub table needs (``hubRows()`` expands it).
public struct ForecastTable: Sendable, Equatable, Codable {
    /// Which projection of the report this is.
    public enum Role: String, Sendable, Codable {
        /// The projection the headline numbers come from.
        case headline
        /// Another model's projection of the main series.
        case model
        /// The projection of one key (province) series.
        case key
    }

    /// One target at one horizon.
    public struct Entry: Sendable, Equatable, Codable {
        /// `inc arrivals`, `cum arrivals` or `remaining pool`.
        public var target: String
        /// The hub horizon: days from the reference date to the target day (1 = the day after it; 0 = the rest
        /// of the reference day after a report during it).
        public var horizon: Int
        /// The day the period covers, `yyyy-MM-dd` (the hub `target_end_date`); `nil` in files written before it
        /// was recorded, where it is the reference date plus the horizon.
        public var targetEndDate: String?
        /// Sample mean.
        public var mean: Double
        /// Sample median.
        public var median: Double
        /// Quantiles at the table's ``ForecastTable/levels``.
        public var quantiles: [Double]

        /// An entry; the arguments are the properties of the same names.
        public init(target: String, horizon: Int, targetEndDate: String? = nil, mean: Double, median: Double,
                    quantiles: [Double]) {
            self.target = target
            self.horizon = horizon
            self.targetEndDate = targetEndDate
            self.mean = mean
            self.median = median
            self.quantiles = quantiles
        }

        enum CodingKeys: String, CodingKey { case target, horizon, targetEndDate, mean, median, quantiles }

        /// Numbers that are not finite (no replicate gave a value) are written as `null`, never as strings.
        public func encode(to encoder: any Encoder) throws {
            func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(target, forKey: .target)
            try container.encode(horizon, forKey: .horizon)
            try container.encodeIfPresent(targetEndDate, forKey: .targetEndDate)
            try container.encode(finite(mean), forKey: .mean)
            try container.encode(finite(median), forKey: .median)
            try container.encode(quantiles.map(finite), forKey: .quantiles)
        }

        /// Reads `null` back as not-a-number.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            target = try container.decode(String.self, forKey: .target)
            horizon = try container.decode(Int.self, forKey: .horizon)
            targetEndDate = try container.decodeIfPresent(String.self, forKey: .targetEndDate)
            mean = try container.decodeIfPresent(Double.self, forKey: .mean) ?? .nan
            median = try container.decodeIfPresent(Double.self, forKey: .median) ?? .nan
            quantiles = try container.decode([Double?].self, forKey: .quantiles).map { $0 ?? .nan }
        }
    }

    /// The projection's model.
    public var model: ModelID
    /// The hub `location`: the series or key name.
    public var location: String
    /// Its role in the report.
    public var role: Role
    /// The hub `reference_date`: the local day in which the last observation ends, `yyyy-MM-dd`.
    public var referenceDate: String
    /// Quantile levels (the 23 hub levels).
    public var levels: [Double]
    /// Entries by target, then horizon.
    public var entries: [Entry]

    /// A table; the arguments are the properties of the same names.
    public init(model: ModelID, location: String, role: Role, referenceDate: String, levels: [Double], entries: [Entry]) {
        self.model = model
        self.location = location
        self.role = role
        self.referenceDate = referenceDate
        self.levels = levels
        self.entries = entries
    }

    /// The forecasts of a projection: every period of every target it has, the hub quantile levels. The
    /// remaining pool is left out when the data do not bound it (``/InflowModels/SizeBound``).
    public init(projection: Projection, location: String, role: Role, timeZone: TimeZone) {
        let (reference, targets) = projection.hubDays(timeZone: timeZone)
        let referenceDate = reference.text
        var entries: [Entry] = []
        let poolDetermined = projection.hasFinalSize
            && projection.remainingNow().sizeBound(coverage: 0.9, observed: projection.observedTotal, remaining: true).isDetermined
        for target in ProjectionTarget.allCases where target != .remainingPool || poolDetermined {
            for (k, summary) in projection.summaries(target).enumerated() {
                entries.append(Entry(target: target.rawValue, horizon: targets[k].daysSinceEpoch - reference.daysSinceEpoch,
                                     targetEndDate: targets[k].text, mean: summary.mean, median: summary.median,
                                     quantiles: summary.values))
            }
        }
        self.init(model: projection.model, location: location, role: role,
                  referenceDate: referenceDate,
                  levels: Quantiles.forecastHubLevels, entries: entries)
    }

    /// The rows of the forecast-hub table, in the order of ``/InflowProjection/Projection/hubRows(location:timeZone:)``:
    /// per target and horizon, the mean, then each quantile (the median is the 0.5 quantile). The remaining
    /// pool is not a figure that will be observed, so it is not in the hub table.
    public func hubRows() -> [HubRow] {
        entries.filter { $0.target != ProjectionTarget.remainingPool.rawValue }.flatMap { entry -> [HubRow] in
            let target = ProjectionTarget(rawValue: entry.target)?.hubName ?? entry.target
            let end = entry.targetEndDate ?? Self.day(referenceDate, plus: entry.horizon)
            let row = { (type: String, id: String, value: Double) in
                HubRow(referenceDate: referenceDate, target: target, horizon: entry.horizon, location: location,
                       targetEndDate: end, outputType: type, outputTypeID: id, value: value)
            }
            return [row("mean", "", entry.mean)] + zip(levels, entry.quantiles).map { row("quantile", HubRow.levelText($0.0), $0.1) }
        }
    }

    /// `yyyy-MM-dd` plus `days`.
    static func day(_ text: String, plus days: Int) -> String {
        ParsedTime(text).map { CivilDate(daysSinceEpoch: $0.day + days).text } ?? text
    }
}
