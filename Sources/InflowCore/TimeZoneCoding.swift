import Foundation

/// How a ``InflowSeries/timeZone`` is saved: one string, `"+07:00"` (or `"Z"`) for a fixed UTC offset, else the
/// zone's identifier (`"Asia/Phnom_Penh"`), read back with ``ParsedTime/timeZone(_:)``.
struct TimeZoneCoding: Codable {
    /// The time zone.
    var timeZone: TimeZone

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// `"Z"`, `"+07:00"` for a zone without daylight-saving rules whose identifier names a fixed offset, else its
    /// identifier.
    static func text(_ timeZone: TimeZone) -> String {
        let fixed = TimeZone(secondsFromGMT: timeZone.secondsFromGMT())
        guard fixed?.identifier == timeZone.identifier || timeZone.identifier == "UTC" else { return timeZone.identifier }
        return TimeText.offset(timeZone.secondsFromGMT())
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let zone = ParsedTime.timeZone(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown time zone '\(text)'")
        }
        timeZone = zone
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.text(timeZone))
    }
}
