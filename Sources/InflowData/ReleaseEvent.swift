import Foundation

/// One known release: the day (or moment) people held in a province were let go, such as a compound in
/// Tbong Khmum emptied on 2026-01-17. One row of a ``ReleaseEvents`` file.
public struct ReleaseEvent: Sendable, Equatable {
    /// The province's ISO 3166-2 code, such as `KH-25`.
    public var isoCode: String
    /// The province's name as the gazetteer spells it, such as `Tbong Khmum`.
    public var province: String
    /// When the release happened: the start of the day for a date without a time, in the time zone the
    /// file was read with.
    public var date: Date
    /// What the file says about the release (its `description` field, trimmed); `nil` when empty or absent.
    public var description: String?
    /// The 1-based line of the file the release is on (0 for a release made in code).
    public var line: Int

    /// A release.
    public init(isoCode: String, province: String, date: Date, description: String? = nil, line: Int = 0) {
        self.isoCode = isoCode
        self.province = province
        self.date = date
        self.description = description
        self.line = line
    }
}
