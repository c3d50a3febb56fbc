/// Escaping of data strings for HTML, SVG (XML) and Markdown.
///
/// Every string that comes from data (dataset, key and family names, provenance lines,
/// warnings) passes through here before it reaches a document, so a province named
/// `<script>alert(1)</script>` is shown as text.
public enum MarkupEscaping {
    /// Escapes text for HTML and XML content and quoted attribute values: `&`, `<`, `>`, `"`
    /// and `'` become character references; control characters that XML forbids become U+FFFD.
    public static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
                    || scalar.value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Characters that Markdown (CommonMark, GitHub) may read as syntax inside a line.
    static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!"]

    /// Escapes text for a Markdown paragraph or table cell: backslash before every character
    /// that could start syntax (including `|`, which would end a cell), line breaks as spaces,
    /// and a leading list or heading marker neutralised.
    public static func markdown(_ text: String) -> String {
        var result = ""
        let flattened = text.replacingNewlines()
        for character in flattened {
            if markdownSpecials.contains(character) { result.append("\\") }
            result.append(character)
        }
        // "- item", "+ item", "1. item", "= " at the start would make a list or heading.
        if let first = result.first, first == "-" || first == "+" || first == "=" {
            result = "\\" + result
        } else if let marker = result.firstIndex(where: { !$0.isNumber }), marker != result.startIndex,
                  result.distance(from: result.startIndex, to: marker) <= 9,
                  result[marker] == "." || result[marker] == ")" {
            // "12. item" and "3) item" start ordered lists; "120.18" does not.
            let next = result.index(after: marker)
            if next == result.endIndex || result[next].isWhitespace { result.insert("\\", at: marker) }
        }
        return result
    }
}

extension String {
    /// The string with every line break replaced by a space.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
