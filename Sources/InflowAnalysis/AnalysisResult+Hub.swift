import Foundation
import InflowCore
import InflowProjection

extension AnalysisResult {
    /// The run's forecast-hub rows (``/InflowProjection/HubRow``): the headline projection's; with key columns, every node of the
    /// keys' hierarchy instead, the total first (its location an ISO 3166-2 code for a province of the gazetteer,
    /// else its name as a slug), so the rows add up. With a provincial split, the site's rows, then each
    /// province's daily arrivals (location its ISO 3166-2 code; incident targets only, since a province's arrivals
    /// so far are not known without its counts).
    /// - Parameter timeZone: the frame in which dates are read; default the data's own (the total series'
    ///   ``/InflowCore/InflowSeries/timeZone``, which every projection of the run carries).
    /// - Complexity: O(nodes × periods × 24).
    public func hubRows(timeZone: TimeZone? = nil) -> [HubRow] {
        let timeZone = timeZone ?? total.series.timeZone
        if let provincial {
            let site = total.headline.hubRows(location: HubRow.slug(total.series.name), timeZone: timeZone)
            let split = provincial.projection
            return site + split.provinces.indices.flatMap { index in
                split.projection(index).hubRows(location: split.provinces[index].isoCode, timeZone: timeZone)
                    .filter { $0.target.contains(" inc ") }
            }
        }
        guard let hierarchy else {
            return total.headline.hubRows(location: HubRow.slug(total.series.name), timeZone: timeZone)
        }
        return hierarchy.forecast.projections.enumerated().flatMap { index, projection in
            projection.hubRows(location: hierarchy.locations[index], timeZone: timeZone)
        }
    }
}
