import Foundation

/// What a chart file holds: a standalone SVG document or an HTML fragment (a `<figure>` with inline SVG and
/// a caption, to paste into a page).
public enum ChartFileFormat: String, Sendable, CaseIterable {
    /// A standalone SVG file (``SVGChartRenderer/document(_:id:)``).
    case svg
    /// An HTML fragment (``Chart/htmlFragment(renderer:id:)``).
    case html

    /// The format a file name's extension names: `.svg` is ``svg``; `.html`, `.htm` and `.xhtml` are ``html``
    /// (any case); `nil` otherwise.
    /// - Complexity: O(length of the name).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "svg": self = .svg
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }
}
