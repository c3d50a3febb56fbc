import Foundation

/// The provinces of Cambodia with their capitals, road distances to Phnom Penh and January 2026
/// mentions, read from `cambodia-provinces.csv` (columns `iso_code`, `province`,
/// `provincial_capital`, `road_km_to_phnom_penh`, `hub_mentions_2026_01`).
///
/// ```swift
/// let gazetteer = try ProvinceGazetteer.bundled()
/// gazetteer.province(named: "preah sihanouk")?.roadKilometresToPhnomPenh   // 230
/// ```
public struct ProvinceGazetteer: Sendable {
    /// The provinces in file order.
    public var provinces: [Province]
    /// The comment lines at the top of the file.
    public var provenance: [String]

    /// The file's columns, in order.
    public static let columns = ["iso_code", "province", "provincial_capital", "road_km_to_phnom_penh",
                                 "hub_mentions_2026_01"]

    /// A gazetteer of the given provinces.
    public init(provinces: [Province], provenance: [String] = []) {
        self.provinces = provinces
        self.provenance = provenance
    }

    /// Reads a gazetteer file.
    /// - Throws: ``DataError`` naming the line and column of the first problem.
    public init(contentsOf url: URL, name: String? = nil) throws {
        let reader = try CSVReader(contentsOf: url, name: name)
        let (header, records) = try reader.readAll()
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var indexes: [Int] = []
        for column in ProvinceGazetteer.columns {
            guard let index = names.firstIndex(of: column) else {
                let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
                throw DataError(.missingColumn, file: reader.name, line: header.line,
                                message: "no column named \"\(column)\"; the columns are \(list); expected the columns \(ProvinceGazetteer.columns.joined(separator: ","))")
            }
            indexes.append(index)
        }
        var provinces: [Province] = []
        for record in records {
            guard record.count == names.count else {
                throw DataError(.fieldCount, file: reader.name, line: record.line,
                                column: record.count > names.count ? names.count + 1 : nil,
                                message: "\(record.count) fields; expected \(names.count) as in the header")
            }
            let field = { (position: Int) in record.fields[indexes[position]].trimmingCharacters(in: .whitespaces) }
            guard let kilometres = Double(field(3)), kilometres.isFinite, kilometres >= 0 else {
                throw DataError(.invalidNumber, file: reader.name, line: record.line, column: indexes[3] + 1,
                                message: "\"\(field(3))\" is not a distance; expected kilometres such as 230")
            }
            let mentions = field(4)
            provinces.append(Province(isoCode: field(0), name: field(1), provincialCapital: field(2),
                                      roadKilometresToPhnomPenh: kilometres,
                                      hubMentions: mentions.isEmpty ? nil : mentions))
        }
        self.init(provinces: provinces, provenance: reader.comments)
    }

    /// The bundled file.
    public static var bundledURL: URL {
        guard let url = Bundle.module.url(forResource: "cambodia-provinces", withExtension: "csv", subdirectory: "Datasets")
        else { preconditionFailure("cambodia-provinces.csv is missing from the InflowData resources") }
        return url
    }

    /// The bundled gazetteer of Cambodia's 24 provinces and the capital municipality.
    public static func bundled() throws -> ProvinceGazetteer {
        try ProvinceGazetteer(contentsOf: bundledURL, name: "cambodia-provinces.csv")
    }

    /// The province with this name or ISO code, ignoring case, spaces and hyphens
    /// (`"Preah Sihanouk"`, `"preah-sihanouk"`, `"KH-18"`).
    public func province(named name: String) -> Province? {
        let wanted = ProvinceGazetteer.normalized(name)
        return provinces.first { ProvinceGazetteer.normalized($0.name) == wanted || ProvinceGazetteer.normalized($0.isoCode) == wanted }
    }

    /// The province whose name is nearest to `name` in edit distance (ignoring case, spaces and hyphens), when
    /// it is within a third of the name's length (at least 2): `"Mondolkiri"` gives Mondulkiri. `nil` when no
    /// name is that close.
    public func nearest(to name: String) -> Province? {
        let wanted = Array(ProvinceGazetteer.normalized(name))
        let reach = max(2, wanted.count / 3)
        let scored = provinces.map { ($0, Self.editDistance(wanted, Array(Self.normalized($0.name)))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= reach else { return nil }
        return best.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions), O(|a| |b|) time, O(|b|) memory.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
    }
}
