import Foundation
import InflowProjection

/// Writes forecasts as CSV in the forecast-hub convention.
///
/// - ``hubTable(_:)`` follows the hub convention strictly: exactly the columns of
///   ``/InflowProjection/HubRow/header`` (`reference_date, target, horizon, location, output_type,
///   output_type_id, value`), one model per file. It holds the headline projection
///   (location: the main series) and the projection of every key (location: the key); every
///   row of one file therefore belongs to the headline model, as hub tools expect.
/// - ``modelTable(_:)`` holds every projection, the other models included, with a leading
///   `model` column (not part of the hub convention: drop it, or filter on it, before
///   handing the file to hub tools).
///
/// Fields are quoted when they contain a comma, a quote or a line break (RFC 4180, quotes
/// doubled); lines end in `\n`. Formatting is ``/InflowProjection/HubTable``'s: full precision, not-a-number is `NA`.
public struct CSVRenderer: Sendable {
    /// A renderer (it has no settings).
    public init() {}

    /// The strict hub table: headline and key forecasts, ``/InflowProjection/HubRow/header`` columns.
    public func hubTable(_ forecasts: [ForecastTable]) -> String {
        HubTable(rows: forecasts.filter { $0.role != .model }.flatMap { $0.hubRows() }).csv()
    }

    /// Every forecast with a leading `model` column.
    public func modelTable(_ forecasts: [ForecastTable]) -> String {
        let labelled = forecasts.flatMap { table in table.hubRows().map { (table.model.description, $0) } }
        return HubTable(rows: labelled.map(\.1)).csv(leading: ("model", labelled.map(\.0)))
    }
}
