/// Where each province sits on a tile map (a grid cartogram): one cell per province, placed so that
/// neighbours stay roughly neighbours and the country keeps its outline.
///
/// ``cambodia`` places the 24 provinces and the capital municipality (ISO 3166-2:KH codes `KH-1` to
/// `KH-25`) on a 6 x 6 grid, column 0 in the west and row 0 in the north:
///
/// ```
///          0            1            2            3            4            5
///   0                O. Meanchey  Preah Vihear Stung Treng  Ratanakiri
///   1  B. Meanchey   Siem Reap    K. Thom      Kratie       Mondulkiri
///   2  Pailin        Battambang   K. Chhnang   K. Cham      Tbong Khmum
///   3  Koh Kong      Pursat       K. Speu      Phnom Penh   Prey Veng    Svay Rieng
///   4                P. Sihanouk  Kampot       Kandal
///   5                             Kep          Takeo
/// ```
///
/// Kandal surrounds Phnom Penh; on the grid it sits just south of the city, where its capital Ta Khmau
/// lies. Svay Rieng juts east as the Parrot's Beak does, and the coast (Koh Kong, Preah Sihanouk,
/// Kampot, Kep) runs along the south-west.
public struct ProvinceTileLayout: Sendable, Equatable {
    /// One province's cell.
    public struct Cell: Sendable, Equatable, Hashable, Codable {
        /// The ISO 3166-2 code, such as `KH-12`.
        public var isoCode: String
        /// The province's name, such as "Phnom Penh" (used in tooltips of provinces without a tile).
        public var name: String
        /// A short name that fits on a tile, such as "B. Meanchey" (shown on provinces without a tile).
        public var shortName: String
        /// The column, from 0 in the west.
        public var column: Int
        /// The row, from 0 in the north.
        public var row: Int

        /// A cell at `column`, `row`.
        public init(isoCode: String, name: String, shortName: String, column: Int, row: Int) {
            self.isoCode = isoCode
            self.name = name
            self.shortName = shortName
            self.column = column
            self.row = row
        }
    }

    /// The cells, in the order the map draws them.
    public let cells: [Cell]
    /// The number of columns (one more than the largest column).
    public let columns: Int
    /// The number of rows (one more than the largest row).
    public let rows: Int

    /// A layout of `cells`; when two cells share a code, the first one counts.
    ///
    /// - Precondition: no two cells share a position, and every column and row is at least 0.
    public init(cells: [Cell]) {
        var seenCodes: Set<String> = []
        var seenPositions: Set<[Int]> = []
        var kept: [Cell] = []
        for cell in cells where seenCodes.insert(cell.isoCode).inserted {
            precondition(cell.column >= 0 && cell.row >= 0, "tile layout: negative position for \(cell.isoCode)")
            precondition(seenPositions.insert([cell.column, cell.row]).inserted,
                         "tile layout: two provinces at column \(cell.column), row \(cell.row)")
            kept.append(cell)
        }
        self.cells = kept
        self.columns = (kept.map(\.column).max() ?? -1) + 1
        self.rows = (kept.map(\.row).max() ?? -1) + 1
    }

    /// The cell of the province `isoCode`, or `nil` when the layout does not place it.
    public func cell(for isoCode: String) -> Cell? {
        cells.first { $0.isoCode == isoCode }
    }

    /// Cambodia's 24 provinces and Phnom Penh, in code order (`KH-1` to `KH-25`); see the sketch above.
    public static let cambodia = ProvinceTileLayout(cells: [
        Cell(isoCode: "KH-1", name: "Banteay Meanchey", shortName: "B. Meanchey", column: 0, row: 1),
        Cell(isoCode: "KH-2", name: "Battambang", shortName: "Battambang", column: 1, row: 2),
        Cell(isoCode: "KH-3", name: "Kampong Cham", shortName: "K. Cham", column: 3, row: 2),
        Cell(isoCode: "KH-4", name: "Kampong Chhnang", shortName: "K. Chhnang", column: 2, row: 2),
        Cell(isoCode: "KH-5", name: "Kampong Speu", shortName: "K. Speu", column: 2, row: 3),
        Cell(isoCode: "KH-6", name: "Kampong Thom", shortName: "K. Thom", column: 2, row: 1),
        Cell(isoCode: "KH-7", name: "Kampot", shortName: "Kampot", column: 2, row: 4),
        Cell(isoCode: "KH-8", name: "Kandal", shortName: "Kandal", column: 3, row: 4),
        Cell(isoCode: "KH-9", name: "Koh Kong", shortName: "Koh Kong", column: 0, row: 3),
        Cell(isoCode: "KH-10", name: "Kratie", shortName: "Kratie", column: 3, row: 1),
        Cell(isoCode: "KH-11", name: "Mondulkiri", shortName: "Mondulkiri", column: 4, row: 1),
        Cell(isoCode: "KH-12", name: "Phnom Penh", shortName: "Phnom Penh", column: 3, row: 3),
        Cell(isoCode: "KH-13", name: "Preah Vihear", shortName: "Preah Vihear", column: 2, row: 0),
        Cell(isoCode: "KH-14", name: "Prey Veng", shortName: "Prey Veng", column: 4, row: 3),
        Cell(isoCode: "KH-15", name: "Pursat", shortName: "Pursat", column: 1, row: 3),
        Cell(isoCode: "KH-16", name: "Ratanakiri", shortName: "Ratanakiri", column: 4, row: 0),
        Cell(isoCode: "KH-17", name: "Siem Reap", shortName: "Siem Reap", column: 1, row: 1),
        Cell(isoCode: "KH-18", name: "Preah Sihanouk", shortName: "P. Sihanouk", column: 1, row: 4),
        Cell(isoCode: "KH-19", name: "Stung Treng", shortName: "Stung Treng", column: 3, row: 0),
        Cell(isoCode: "KH-20", name: "Svay Rieng", shortName: "Svay Rieng", column: 5, row: 3),
        Cell(isoCode: "KH-21", name: "Takeo", shortName: "Takeo", column: 3, row: 5),
        Cell(isoCode: "KH-22", name: "Oddar Meanchey", shortName: "O. Meanchey", column: 1, row: 0),
        Cell(isoCode: "KH-23", name: "Kep", shortName: "Kep", column: 2, row: 5),
        Cell(isoCode: "KH-24", name: "Pailin", shortName: "Pailin", column: 0, row: 2),
        Cell(isoCode: "KH-25", name: "Tbong Khmum", shortName: "Tbong Khmum", column: 4, row: 2),
    ])
}
