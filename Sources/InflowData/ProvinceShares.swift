import Foundation

/// Prior shares of the released pool by province of origin, with their uncertainty, for a Dirichlet
/// prior on where the people still to arrive come from.
///
/// The prior is a Dirichlet distribution with parameters alpha_p = ``concentration`` x share_p:
/// ``shares`` say where people are expected to come from, ``concentration`` (the total pseudo-count)
/// how firmly; 20 weighs the prior like 20 arrivals of known origin.
///
/// ## File format
///
/// A CSV file with a header. Lines starting with `#` before the header are comments; blank lines are
/// skipped (see ``CSVReader``). Column names are matched ignoring case and surrounding spaces; other
/// columns are ignored.
///
/// | column | required | holds |
/// |---|---|---|
/// | `province` | yes | a province of the gazetteer by name or ISO 3166-2:KH code (`Svay Rieng`, `svay-rieng`, `KH-20`) |
/// | `share` | yes | a number of at least 0, written as a plain decimal (`0.3`, `30`, `1e2`; no `%`, `inf` or `nan`) |
/// | `concentration` | no | the Dirichlet concentration, a number above 0; the same on every row where it is not empty |
///
/// Shares are normalised to sum to 1, so fractions, percentages and counts all work. A province not
/// listed has share 0; each province is listed at most once; at least one share must be above 0.
/// Without a concentration the prior has ``defaultConcentration``.
///
/// ```text
/// # Where the remaining people were held, from NGO interviews (January 2026)
/// province,share,concentration
/// Preah Sihanouk,40,30
/// KH-20,25,
/// Tbong Khmum,20,
/// Banteay Meanchey,15,
/// ```
///
/// gives shares 0.4, 0.25, 0.2 and 0.15 for KH-18, KH-20, KH-25 and KH-1 with concentration 30.
///
/// ```swift
/// let gazetteer = try ProvinceGazetteer.bundled()
/// let prior = try ProvinceShares(contentsOf: url, gazetteer: gazetteer)
/// let alpha = prior.dirichletParameters(for: gazetteer.provinces.map(\.isoCode), floor: 0.01)
/// ```
///
/// Every problem is a ``DataError`` naming file, line and column: a missing or repeated column, a row
/// with more or fewer fields than the header, an unknown province (with the nearest name, when one is
/// close), a province listed twice, a share that is not a number of at least 0, shares that are all 0,
/// a concentration that is not above 0 or differs between rows, and a header without rows.
public struct ProvinceShares: Sendable, Equatable {
    /// The normalised share of each province with a share above 0, keyed by ISO 3166-2 code (`KH-20`);
    /// the values sum to 1. A province not in the dictionary has share 0.
    public var shares: [String: Double]
    /// The Dirichlet concentration: the total pseudo-count of the prior, above 0.
    public var concentration: Double
    /// Where the shares come from: the file as named in messages, or a description.
    public var source: String

    /// The concentration when a file states none: the prior weighs like 20 arrivals of known origin,
    /// enough to steer provinces without data, little against a few hundred observed arrivals.
    public static let defaultConcentration = 20.0

    /// The weight of a province that the gazetteer's `hub_mentions_2026_01` column names, against 1 for
    /// every other province, in ``gazetteerPrior(_:concentration:)``: January 2026 reporting named it as a
    /// compound or residence-permit concentration, or as a place arrivals travelled from. The rule is
    /// "any mention": Phnom Penh, mentioned as the embassy's location, is weighted too.
    public static let mentionWeight = 4.0

    /// The columns a shares file must have.
    public static let requiredColumns = ["province", "share"]
    /// The column a shares file may have.
    public static let optionalColumns = ["concentration"]

    /// Shares given in code.
    /// - Parameters:
    ///   - shares: share by ISO 3166-2 code, each finite and at least 0, at least one above 0; normalised
    ///     to sum to 1, and codes with share 0 left out.
    ///   - concentration: the Dirichlet concentration, finite and above 0.
    ///   - source: where the shares come from.
    /// - Precondition: the shares and the concentration are as described.
    public init(shares: [String: Double], concentration: Double, source: String) {
        precondition(shares.values.allSatisfy { $0.isFinite && $0 >= 0 }, "shares must be finite and at least 0")
        precondition(concentration.isFinite && concentration > 0, "the concentration must be finite and above 0")
        let normalised = ProvinceShares.normalised(shares)
        precondition(normalised != nil, "at least one share must be above 0")
        self.shares = normalised ?? [:]
        self.concentration = concentration
        self.source = source
    }

    /// Reads a shares file (format in the type's description).
    /// - Parameters:
    ///   - url: the shares file.
    ///   - gazetteer: resolves province names and codes.
    ///   - name: the file as named in messages and in ``source``; default: the URL's relative path.
    /// - Throws: ``DataError`` naming the line and column of the first problem.
    public init(contentsOf url: URL, gazetteer: ProvinceGazetteer, name: String? = nil) throws {
        try self.init(reader: CSVReader(contentsOf: url, name: name), gazetteer: gazetteer)
    }

    /// Reads shares from `reader` (format in the type's description).
    init(reader: CSVReader, gazetteer: ProvinceGazetteer) throws {
        let file = reader.name
        let (header, records) = try reader.readAll()
        let columns = try ProvinceShares.resolveColumns(
            header, required: ProvinceShares.requiredColumns, optional: ProvinceShares.optionalColumns, file: file)
        let (provinceIndex, shareIndex) = (columns.required[0], columns.required[1])
        let concentrationIndex = columns.optional[0]
        guard !records.isEmpty else {
            throw DataError(.noRows, file: file, line: header.line,
                            message: "the file has a header but no rows; expected one row per province, such as Svay Rieng,0.3")
        }
        var weights: [String: Double] = [:]
        var lines: [String: Int] = [:]
        var stated: (value: Double, line: Int)?
        for record in records {
            try ProvinceShares.checkFieldCount(record, width: columns.width, file: file)
            let province = try ProvinceShares.resolveProvince(
                record.fields[provinceIndex], in: gazetteer, file: file, line: record.line, column: provinceIndex + 1)
            if let earlier = lines[province.isoCode] {
                throw DataError(.duplicateProvince, file: file, line: record.line, column: provinceIndex + 1,
                                message: "\(province.name) (\(province.isoCode)) is on lines \(earlier) and \(record.line); expected one row per province")
            }
            lines[province.isoCode] = record.line
            weights[province.isoCode] = try ProvinceShares.share(
                record.fields[shareIndex], file: file, line: record.line, column: shareIndex + 1)
            if let concentrationIndex {
                let text = LoadSession.trimmed(record.fields[concentrationIndex])
                guard !text.isEmpty else { continue }
                let value = try ProvinceShares.concentration(text, file: file, line: record.line,
                                                             column: concentrationIndex + 1)
                if let stated, stated.value != value {
                    throw DataError(.invalidConcentration, file: file, line: record.line, column: concentrationIndex + 1,
                                    message: "concentration \(NumberText.text(value)) differs from \(NumberText.text(stated.value)) on line \(stated.line); expected one concentration for the whole prior, the same on every row (or on one row only)")
                }
                if stated == nil { stated = (value, record.line) }
            }
        }
        guard let normalised = ProvinceShares.normalised(weights) else {
            throw DataError(.invalidShare, file: file, line: header.line, column: shareIndex + 1,
                            message: "every share is 0; expected at least one share above 0 (shares are normalised to sum to 1)")
        }
        self.shares = normalised
        self.concentration = stated?.value ?? ProvinceShares.defaultConcentration
        self.source = file
    }

    /// The default prior from the gazetteer: weight ``mentionWeight`` for each province with January 2026
    /// mentions (``Province/hubMentions`` not `nil`), 1 for every other province, normalised to sum to 1.
    ///
    /// With the bundled gazetteer, 7 of the 25 provinces are mentioned: each has share 4/46, each other
    /// province 1/46.
    public static func gazetteerPrior(_ gazetteer: ProvinceGazetteer,
                                      concentration: Double = defaultConcentration) -> ProvinceShares {
        var weights: [String: Double] = [:]
        for province in gazetteer.provinces {
            weights[province.isoCode] = province.hubMentions == nil ? 1 : mentionWeight
        }
        return ProvinceShares(shares: weights, concentration: concentration,
                              source: "gazetteer concentrations (cambodia-provinces.csv)")
    }

    /// The share of the province with ISO code `isoCode` (exact code, such as `KH-20`); 0 when it has none.
    public func share(for isoCode: String) -> Double {
        shares[isoCode] ?? 0
    }

    /// The Dirichlet parameters alpha_p = max(``concentration`` x share_p, `floor`) for the provinces with
    /// ISO codes `codes`, in that order (a code without a share gets `floor`). A small positive `floor`
    /// (such as 0.01) keeps provinces without a share possible without weighting them.
    ///
    /// - Complexity: O(`codes.count`).
    public func dirichletParameters(for codes: [String], floor: Double) -> [Double] {
        codes.map { max(concentration * share(for: $0), floor) }
    }
}

// MARK: - Reading helpers (also used by ReleaseEvents)

extension ProvinceShares {
    /// The header's trimmed names, and the 0-based index of each required and optional column (matched
    /// ignoring case and surrounding spaces; `nil` for an absent optional column).
    /// - Throws: ``DataError`` of kind ``DataError/Kind-swift.enum/missingColumn`` for a missing required
    ///   column, ``DataError/Kind-swift.enum/duplicateColumn`` for a column named twice.
    static func resolveColumns(_ header: CSVRecord, required: [String], optional: [String], file: String) throws
        -> (width: Int, required: [Int], optional: [Int?]) {
        let names = header.fields.map { LoadSession.trimmed($0).lowercased() }
        let expected = "expected the columns " + required.joined(separator: ",")
            + (optional.isEmpty ? "" : " and optionally " + optional.joined(separator: ", "))
        func index(of column: String) throws -> Int? {
            let matches = names.indices.filter { names[$0] == column }
            if matches.count > 1 {
                throw DataError(.duplicateColumn, file: file, line: header.line, column: matches[1] + 1,
                                message: "column name \"\(column)\" appears twice (columns \(matches[0] + 1) and \(matches[1] + 1)); expected each column name once")
            }
            return matches.first
        }
        var requiredIndexes: [Int] = []
        for column in required {
            guard let found = try index(of: column) else {
                let list = header.fields.map { "\"\(LoadSession.quoted(LoadSession.trimmed($0)))\"" }.joined(separator: ", ")
                throw DataError(.missingColumn, file: file, line: header.line,
                                message: "no column named \"\(column)\"; the columns are \(list); \(expected)")
            }
            requiredIndexes.append(found)
        }
        let optionalIndexes = try optional.map { try index(of: $0) }
        return (names.count, requiredIndexes, optionalIndexes)
    }

    /// Throws unless `record` has `width` fields.
    static func checkFieldCount(_ record: CSVRecord, width: Int, file: String) throws {
        if record.count > width {
            throw DataError(.fieldCount, file: file, line: record.line, column: width + 1,
                            message: "\(record.count) fields; expected \(width) as in the header (a value containing a comma must be in double quotes)")
        }
        if record.count < width {
            throw DataError(.fieldCount, file: file, line: record.line,
                            message: "\(record.count) field\(record.count == 1 ? "" : "s"); expected \(width) as in the header")
        }
    }

    /// The province `raw` names (by name or code, see ``ProvinceGazetteer/province(named:)``).
    /// - Throws: ``DataError`` of kind ``DataError/Kind-swift.enum/unknownProvince``, with the nearest
    ///   name when one is close.
    static func resolveProvince(_ raw: String, in gazetteer: ProvinceGazetteer, file: String, line: Int,
                                column: Int) throws -> Province {
        let text = LoadSession.trimmed(raw)
        let expected = "expected a province name or ISO 3166-2:KH code, such as Svay Rieng or KH-20"
        guard !text.isEmpty else {
            throw DataError(.unknownProvince, file: file, line: line, column: column,
                            message: "the province is empty; \(expected)")
        }
        if let province = gazetteer.province(named: text) { return province }
        let suggestion = gazetteer.nearest(to: text).map { "did you mean \($0.name) (\($0.isoCode))?" } ?? expected
        throw DataError(.unknownProvince, file: file, line: line, column: column,
                        message: "unknown province \"\(LoadSession.quoted(text))\"; \(suggestion)")
    }

    /// A share field: a whole decimal number, finite and at least 0.
    static func share(_ raw: String, file: String, line: Int, column: Int) throws -> Double {
        let text = LoadSession.trimmed(raw)
        let expected = "expected a number of at least 0, such as 0.3 or 30"
        guard !text.isEmpty else {
            throw DataError(.invalidShare, file: file, line: line, column: column,
                            message: "the share is empty; \(expected) (write 0 for a province without a share)")
        }
        guard LoadSession.isDecimalNumber(text), let value = Double(text), value.isFinite else {
            throw DataError(.invalidShare, file: file, line: line, column: column,
                            message: "\"\(LoadSession.quoted(text))\" is not a share; \(expected)")
        }
        guard value >= 0 else {
            throw DataError(.invalidShare, file: file, line: line, column: column,
                            message: "share \(text) is below 0; \(expected)")
        }
        return value == 0 ? 0 : value   // -0 reads as 0
    }

    /// A non-empty concentration field: a whole decimal number, finite and above 0.
    static func concentration(_ text: String, file: String, line: Int, column: Int) throws -> Double {
        guard LoadSession.isDecimalNumber(text), let value = Double(text), value.isFinite, value > 0 else {
            throw DataError(.invalidConcentration, file: file, line: line, column: column,
                            message: "\"\(LoadSession.quoted(text))\" is not a concentration; expected a number above 0, such as 20 (the prior's total pseudo-count)")
        }
        return value
    }

    /// `weights` divided by their sum, without the zeros; `nil` when every weight is 0. Divides by the
    /// largest weight first, so that the sum of large finite weights cannot overflow.
    static func normalised(_ weights: [String: Double]) -> [String: Double]? {
        guard let largest = weights.values.max(), largest > 0 else { return nil }
        let scaled = weights.filter { $0.value > 0 }.mapValues { $0 / largest }
        let total = scaled.values.sorted().reduce(0, +)
        return scaled.mapValues { $0 / total }
    }
}
