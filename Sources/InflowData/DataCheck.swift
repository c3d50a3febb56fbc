import Foundation

/// Lists every problem of a data file, errors and warnings, instead of stopping at the first
/// (for `inflow check`).
///
/// It reads the whole file as ``SeriesLoader`` would, with the same options and messages, but
/// repairs what it can and goes on: a row with a bad date is reported and skipped, invalid UTF-8
/// is reported (one error per line) and read on. Only problems that leave nothing to read (no
/// header, a column that is not there) end the check early.
///
/// ```swift
/// for issue in DataCheck.check(file: url, options: options) { print(issue) }
/// // kbri.csv:7:1: error: "2026-13-45" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59
/// ```
public enum DataCheck {
    /// The issues of the file at `url`, in line order; empty when the file loads without warnings.
    /// - Parameters:
    ///   - url: the CSV file.
    ///   - options: how to read it, as for ``SeriesLoader``.
    ///   - name: the file as named in messages; default: the path as given in `url`.
    ///   - now: the present, for the future-date check.
    ///   - maximumIssues: at most this many are listed; a last issue says how many more there were.
    public static func check(
        file url: URL, options: LoadOptions = LoadOptions(), name: String? = nil, now: Date = Date(),
        maximumIssues: Int = 1000
    ) -> [DataIssue] {
        inspect(file: url, options: options, name: name, now: now, maximumIssues: maximumIssues).issues
    }

    /// The issues of CSV text held in memory, in line order.
    public static func check(
        csv text: String, name: String = "input.csv", options: LoadOptions = LoadOptions(), now: Date = Date(),
        maximumIssues: Int = 1000
    ) -> [DataIssue] {
        check(reader: CSVReader(string: text, name: name, recovering: true), options: options, now: now,
              maximumIssues: maximumIssues)
    }

    /// The issues of the input of `reader` (which should be ``CSVReader/recovering``), in line order.
    public static func check(
        reader: CSVReader, options: LoadOptions = LoadOptions(), now: Date = Date(), maximumIssues: Int = 1000
    ) -> [DataIssue] {
        inspect(reader: reader, options: options, now: now, maximumIssues: maximumIssues).issues
    }

    /// The issues of the file at `url` and, when it has a figure-kind column, what its figures are
    /// (``FigureSummary``: how many of each ``/InflowCore/FigureKind``, and the rows that are not exact).
    public static func inspect(
        file url: URL, options: LoadOptions = LoadOptions(), name: String? = nil, now: Date = Date(),
        maximumIssues: Int = 1000
    ) -> (issues: [DataIssue], figures: FigureSummary?) {
        let displayName = name ?? url.relativePath
        do {
            let reader = try CSVReader(contentsOf: url, name: displayName, recovering: true)
            return inspect(reader: reader, options: options, now: now, maximumIssues: maximumIssues)
        } catch let error as DataError {
            return ([DataIssue(error)], nil)
        } catch {
            return ([DataIssue(severity: .error, file: displayName, line: nil, column: nil,
                               message: "cannot read the file (\(error)); expected a readable CSV file")], nil)
        }
    }

    /// The issues of the input of `reader` and its ``FigureSummary`` (when it has a figure-kind column).
    public static func inspect(
        reader: CSVReader, options: LoadOptions = LoadOptions(), now: Date = Date(), maximumIssues: Int = 1000
    ) -> (issues: [DataIssue], figures: FigureSummary?) {
        precondition(maximumIssues > 0, "maximumIssues must be positive")
        let session = LoadSession(options: options, now: now, file: reader.name, collecting: true,
                                  maximumIssues: maximumIssues)
        do {
            _ = try session.run(reader)
        } catch {
            // A collecting session records data errors; anything else is unexpected input trouble.
            return (session.collectedIssues() + [DataIssue(severity: .error, file: reader.name, line: nil, column: nil,
                                                          message: "cannot read the file (\(error))")],
                    session.figureSummary)
        }
        return (session.collectedIssues(), session.figureSummary)
    }

    /// Whether any of `issues` is an error.
    public static func hasErrors(_ issues: [DataIssue]) -> Bool {
        issues.contains { $0.severity == .error }
    }
}
