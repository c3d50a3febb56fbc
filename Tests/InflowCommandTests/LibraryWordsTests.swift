import Foundation
import Testing

/// The library speaks in its own words: no string in a library module (every target in `Sources/` but the command
/// line's `Sources/inflow`) names a command-line flag or an `inflow` command. The command line adds its hints
/// itself (`CommandHints`, `ReportHints`).
@Suite("Library words")
struct LibraryWordsTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
        .standardizedFileURL

    /// A flag such as `--shares` (not CSS: `var(--ink)`, `--ink: #1d1d1f`), or a command such as `inflow project`
    /// (`inflow report` is left out: "an inflow report" is the toolkit's report, not the command).
    static let commandLineWords = try! NSRegularExpression(
        pattern: #"(?<![\w-])(?<!var\()--[a-z][a-z-]*(?![\w:-])|\binflow (project|fit|backtest|check|simulate|models|datasets|archive|score)\b"#)

    /// `path:line: text` for each line of library code (not a comment) with a string literal that uses
    /// command-line words.
    static func findings() throws -> [String] {
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.hasPrefix(sources.appendingPathComponent("inflow").path + "/") }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.drop { $0 == " " }
                guard !code.hasPrefix("//"), code.contains("\"") else { continue }
                let string = String(line)
                let range = NSRange(string.startIndex..., in: string)
                if commandLineWords.firstMatch(in: string, range: range) != nil {
                    found.append("\(file.path.dropFirst(sources.path.count + 1)):\(number + 1): \(code)")
                }
            }
        }
        return found
    }

    @Test func noLibraryStringNamesAFlagOrACommand() throws {
        #expect(FileManager.default.fileExists(atPath: Self.sources.appendingPathComponent("InflowReport").path))
        let findings = try Self.findings()
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
    }

    @Test func thePatternFindsFlagsAndCommandsButNotCSS() {
        func matches(_ text: String) -> Bool {
            Self.commandLineWords.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        #expect(matches(#""or a shares file (--shares) would""#))
        #expect(matches(#""(--observation)""#))
        #expect(matches(#""check them with `inflow check`""#))
        #expect(!matches(#"":root { --ink: #1d1d1f; --muted: #5b6168; }""#))
        #expect(!matches(#""color: var(--accent);""#))
        #expect(!matches(#""the file is not an inflow report""#))
        #expect(!matches(#""a value --  dashes in prose""#))
    }
}
