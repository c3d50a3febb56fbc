import Foundation

/// A UTC offset or time zone named in a file's comment lines (`# as_of is local time in Phnom Penh (UTC+7)`), found
/// to tell a user who gave no time zone what the file itself says; it is never applied.
///
/// Recognised: `UTC` or `GMT` followed by a signed offset of one or two hour digits, optionally with minutes
/// (`UTC+7`, `UTC+07:00`, `GMT -0530`, `UTC−7` with a minus sign), and IANA identifiers that Foundation knows
/// (`Asia/Phnom_Penh`).
struct ZoneMention: Equatable {
    /// The mention as written (`UTC+7`).
    var text: String
    /// The 1-based line of the comment.
    var line: Int

    /// The first mention in `comments` (whose lines are `lines`), or `nil`.
    /// - Complexity: O(total characters of the comments).
    static func first(in comments: [String], lines: [Int]) -> ZoneMention? {
        for (index, comment) in comments.enumerated() {
            let line = index < lines.count ? lines[index] : 0
            if let text = offsetMention(in: comment) ?? identifierMention(in: comment) {
                return ZoneMention(text: text, line: line)
            }
        }
        return nil
    }

    /// `UTC+7`, `GMT-05:30`, ... as written; `nil` when the comment has none.
    static func offsetMention(in comment: String) -> String? {
        let characters = Array(comment)
        func isDigit(_ index: Int) -> Bool { index < characters.count && characters[index].isASCII && characters[index].isNumber }
        func isLetter(_ index: Int) -> Bool { index >= 0 && index < characters.count && characters[index].isLetter }
        var start = 0
        while start + 3 <= characters.count {
            defer { start += 1 }
            let word = String(characters[start..<start + 3]).uppercased()
            guard word == "UTC" || word == "GMT", !isLetter(start - 1) else { continue }
            var index = start + 3
            while index < characters.count && characters[index] == " " { index += 1 }
            guard index < characters.count, ["+", "-", "\u{2212}"].contains(characters[index]) else { continue }
            index += 1
            while index < characters.count && characters[index] == " " { index += 1 }
            var hours = 0
            while isDigit(index) && hours < 4 { index += 1; hours += 1 }
            guard hours >= 1, !isDigit(index) else { continue }
            if hours <= 2, index + 2 < characters.count, characters[index] == ":", isDigit(index + 1), isDigit(index + 2),
               !isDigit(index + 3) {
                index += 3
            }
            return String(characters[start..<index])
        }
        return nil
    }

    /// An IANA time zone identifier Foundation knows (`Asia/Phnom_Penh`); `nil` when the comment has none.
    static func identifierMention(in comment: String) -> String? {
        let tokens = comment.split { !($0.isASCII && ($0.isLetter || $0.isNumber || "_/+-".contains($0))) }
        for token in tokens where token.contains("/") {
            let parts = token.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
            if TimeZone(identifier: String(token)) != nil { return String(token) }
        }
        return nil
    }
}
