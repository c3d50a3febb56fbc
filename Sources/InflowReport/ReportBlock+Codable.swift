/// JSON form: an object with a `type` (`paragraph`, `list`, `headline`, `table`, `chart`,
/// `smallMultiples`, `note`, `tileMap`) and one payload field named after it: `text` (paragraph),
/// `items` (list), `cards` (headline), `table`, `chart`, `charts` (smallMultiples), `note`, `map` (tileMap:
/// `title`, `valueLabel`, `id` and `tiles`; the layout is Cambodia's).
extension ReportBlock: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, text, items, cards, table, chart, charts, note, map
    }

    private struct TileMapRecord: Codable {
        var title: String
        var valueLabel: String
        var id: String
        var tiles: [ProvinceTile]
    }

    private enum BlockType: String, Codable {
        case paragraph, list, headline, table, chart, smallMultiples, note, tileMap
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(BlockType.self, forKey: .type) {
        case .paragraph: self = .paragraph(try container.decode(String.self, forKey: .text))
        case .list: self = .list(try container.decode([String].self, forKey: .items))
        case .headline: self = .headline(try container.decode([HeadlineCard].self, forKey: .cards))
        case .table: self = .table(try container.decode(ReportTable.self, forKey: .table))
        case .chart: self = .chart(try container.decode(Chart.self, forKey: .chart))
        case .smallMultiples: self = .smallMultiples(try container.decode([Chart].self, forKey: .charts))
        case .note: self = .note(try container.decode(ReportNote.self, forKey: .note))
        case .tileMap:
            let map = try container.decode(TileMapRecord.self, forKey: .map)
            self = .tileMap(ProvinceTileMap(title: map.title, valueLabel: map.valueLabel, tiles: map.tiles, id: map.id))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let text):
            try container.encode(BlockType.paragraph, forKey: .type)
            try container.encode(text, forKey: .text)
        case .list(let items):
            try container.encode(BlockType.list, forKey: .type)
            try container.encode(items, forKey: .items)
        case .headline(let cards):
            try container.encode(BlockType.headline, forKey: .type)
            try container.encode(cards, forKey: .cards)
        case .table(let table):
            try container.encode(BlockType.table, forKey: .type)
            try container.encode(table, forKey: .table)
        case .chart(let chart):
            try container.encode(BlockType.chart, forKey: .type)
            try container.encode(chart, forKey: .chart)
        case .smallMultiples(let charts):
            try container.encode(BlockType.smallMultiples, forKey: .type)
            try container.encode(charts, forKey: .charts)
        case .note(let note):
            try container.encode(BlockType.note, forKey: .type)
            try container.encode(note, forKey: .note)
        case .tileMap(let map):
            try container.encode(BlockType.tileMap, forKey: .type)
            try container.encode(TileMapRecord(title: map.title, valueLabel: map.valueLabel, id: map.id, tiles: map.tiles),
                                 forKey: .map)
        }
    }
}
