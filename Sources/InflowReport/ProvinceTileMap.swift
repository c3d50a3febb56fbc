import Foundation

/// A tile map (grid cartogram) of provinces as inline SVG: one rounded square per province, placed by a
/// ``ProvinceTileLayout`` so that neighbours stay roughly neighbours, filled from a light-to-dark blue
/// scale by value, with the province's short name and its value on the tile.
///
/// What the drawing shows:
/// - The value, rounded to a whole number with thousands separators ("1,204"), classifies the tile into
///   at most five classes of blue. The class breaks come from the data: Fisher–Jenks natural breaks
///   (the partition of the sorted values that minimises the sum of squared deviations from the class
///   means, found exactly by dynamic programming), so a few large hubs stand apart from many small
///   provinces instead of sharing the darkest class with them. The legend shows each class's range;
///   ranges meet (the next class starts one above the last one's largest value).
/// - A tile whose value is `nil` or not finite shows "n.d." on a light grey hatch ("not determined").
/// - A flagged tile has a dashed inner border ("driven by the prior shares" in the legend, or
///   ``flaggedLabel``).
/// - A province of the layout without a tile is an outline with its name in grey ("no figure").
/// - The site (``siteCode``, by default Phnom Penh, where the embassy is) carries an orange star.
/// - Each tile has a `<title>`, so hovering shows the tile's ``ProvinceTile/detail``.
///
/// Tiles whose code the layout does not place are left out; when several tiles share a code, the first
/// counts. Text on a tile is dark or white, whichever contrasts more with its fill (WCAG contrast
/// ratio). Every data string is escaped with ``MarkupEscaping/html(_:)``; the SVG is XML-compatible,
/// has `role="img"`, an `aria-label`, `<title>` and `<desc>`, and no namespace declaration (it is meant
/// to sit inside an HTML5 document). The same map always gives the same bytes.
public struct ProvinceTileMap: Sendable, Equatable {
    /// The title drawn above the map (and its accessible name).
    public var title: String
    /// What the values are, as a legend caption, such as "expected still to arrive".
    public var valueLabel: String
    /// The provinces' tiles, in any order.
    public var tiles: [ProvinceTile]
    /// Where each province sits; ``ProvinceTileLayout/cambodia`` by default.
    public var layout: ProvinceTileLayout
    /// The code of the province marked with a star, or `nil` for none; `KH-12` (Phnom Penh) by default.
    public var siteCode: String?
    /// The legend text of the star.
    public var siteLabel: String
    /// The legend text of flagged tiles.
    public var flaggedLabel: String
    /// A prefix for element ids (the hatch pattern, the title); must be unique within the page.
    /// Characters other than ASCII letters, digits, `-` and `_` are replaced with `-`.
    public var id: String
    /// The side of a tile in user units (the drawing scales to its container).
    public var tileSize: Double
    /// The font size of tile names and legend entries; values are 1.5 times larger, the title 1.25.
    public var fontSize: Double

    /// A map of `tiles` with a `title` and a legend caption `valueLabel`.
    public init(title: String, valueLabel: String, tiles: [ProvinceTile], layout: ProvinceTileLayout = .cambodia,
                siteCode: String? = "KH-12", siteLabel: String = "embassy (Phnom Penh)",
                flaggedLabel: String = "driven by the prior shares", id: String = "province-map",
                tileSize: Double = 100, fontSize: Double = 12) {
        self.title = title
        self.valueLabel = valueLabel
        self.tiles = tiles
        self.layout = layout
        self.siteCode = siteCode
        self.siteLabel = siteLabel
        self.flaggedLabel = flaggedLabel
        self.id = id
        self.tileSize = tileSize
        self.fontSize = fontSize
    }

    /// The sequential scale, light to dark (ColorBrewer "Blues", five classes). With fewer classes
    /// the map uses colours spread over the whole scale (two classes: the first and the last).
    public static let palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    /// The fill of tiles whose value is not determined, under the hatch.
    static let notDeterminedFill = "#eceef1"
    /// The hatch lines.
    static let hatchColor = "#b4bac2"
    /// Dark text.
    static let ink = "#1d1d1f"
    /// Muted text and outlines.
    static let muted = "#6c757d"

    // MARK: Classes

    /// The tiles the layout places, with their cells, in the layout's order (`nil` for a province without a tile).
    func placed() -> [(cell: ProvinceTileLayout.Cell, tile: ProvinceTile?)] {
        var byCode: [String: ProvinceTile] = [:]
        for tile in tiles where byCode[tile.isoCode] == nil { byCode[tile.isoCode] = tile }
        return layout.cells.map { ($0, byCode[$0.isoCode]) }
    }

    /// A value as the tile shows it: rounded half to even, as ``ReportFormat/count(_:)`` prints it;
    /// `nil` when not determined.
    static func shown(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value.rounded(.toNearestOrEven)
    }

    /// The value classes: each class's range of (rounded) values, lowest first, at most five.
    /// Empty when no placed tile has a determined value.
    ///
    /// Complexity: O(k m³) for k classes and m distinct values (m is at most the number of cells).
    public func classRanges() -> [ClosedRange<Double>] {
        let values = placed().compactMap { Self.shown($0.tile?.value) }
        let uppers = Self.naturalBreaks(values, classes: Self.palette.count)
        guard let lowest = values.min() else { return [] }
        var ranges: [ClosedRange<Double>] = []
        var lower = lowest
        for upper in uppers {
            ranges.append(lower...upper)
            lower = upper + 1
        }
        return ranges
    }

    /// The class of `value` among ``classRanges()`` (`nil` when the value is not determined or no
    /// class exists); values outside every range fall into the nearest end class.
    public func classIndex(for value: Double?) -> Int? {
        Self.classIndex(for: value, in: classRanges())
    }

    static func classIndex(for value: Double?, in ranges: [ClosedRange<Double>]) -> Int? {
        guard let shown = shown(value), !ranges.isEmpty else { return nil }
        return ranges.firstIndex { shown <= $0.upperBound } ?? ranges.count - 1
    }

    /// The fill of class `index` out of `count`.
    static func classColor(_ index: Int, of count: Int) -> String {
        let last = palette.count - 1
        guard count > 1 else { return palette[last / 2] }
        return palette[Int((Double(index) * Double(last) / Double(count - 1)).rounded())]
    }

    /// Fisher–Jenks natural breaks: the largest value of each class, lowest class first, for at most
    /// `classes` classes (fewer when there are fewer distinct values). Equal values share a class.
    static func naturalBreaks(_ values: [Double], classes: Int) -> [Double] {
        let distinct = Set(values).sorted()
        let n = distinct.count, k = min(classes, n)
        guard k > 0 else { return [] }
        let weight = distinct.map { value in Double(values.lazy.filter { $0 == value }.count) }
        /// Weighted sum of squared deviations of `distinct[i...j]` from their mean.
        func cost(_ i: Int, _ j: Int) -> Double {
            var total = 0.0, sum = 0.0
            for m in i...j {
                total += weight[m]
                sum += weight[m] * distinct[m]
            }
            let mean = sum / total
            var squares = 0.0
            for m in i...j { squares += weight[m] * (distinct[m] - mean) * (distinct[m] - mean) }
            return squares
        }
        // best[c][j]: the least cost of splitting distinct[0...j] into c + 1 classes; start[c][j]: where the last begins.
        var best = Array(repeating: Array(repeating: Double.infinity, count: n), count: k)
        var start = Array(repeating: Array(repeating: 0, count: n), count: k)
        for j in 0..<n { best[0][j] = cost(0, j) }
        for c in 1..<k {
            for j in c..<n {
                for i in c...j {
                    let candidate = best[c - 1][i - 1] + cost(i, j)
                    if candidate < best[c][j] {
                        best[c][j] = candidate
                        start[c][j] = i
                    }
                }
            }
        }
        var uppers: [Double] = []
        var j = n - 1
        for c in stride(from: k - 1, through: 0, by: -1) {
            uppers.append(distinct[j])
            j = start[c][j] - 1
        }
        return uppers.reversed()
    }

    // MARK: Colour and text

    /// The relative luminance of a `#rrggbb` colour (WCAG 2).
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ offset: Int) -> Double {
            let value = Double(Int(String(digits[offset..<offset + 2]), radix: 16) ?? 0) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    /// The WCAG contrast ratio of two colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Dark or white text, whichever contrasts more with `fill`.
    static func textColor(on fill: String) -> String {
        contrast(ink, fill) >= contrast("#ffffff", fill) ? ink : "#ffffff"
    }

    /// A text cut to at most `width` units with an ellipsis.
    static func truncated(_ text: String, width: Double, size: Double) -> String {
        guard SVGChartRenderer.textWidth(text, size: size) > width else { return text }
        let keep = max(Int(width / (size * 0.62)) - 1, 1)
        return String(text.prefix(keep)) + "…"
    }

    /// The font size of every tile name: `size`, or smaller (by at most 15%) so that every name fits
    /// on one line; one size for all tiles, so that names read as a set.
    static func labelSize(_ texts: [String], width: Double, size: Double) -> Double {
        let fits = texts.map { width / max(SVGChartRenderer.textWidth($0, size: 1), 1e-9) }
        let chosen = max(min(size, fits.min() ?? size), size * 0.85)
        return (chosen * 2).rounded(.down) / 2
    }

    /// A tile name fitted into `width`: one line at `size`, else two lines split where the longer line
    /// is shortest (shrunk by at most 30%), else cut with an ellipsis.
    static func fitted(_ text: String, width: Double, size: Double) -> (lines: [String], size: Double) {
        func fitSize(_ line: String) -> Double { width / max(SVGChartRenderer.textWidth(line, size: 1), 1e-9) }
        let oneLine = min(size, fitSize(text))
        if oneLine >= size { return ([text], size) }
        let words = text.split(separator: " ").map(String.init)
        if words.count > 1 {
            var bestLines = [text], bestLength = Int.max
            for split in 1..<words.count {
                let lines = [words[..<split].joined(separator: " "), words[split...].joined(separator: " ")]
                let length = lines.map(\.count).max()!
                if length < bestLength {
                    bestLength = length
                    bestLines = lines
                }
            }
            let twoLines = min(size, bestLines.map(fitSize).min()!)
            let smallest = (size * 0.7 * 2).rounded(.up) / 2
            let chosen = max((twoLines * 2).rounded(.down) / 2, smallest)
            return (bestLines.map { truncated($0, width: width, size: chosen) }, chosen)
        }
        let chosen = max((oneLine * 2).rounded(.down) / 2, (size * 0.7 * 2).rounded(.up) / 2)
        return ([truncated(text, width: width, size: chosen)], chosen)
    }

    /// An id made safe for attributes and `url(#...)` references.
    var safeID: String {
        let characters = id.unicodeScalars.map { scalar -> Character in
            let ascii = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
            return ascii ? Character(scalar) : "-"
        }
        let text = String(characters)
        return text.isEmpty || !(text.first!.isLetter) ? "m" + text : text
    }

    // MARK: Drawing

    /// A coordinate with one decimal.
    static func c(_ value: Double) -> String { SVGChartRenderer.c(value) }

    /// Escaped text.
    static func e(_ text: String) -> String { MarkupEscaping.html(text) }

    /// A five-pointed star centred on (`x`, `y`) with outer radius `radius`.
    static func star(x: Double, y: Double, radius: Double) -> String {
        let points = (0..<10).map { index -> String in
            let angle = -Double.pi / 2 + Double(index) * Double.pi / 5
            let r = index.isMultiple(of: 2) ? radius : radius * 0.45
            return "\(c(x + r * cos(angle))),\(c(y + r * sin(angle)))"
        }
        return "<polygon class=\"site\" points=\"\(points.joined(separator: " "))\" fill=\"\(ChartColor.orange.hex)\" "
            + "stroke=\"#ffffff\" stroke-width=\"1\" stroke-linejoin=\"round\"/>\n"
    }

    /// The SVG markup of the map.
    public func svg() -> String {
        let cells = placed()
        let ranges = classRanges()
        let prefix = safeID
        let hatchID = "\(prefix)-hatch", titleID = "\(prefix)-title", descID = "\(prefix)-desc"
        let margin = 8.0, gap = 6.0, pitch = tileSize + gap, radius = (tileSize * 0.07).rounded()
        let titleSize = (fontSize * 1.25).rounded(), valueSize = (fontSize * 1.5).rounded()
        let gridWidth = max(Double(layout.columns) * pitch - gap, 0)
        let width = max(gridWidth + 2 * margin, 240)
        let titleLines = SVGChartRenderer.wrap(title, width: width - 2 * margin, size: titleSize)
        let gridTop = margin + Double(titleLines.count) * (titleSize + 5) + 8
        let gridLeft = (width - gridWidth) / 2
        let gridBottom = gridTop + max(Double(layout.rows) * pitch - gap, 0)
        let hasNotDetermined = cells.contains { $0.tile != nil && Self.shown($0.tile?.value) == nil }
        let hasFlagged = cells.contains { $0.tile?.flagged == true }
        let hasEmpty = cells.contains { $0.tile == nil }
        let site = siteCode.flatMap { code in cells.first { $0.cell.isoCode == code } }

        // Legend: the caption, then entries that flow in rows.
        enum Swatch { case fill(String), hatch, dashed, empty, star }
        var entries: [(swatch: Swatch, label: String)] = ranges.enumerated().map { index, range in
            let text = range.lowerBound == range.upperBound ? ReportFormat.count(range.upperBound)
                : ReportFormat.countInterval(range.lowerBound, range.upperBound)
            return (.fill(Self.classColor(index, of: ranges.count)), text)
        }
        if hasNotDetermined { entries.append((.hatch, "not determined")) }
        if hasFlagged { entries.append((.dashed, flaggedLabel)) }
        if hasEmpty { entries.append((.empty, "no figure")) }
        if site != nil { entries.append((.star, siteLabel)) }
        let swatchWidth = 18.0, legendRow = fontSize + 10
        let captionBaseline = gridBottom + 14 + fontSize
        var placedEntries: [(swatch: Swatch, label: String, x: Double, row: Int)] = []
        var cursor = margin, row = 0
        for entry in entries {
            let itemWidth = swatchWidth + 6 + SVGChartRenderer.textWidth(entry.label, size: fontSize) + 14
            if cursor + itemWidth > width - margin && cursor > margin {
                row += 1
                cursor = margin
            }
            placedEntries.append((entry.swatch, entry.label, cursor, row))
            cursor += itemWidth
        }
        let entriesTop = captionBaseline + legendRow
        let height = entriesTop + Double(entries.isEmpty ? 0 : row) * legendRow + fontSize * 0.5 + margin

        // Description for screen readers: the largest values and the undetermined provinces.
        let determined = cells.compactMap { item -> (label: String, value: Double)? in
            guard let tile = item.tile, let value = Self.shown(tile.value) else { return nil }
            return (tile.label, value)
        }
        let largest = determined.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }
            .prefix(3).map { "\($0.element.label) \(ReportFormat.count($0.element.value))" }
        var description = "Tile map: each square is a province, placed roughly where it lies; darker blue is more (\(valueLabel))."
        if !largest.isEmpty { description += " Largest: \(largest.joined(separator: ", "))." }
        let undetermined = cells.compactMap { $0.tile.flatMap { Self.shown($0.value) == nil ? $0.label : nil } }
        if !undetermined.isEmpty { description += " Not determined: \(undetermined.joined(separator: ", "))." }

        var svg = "<svg class=\"chart tile-map\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" "
            + "aria-label=\"\(Self.e(title))\" viewBox=\"0 0 \(Self.c(width)) \(Self.c(height))\" "
            + "width=\"\(Self.c(width))\" height=\"\(Self.c(height))\" font-size=\"\(Self.c(fontSize))\">\n"
        svg += "<title id=\"\(titleID)\">\(Self.e(title))</title>\n"
        svg += "<desc id=\"\(descID)\">\(Self.e(description))</desc>\n"
        svg += "<defs><pattern id=\"\(hatchID)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
            + "patternTransform=\"rotate(45)\"><rect x=\"0\" y=\"0\" width=\"6\" height=\"6\" fill=\"\(Self.notDeterminedFill)\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(Self.hatchColor)\" stroke-width=\"2\"/></pattern></defs>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Self.c(width))\" height=\"\(Self.c(height))\" fill=\"#ffffff\"/>\n"
        for (index, line) in titleLines.enumerated() {
            svg += "<text class=\"chart-title\" x=\"\(Self.c(margin))\" y=\"\(Self.c(margin + Double(index + 1) * (titleSize + 5) - 5))\" "
                + "font-size=\"\(Self.c(titleSize))\" font-weight=\"600\" fill=\"\(Self.ink)\">\(Self.e(line))</text>\n"
        }

        // Tiles.
        let inner = tileSize - 12
        let baseLabelSize = Self.labelSize(cells.map { $0.tile?.label ?? $0.cell.shortName }, width: inner, size: fontSize)
        svg += "<g class=\"tiles\" text-anchor=\"middle\">\n"
        for (cell, tile) in cells {
            let x = gridLeft + Double(cell.column) * pitch, y = gridTop + Double(cell.row) * pitch
            let centre = x + tileSize / 2
            let shown = Self.shown(tile?.value)
            let fill: String, stroke: String, textColor: String
            if tile == nil {
                (fill, stroke, textColor) = ("#ffffff", "#c3c8ce", Self.muted)
            } else if shown == nil {
                (fill, stroke, textColor) = ("url(#\(hatchID))", "#a3aab3", Self.ink)
            } else {
                let index = Self.classIndex(for: shown, in: ranges) ?? 0
                let color = Self.classColor(index, of: ranges.count)
                (fill, stroke, textColor) = (color, "#9fb6cc", Self.textColor(on: color))
            }
            let tooltip: String
            if let tile {
                tooltip = tile.detail.isEmpty
                    ? "\(tile.label): \(shown.map(ReportFormat.count) ?? "not determined") \(valueLabel)" : tile.detail
            } else {
                tooltip = "\(cell.name): no figure"
            }
            svg += "<g class=\"tile\" data-code=\"\(Self.e(cell.isoCode))\">\n<title>\(Self.e(tooltip))</title>\n"
            svg += "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" width=\"\(Self.c(tileSize))\" height=\"\(Self.c(tileSize))\" "
                + "rx=\"\(Self.c(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1\"/>\n"
            if tile?.flagged == true {
                let dashColor = shown == nil ? Self.ink : textColor
                svg += "<rect class=\"flagged\" x=\"\(Self.c(x + 4))\" y=\"\(Self.c(y + 4))\" width=\"\(Self.c(tileSize - 8))\" "
                    + "height=\"\(Self.c(tileSize - 8))\" rx=\"\(Self.c(max(radius - 3, 0)))\" fill=\"none\" stroke=\"\(dashColor)\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n"
            }
            let (lines, labelSize) = Self.fitted(tile?.label ?? cell.shortName, width: inner, size: baseLabelSize)
            for (index, line) in lines.enumerated() {
                let baseline = y + 10 + labelSize + Double(index) * (labelSize + 2)
                svg += "<text class=\"tile-label\" x=\"\(Self.c(centre))\" y=\"\(Self.c(baseline))\" "
                    + "font-size=\"\(Self.c(labelSize))\" fill=\"\(textColor)\">\(Self.e(line))</text>\n"
            }
            if tile != nil {
                let valueText = shown.map(ReportFormat.count) ?? "n.d."
                let size = min(valueSize, inner / SVGChartRenderer.textWidth(valueText, size: 1))
                let halo = shown == nil ? " stroke=\"\(Self.notDeterminedFill)\" stroke-width=\"3\" paint-order=\"stroke\"" : ""
                svg += "<text class=\"tile-value\" x=\"\(Self.c(centre))\" y=\"\(Self.c(y + tileSize * 0.66))\" "
                    + "font-size=\"\(Self.c((size * 2).rounded(.down) / 2))\" font-weight=\"700\" fill=\"\(textColor)\"\(halo)>"
                    + "\(Self.e(valueText))</text>\n"
            }
            if cell.isoCode == site?.cell.isoCode {
                svg += Self.star(x: x + tileSize - 15, y: y + tileSize - 15, radius: 8)
            }
            svg += "</g>\n"
        }
        svg += "</g>\n"

        // Legend.
        svg += "<g class=\"legend\">\n"
        svg += "<text x=\"\(Self.c(margin))\" y=\"\(Self.c(captionBaseline))\" font-weight=\"600\" fill=\"\(Self.ink)\">"
            + "\(Self.e(valueLabel))</text>\n"
        for entry in placedEntries {
            let baseline = entriesTop + Double(entry.row) * legendRow
            let top = baseline - fontSize * 0.35 - 7, x = entry.x
            let box = "x=\"\(Self.c(x))\" y=\"\(Self.c(top))\" width=\"\(Self.c(swatchWidth))\" height=\"14\" rx=\"2\""
            switch entry.swatch {
            case .fill(let color):
                svg += "<rect \(box) fill=\"\(color)\" stroke=\"#9fb6cc\" stroke-width=\"1\"/>\n"
            case .hatch:
                svg += "<rect \(box) fill=\"url(#\(hatchID))\" stroke=\"#a3aab3\" stroke-width=\"1\"/>\n"
            case .dashed:
                svg += "<rect \(box) fill=\"#ffffff\" stroke=\"\(Self.ink)\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>\n"
            case .empty:
                svg += "<rect \(box) fill=\"#ffffff\" stroke=\"#c3c8ce\" stroke-width=\"1\"/>\n"
            case .star:
                svg += Self.star(x: x + swatchWidth / 2, y: top + 7, radius: 8)
            }
            svg += "<text x=\"\(Self.c(x + swatchWidth + 6))\" y=\"\(Self.c(baseline))\" fill=\"\(Self.ink)\">"
                + "\(Self.e(entry.label))</text>\n"
        }
        svg += "</g>\n</svg>"
        return svg
    }
}
