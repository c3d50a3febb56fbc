#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif

/// A small well-formedness checker for the XHTML-compatible markup the renderers write:
/// balanced and properly nested tags, quoted attributes, no stray `<`, and only the
/// character references the renderer uses.
enum MarkupChecker {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Checks the markup; returns the element names in document order.
    @discardableResult
    static func check(_ markup: String) throws -> [String] {
        var stack: [String] = []
        var elements: [String] = []
        let scalars = Array(markup.unicodeScalars)
        var i = 0
        func text(_ from: Int, _ to: Int) throws {
            var j = from
            while j < to {
                if scalars[j] == "&" {
                    var k = j + 1
                    while k < to && scalars[k] != ";" && k - j < 12 { k += 1 }
                    guard k < to, scalars[k] == ";" else { throw Problem(description: "bare & at \(j)") }
                    let name = String(String.UnicodeScalarView(scalars[(j + 1)..<k]))
                    let allowed = ["amp", "lt", "gt", "quot", "#39", "#160"]
                    guard allowed.contains(name) else { throw Problem(description: "unexpected reference &\(name);") }
                    j = k
                }
                j += 1
            }
        }
        var textStart = 0
        while i < scalars.count {
            guard scalars[i] == "<" else { i += 1; continue }
            try text(textStart, i)
            guard let close = scalars[i...].firstIndex(of: ">") else { throw Problem(description: "unclosed tag at \(i)") }
            let tag = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            i = close + 1
            textStart = i
            if tag.hasPrefix("!DOCTYPE") || tag.hasPrefix("!--") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard stack.last == name else {
                    throw Problem(description: "</\(name)> closes <\(stack.last ?? "nothing")>")
                }
                stack.removeLast()
                continue
            }
            let selfClosing = tag.hasSuffix("/")
            let body = selfClosing ? String(tag.dropLast()) : tag
            let name = String(body.prefix { !$0.isWhitespace })
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw Problem(description: "bad tag name in <\(tag)>")
            }
            // Attributes: name="value" pairs only.
            var rest = Substring(body.dropFirst(name.count))
            while rest.contains(where: { !$0.isWhitespace }) {
                rest = rest.drop { $0.isWhitespace }
                let attribute = rest.prefix { $0 != "=" && !$0.isWhitespace }
                rest = rest.dropFirst(attribute.count)
                guard rest.hasPrefix("=\"") else { throw Problem(description: "unquoted attribute \(attribute) in <\(name)>") }
                rest = rest.dropFirst(2)
                guard let end = rest.firstIndex(of: "\"") else { throw Problem(description: "unterminated attribute in <\(name)>") }
                let value = rest[..<end]
                guard !value.contains("<") else { throw Problem(description: "< in attribute of <\(name)>") }
                rest = rest[rest.index(after: end)...]
            }
            elements.append(name)
            if !selfClosing { stack.append(name) }
        }
        try text(textStart, scalars.count)
        guard stack.isEmpty else { throw Problem(description: "unclosed elements: \(stack)") }
        return elements
    }

    /// Parses the markup as XML with Foundation, when the platform has an XML parser.
    static func parseAsXML(_ markup: String) throws -> Bool {
        #if canImport(FoundationXML) || os(macOS)
        _ = try XMLDocument(xmlString: markup, options: [])
        return true
        #else
        return false
        #endif
    }
}
