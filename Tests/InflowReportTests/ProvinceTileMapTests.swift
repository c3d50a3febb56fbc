import Foundation
import InflowReport
import Testing

@Suite("Province tile map")
struct ProvinceTileMapTests {
    /// Realistic values: a few hubs, many small provinces, one not determined, one flagged.
    static let values: [String: Double?] = [
        "KH-1": 420, "KH-18": 610, "KH-20": 300, "KH-8": 260, "KH-11": 180, "KH-25": 150,
        "KH-2": 40, "KH-3": 35, "KH-4": 12, "KH-5": 25, "KH-6": 18, "KH-7": 30, "KH-9": 22,
        "KH-10": 15, "KH-12": 60, "KH-13": 10, "KH-14": 28, "KH-15": 14, "KH-16": 11,
        "KH-17": 45, "KH-19": 12, "KH-21": 33, "KH-22": 16, "KH-23": nil, "KH-24": 20,
    ]

    static func map(flagged: Set<String> = ["KH-11"]) -> ProvinceTileMap {
        let tiles = ProvinceTileLayout.cambodia.cells.map { cell in
            let value = values[cell.isoCode] ?? nil
            return ProvinceTile(isoCode: cell.isoCode, label: cell.shortName, value: value,
                                detail: "\(cell.name): \(value.map(ReportFormat.count) ?? "not determined") expected still to arrive",
                                flagged: flagged.contains(cell.isoCode))
        }
        return ProvinceTileMap(title: "Where the remaining arrivals come from", valueLabel: "expected still to arrive",
                               tiles: tiles)
    }

    /// The markup of the tile with code `code` (its `<g class="tile">` element).
    static func tile(_ code: String, in svg: String) throws -> String {
        let start = try #require(svg.range(of: "<g class=\"tile\" data-code=\"\(code)\">"))
        let end = try #require(svg[start.upperBound...].range(of: "</g>"))
        return String(svg[start.lowerBound..<end.upperBound])
    }

    /// The `fill` of a tile's first rectangle.
    static func fill(of tile: String) throws -> String {
        let rect = try #require(tile.range(of: "<rect "))
        let attribute = try #require(tile[rect.upperBound...].range(of: "fill=\""))
        let end = try #require(tile[attribute.upperBound...].firstIndex(of: "\""))
        return String(tile[attribute.upperBound..<end])
    }

    @Test("the layout places all 25 provinces once, on distinct cells of a 6 x 6 grid")
    func layoutComplete() {
        let layout = ProvinceTileLayout.cambodia
        let codes = layout.cells.map(\.isoCode)
        #expect(codes.count == 25)
        #expect(Set(codes) == Set((1...25).map { "KH-\($0)" }))
        #expect(Set(layout.cells.map { [$0.column, $0.row] }).count == 25)
        #expect(layout.columns == 6 && layout.rows == 6)
        #expect(layout.cells.allSatisfy { $0.column >= 0 && $0.column < 6 && $0.row >= 0 && $0.row < 6 })
        // Neighbours stay neighbours where it matters most.
        func adjacent(_ a: String, _ b: String) -> Bool {
            guard let p = layout.cell(for: a), let q = layout.cell(for: b) else { return false }
            return abs(p.column - q.column) <= 1 && abs(p.row - q.row) <= 1
        }
        #expect(adjacent("KH-12", "KH-8"))    // Phnom Penh, Kandal
        #expect(adjacent("KH-1", "KH-17"))    // Banteay Meanchey, Siem Reap
        #expect(adjacent("KH-7", "KH-23"))    // Kampot, Kep
        #expect(adjacent("KH-14", "KH-20"))   // Prey Veng, Svay Rieng
        #expect(adjacent("KH-16", "KH-11"))   // Ratanakiri, Mondulkiri
    }

    @Test("the SVG is well-formed, accessible, and draws every province once")
    func wellFormed() throws {
        let svg = Self.map().svg()
        let elements = try MarkupChecker.check(svg)
        #expect(elements.first == "svg")
        #expect(svg.contains("role=\"img\"") && svg.contains("aria-label=\"Where the remaining arrivals come from\""))
        #expect(svg.components(separatedBy: "<g class=\"tile\" ").count - 1 == 25)
        #expect(svg.contains("expected still to arrive"))
        #expect(svg.contains("<title>Banteay Meanchey: 420 expected still to arrive</title>"))
        #expect(try Self.tile("KH-12", in: svg).contains("class=\"site\""))
        #expect(svg.contains("embassy (Phnom Penh)"))
        #if canImport(FoundationXML) || os(macOS)
        #expect(try MarkupChecker.parseAsXML(svg))
        #endif
    }

    @Test("values are shown with thousands separators")
    func thousands() throws {
        var map = Self.map()
        map.tiles[0].value = 1204.4
        let svg = map.svg()
        #expect(try Self.tile("KH-1", in: svg).contains(">1,204</text>"))
    }

    @Test("labels, details and titles from data are escaped")
    func escaping() throws {
        var map = Self.map()
        map.title = "Map <b>&</b>"
        map.valueLabel = "arrivals <i>"
        map.tiles[0].label = "<script>alert('x')</script> & co"
        map.tiles[0].detail = "B & M <img src=x onerror=alert(1)>"
        map.tiles.append(ProvinceTile(isoCode: "\"><script>", label: "<script>", value: 1))
        map.id = "map\"><x"
        let svg = map.svg()
        #expect(!svg.contains("<script>") && !svg.contains("<img") && !svg.contains("<b>") && !svg.contains("<i>"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("&amp;"))
        #expect(try Self.tile("KH-1", in: svg).contains("<title>B &amp; M &lt;img src=x onerror=alert(1)&gt;</title>"))
        #expect(svg.contains("aria-label=\"Map &lt;b&gt;&amp;&lt;/b&gt;\""))
        try MarkupChecker.check(svg)
    }

    @Test("a value that is not determined shows n.d. on the hatch, with a legend entry")
    func notDetermined() throws {
        let svg = Self.map().svg()
        let kep = try Self.tile("KH-23", in: svg)
        #expect(kep.contains(">n.d.</text>"))
        #expect(try Self.fill(of: kep) == "url(#province-map-hatch)")
        #expect(svg.contains("<pattern id=\"province-map-hatch\""))
        #expect(svg.contains(">not determined</text>"))
        // Infinite and NaN values are not determined either.
        var map = Self.map()
        map.tiles[0].value = .infinity
        map.tiles[1].value = .nan
        let other = map.svg()
        #expect(try Self.tile("KH-1", in: other).contains(">n.d.</text>"))
        #expect(try Self.tile("KH-2", in: other).contains(">n.d.</text>"))
        // Without an undetermined value, the legend does not mention it.
        map = Self.map()
        map.tiles.removeAll { $0.isoCode == "KH-23" }
        #expect(!map.svg().contains(">not determined</text>"))
    }

    @Test("flagged tiles have a dashed border, explained in the legend")
    func flagged() throws {
        let svg = Self.map().svg()
        #expect(try Self.tile("KH-11", in: svg).contains("stroke-dasharray"))
        #expect(!(try Self.tile("KH-1", in: svg).contains("stroke-dasharray")))
        #expect(svg.contains(">driven by the prior shares</text>"))
        #expect(!Self.map(flagged: []).svg().contains("driven by the prior shares"))
    }

    @Test("colour classes never decrease with the value, and the legend shows their ranges")
    func monotone() throws {
        let map = Self.map()
        let ranges = map.classRanges()
        #expect(ranges.count == 5)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        let svg = map.svg()
        var previous = -1
        let determined = map.tiles.compactMap { tile in tile.value.map { (tile, $0) } }.sorted { $0.1 < $1.1 }
        for (tile, value) in determined {
            let index = try #require(map.classIndex(for: value))
            #expect(index >= previous)
            previous = index
            let fill = try Self.fill(of: Self.tile(tile.isoCode, in: svg))
            #expect(ProvinceTileMap.palette.firstIndex(of: fill) == index)
        }
        #expect(previous == 4)
        #expect(map.classIndex(for: 610) == 4 && map.classIndex(for: 10) == 0 && map.classIndex(for: nil) == nil)
        // The hubs stand apart from the small provinces.
        #expect(map.classIndex(for: 60) == 0 && map.classIndex(for: 150) == 1)
        for range in ranges {
            let text = range.lowerBound == range.upperBound ? ReportFormat.count(range.upperBound)
                : ReportFormat.countInterval(range.lowerBound, range.upperBound)
            #expect(svg.contains(">\(text)</text>"))
        }
        // Any values, including ties and fewer distinct values than classes.
        let samples: [[Double]] = [[5, 5, 5], [1, 2], [0, 0, 7, 7, 7, 1000], (1...25).map { Double($0 * $0) }]
        for values in samples {
            let tiles = zip(ProvinceTileLayout.cambodia.cells, values).map {
                ProvinceTile(isoCode: $0.isoCode, label: $0.shortName, value: $1)
            }
            let other = ProvinceTileMap(title: "t", valueLabel: "v", tiles: tiles)
            let indices = values.sorted().map { other.classIndex(for: $0)! }
            #expect(indices == indices.sorted())
            #expect(Set(indices).count == min(Set(values).count, 5))
        }
    }

    @Test("text on a tile contrasts with its fill")
    func contrast() throws {
        let svg = Self.map().svg()
        #expect(try Self.tile("KH-18", in: svg).contains("fill=\"#ffffff\">P. Sihanouk</text>"))
        #expect(try Self.tile("KH-13", in: svg).contains("fill=\"#1d1d1f\">Preah Vihear</text>"))
    }

    @Test("unknown codes are ignored and provinces without a tile are drawn empty")
    func missingAndUnknown() throws {
        var map = Self.map()
        map.tiles.removeAll { $0.isoCode == "KH-9" }
        map.tiles.append(ProvinceTile(isoCode: "KH-99", label: "Nowhere", value: 1_000_000))
        map.tiles.append(ProvinceTile(isoCode: "KH-1", label: "Duplicate", value: 1))
        let svg = map.svg()
        #expect(!svg.contains("Nowhere") && !svg.contains("Duplicate") && !svg.contains("1,000,000"))
        let kohKong = try Self.tile("KH-9", in: svg)
        #expect(try Self.fill(of: kohKong) == "#ffffff")
        #expect(kohKong.contains("<title>Koh Kong: no figure</title>") && !kohKong.contains("tile-value"))
        #expect(svg.contains(">no figure</text>"))
        #expect(map.classRanges() == Self.map().classRanges())
        // No tiles at all: every province an outline, no classes.
        let empty = ProvinceTileMap(title: "Nothing yet", valueLabel: "arrivals", tiles: [])
        #expect(empty.classRanges().isEmpty)
        try MarkupChecker.check(empty.svg())
    }

    @Test("long labels stay inside their tile")
    func longLabels() throws {
        var map = Self.map()
        map.tiles[0].label = "Banteay Meanchey Province"
        map.tiles[1].label = "Supercalifragilisticexpialidocious"
        let svg = map.svg()
        // The Cambodian short names share one size, a little below the font size.
        let sizes = Self.map().svg().components(separatedBy: "class=\"tile-label\"").dropFirst().map {
            $0.components(separatedBy: "font-size=\"")[1].prefix { $0 != "\"" }
        }
        #expect(sizes.count == 25 && Set(sizes) == ["11.5"])
        let first = try Self.tile("KH-1", in: svg)
        #expect(first.components(separatedBy: "class=\"tile-label\"").count - 1 == 2)
        #expect(try Self.tile("KH-2", in: svg).contains("…</text>"))
    }

    @Test("the same map gives the same bytes")
    func deterministic() {
        let a = Self.map().svg(), b = Self.map().svg()
        #expect(a == b)
        var shuffled = Self.map()
        shuffled.tiles.reverse()
        #expect(shuffled.svg() == a)
    }
}
