import Foundation

/// A streaming reader of CSV text (RFC 4180), from a file or a string.
///
/// It reads a file in chunks (64 KiB by default), so memory stays bounded by the chunk and the
/// longest record, whatever the number of rows. What it accepts:
/// - fields separated by commas; a field in double quotes may hold commas, line breaks and quotes
///   written twice (`"say ""hi"""` reads `say "hi"`);
/// - records ended by CRLF, LF or a lone CR; the last record needs no line end;
/// - before the header, lines starting with `#` are comments, kept in ``comments`` (without the `#`
///   and one following space) so provenance travels with the data;
/// - blank lines, lines of spaces only and lines of empty unquoted fields (`,,,`, as spreadsheets
///   export) are skipped anywhere;
/// - a UTF-8 byte order mark at the start is skipped.
///
/// The bytes must be UTF-8. An invalid sequence is a ``DataError`` of kind
/// ``DataError/Kind-swift.enum/invalidUTF8`` naming the line and the 1-based byte offset within the
/// line. Other malformed input (a character after a closing quote, a quote left open at the end of
/// the file) is an error too. With `recovering: true` the reader instead repairs what it can
/// (invalid bytes become U+FFFD, stray characters are kept), records the errors in
/// ``recoveredErrors`` and goes on; ``DataCheck`` reads that way to list every problem.
///
/// ```swift
/// let reader = try CSVReader(contentsOf: url)
/// let header = try reader.readHeader()
/// while let record = try reader.next() {
///     print(record.line, record[column: 1])
/// }
/// ```
///
/// - Complexity: O(n) in the bytes read; memory O(chunk size + longest record).
public final class CSVReader {
    /// The file as named in messages.
    public let name: String
    /// The comment lines before the header, in order, without the leading `#` and one space.
    public private(set) var comments: [String] = []
    /// The line (1-based) of each of ``comments``.
    public private(set) var commentLines: [Int] = []
    /// The header record, once ``readHeader()`` (or ``next()``) has read it.
    public private(set) var header: CSVRecord?
    /// Whether malformed input is repaired and recorded instead of thrown.
    public let recovering: Bool
    /// Errors repaired so far when ``recovering`` (empty otherwise). ``removeRecoveredErrors()`` takes them.
    public private(set) var recoveredErrors: [DataError] = []

    private let handle: FileHandle?
    private let chunkSize: Int
    private var chunk: [UInt8]
    /// Absolute byte offset of `chunk[0]`.
    private var chunkBase = 0
    /// Next byte to scan in `chunk`.
    private var position = 0
    /// Start in `chunk` of the part of the current field not yet copied to `pending`.
    private var sliceStart = 0
    /// Bytes of the current field that came from earlier chunks or before a `""`.
    private var pending: [UInt8] = []
    private var atEnd = false
    private var headerRead = false
    private var scanState = ScanState()

    /// A reader of the file at `url`.
    /// - Parameters:
    ///   - url: the CSV file.
    ///   - name: the file as named in messages; default: the URL's relative path (the path as given).
    ///   - chunkSize: bytes read at a time.
    ///   - recovering: repair malformed input and record the errors instead of throwing.
    /// - Throws: ``DataError`` of kind ``DataError/Kind-swift.enum/unreadableFile`` when the file cannot be opened.
    public init(contentsOf url: URL, name: String? = nil, chunkSize: Int = 65_536, recovering: Bool = false) throws {
        precondition(chunkSize > 0, "chunkSize must be positive")
        let displayName = name ?? url.relativePath
        self.name = displayName
        self.chunkSize = chunkSize
        self.recovering = recovering
        self.chunk = []
        do {
            self.handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw DataError(.unreadableFile, file: displayName, line: nil,
                            message: "cannot open the file (\(CSVReader.reason(error))); expected a readable CSV file")
        }
    }

    /// A reader of CSV text held in memory.
    public init(string: String, name: String = "input", recovering: Bool = false) {
        self.name = name
        self.chunkSize = 0
        self.recovering = recovering
        self.handle = nil
        self.chunk = Array(string.utf8)
        self.atEnd = true
        skipByteOrderMark()
    }

    /// A reader of bytes held in memory (which need not be valid UTF-8).
    public init(bytes: [UInt8], name: String = "input", recovering: Bool = false) {
        self.name = name
        self.chunkSize = 0
        self.recovering = recovering
        self.handle = nil
        self.chunk = bytes
        self.atEnd = true
        skipByteOrderMark()
    }

    deinit {
        try? handle?.close()
    }

    /// Reads the comment lines and the header row (once; later calls return the same header).
    /// - Throws: ``DataError`` of kind ``DataError/Kind-swift.enum/emptyFile`` or
    ///   ``DataError/Kind-swift.enum/missingHeader`` when there is no header, or a malformed-input error.
    public func readHeader() throws -> CSVRecord {
        if let header { return header }
        var fields: [String] = []
        guard let line = try readRecord(into: &fields) else {
            let example = "expected a header row naming the columns, such as date,arrivals"
            if chunkBase + chunk.count == 0 || (chunkBase + chunk.count == 3 && scanState.lineStart == 3) {
                throw DataError(.emptyFile, file: name, line: 1, message: "the file is empty; \(example)")
            }
            let found = comments.isEmpty ? "the file has only blank lines" : "the file has only comment lines"
            throw DataError(.missingHeader, file: name, line: scanState.line, message: "\(found); \(example)")
        }
        headerRead = true
        let record = CSVRecord(line: line, fields: fields)
        header = record
        return record
    }

    /// The next data record after the header, or `nil` at the end of the input.
    /// Reads the header first if ``readHeader()`` has not been called.
    public func next() throws -> CSVRecord? {
        if !headerRead { _ = try readHeader() }
        var fields: [String] = []
        guard let line = try readRecord(into: &fields) else { return nil }
        return CSVRecord(line: line, fields: fields)
    }

    /// Reads the header and every remaining record (for small files).
    public func readAll() throws -> (header: CSVRecord, records: [CSVRecord]) {
        let header = try readHeader()
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return (header, records)
    }

    /// Returns the repaired errors recorded so far and forgets them.
    public func removeRecoveredErrors() -> [DataError] {
        defer { recoveredErrors.removeAll() }
        return recoveredErrors
    }

    /// The line the reader has reached (where the next record would start).
    public var currentLine: Int { scanState.line }

    // MARK: - Scanning

    /// Reads the next record's fields into `fields` (replacing its contents, keeping its capacity)
    /// and returns the record's line, or `nil` at the end of the input. Before the header has been
    /// read, comment lines are collected on the way.
    func readRecord(into fields: inout [String]) throws -> Int? {
        fields.removeAll(keepingCapacity: true)
        while true {
            if position < chunk.count {
                if try scanChunk(into: &fields) { return scanState.recordLine }
            } else if !(try refill()) {
                return try finishAtEnd(into: &fields) ? scanState.recordLine : nil
            }
        }
    }

    private func skipByteOrderMark() {
        if chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF {
            position = 3
            sliceStart = 3
            scanState.lineStart = 3
        }
    }

    /// Loads the next chunk; `false` at the end of the input.
    private func refill() throws -> Bool {
        guard !atEnd, let handle else { return false }
        var data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
            // The first chunk holds at least three bytes when the file does, to see a byte order mark.
            while chunkBase + chunk.count == 0, let first = data, first.count < 3,
                  let more = try handle.read(upToCount: 3 - first.count), !more.isEmpty {
                data = first + more
            }
        } catch {
            throw DataError(.unreadableFile, file: name, line: scanState.line,
                            message: "cannot read the file (\(CSVReader.reason(error))); expected a readable CSV file")
        }
        chunkBase += chunk.count
        guard let data, !data.isEmpty else {
            chunk = []
            position = 0
            sliceStart = 0
            atEnd = true
            return false
        }
        let isFirst = chunkBase == 0
        chunk = [UInt8](data)
        position = 0
        sliceStart = 0
        if isFirst { skipByteOrderMark() }
        return true
    }

    /// Scans from `position` to the end of a record (`true`) or of the chunk (`false`).
    private func scanChunk(into fields: inout [String]) throws -> Bool {
        var s = scanState
        var i = position
        var start = sliceStart
        defer {
            scanState = s
            position = i
            sliceStart = start
        }
        let base = chunkBase
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let hash = UInt8(ascii: "#")
        let collectComments = !headerRead
        return try chunk.withUnsafeBufferPointer { buffer -> Bool in
            let n = buffer.count
            while i < n {
                let byte = buffer[i]
                if (byte >= 0x80 || s.utf8Remaining != 0) && base + i >= s.utf8NextOffset {
                    // A byte is looked at twice when a state hands it on unconsumed; check it once.
                    s.utf8NextOffset = base + i + 1
                    try checkUTF8(byte, offset: base + i, state: &s)
                }
                switch s.field {
                case .unquoted:
                    if byte == comma {
                        fields.append(makeField(buffer, start, i))
                        s.field = .fieldStart
                    } else if byte == lf || byte == cr {
                        fields.append(makeField(buffer, start, i))
                        endLine(byte, offset: base + i, state: &s)
                        i += 1
                        if endRecord(&fields, state: &s) { return true }
                        continue
                    }
                    i += 1
                case .fieldStart:
                    if byte == quote {
                        s.field = .quoted
                        s.anyQuoted = true
                        i += 1
                        start = i
                    } else {
                        s.field = .unquoted
                        start = i
                    }
                case .quoted:
                    if byte == quote {
                        pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i]))
                        s.field = .quoteInQuoted
                        s.lastWasCR = false
                        i += 1
                        start = i
                    } else if byte == lf {
                        if s.lastWasCR {
                            s.lastWasCR = false
                        } else {
                            s.line += 1
                        }
                        s.lineStart = base + i + 1
                        i += 1
                    } else if byte == cr {
                        s.line += 1
                        s.lineStart = base + i + 1
                        s.lastWasCR = true
                        i += 1
                    } else {
                        s.lastWasCR = false
                        i += 1
                    }
                case .quoteInQuoted:
                    if byte == quote {
                        // The second quote of "": it is content; the field stays quoted.
                        start = i
                        s.field = .quoted
                        i += 1
                    } else if byte == comma {
                        fields.append(makeField(buffer, start, i))
                        s.field = .fieldStart
                        i += 1
                    } else if byte == lf || byte == cr {
                        fields.append(makeField(buffer, start, i))
                        endLine(byte, offset: base + i, state: &s)
                        i += 1
                        if endRecord(&fields, state: &s) { return true }
                    } else {
                        try report(DataError(
                            .misplacedQuote, file: name, line: s.line, column: fields.count + 1,
                            message: "unexpected character after a closing quote; expected a comma or the end of the line (write a quote inside a quoted field as \"\")"))
                        // Keep the character and read on as an unquoted field.
                        s.field = .unquoted
                        start = i
                    }
                case .recordStart:
                    if byte == lf {
                        if s.lastWasCR {
                            s.lastWasCR = false
                        } else {
                            s.line += 1
                        }
                        s.lineStart = base + i + 1
                        i += 1
                    } else if byte == cr {
                        s.line += 1
                        s.lineStart = base + i + 1
                        s.lastWasCR = true
                        i += 1
                    } else {
                        s.lastWasCR = false
                        s.recordLine = s.line
                        s.anyQuoted = false
                        if collectComments && byte == hash {
                            s.field = .comment
                            i += 1
                            start = i
                        } else {
                            s.field = .fieldStart
                        }
                    }
                case .comment:
                    if byte == lf || byte == cr {
                        comments.append(commentText(makeField(buffer, start, i)))
                        commentLines.append(s.recordLine)
                        endLine(byte, offset: base + i, state: &s)
                        s.field = .recordStart
                    }
                    i += 1
                }
            }
            // The chunk ends inside a record: keep the unfinished field's bytes.
            switch s.field {
            case .unquoted, .quoted, .comment:
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<n]))
            case .recordStart, .fieldStart, .quoteInQuoted:
                break
            }
            start = 0
            return false
        }
    }

    /// Completes the record at the end of the input; `true` when there was one.
    private func finishAtEnd(into fields: inout [String]) throws -> Bool {
        var s = scanState
        defer { scanState = s }
        if s.utf8Remaining != 0 {
            try reportTruncatedUTF8(state: &s)
        }
        let empty: [UInt8] = []
        switch s.field {
        case .recordStart:
            return false
        case .comment:
            comments.append(commentText(empty.withUnsafeBufferPointer { makeField($0, 0, 0) }))
            commentLines.append(s.recordLine)
            s.field = .recordStart
            return false
        case .quoted:
            try report(DataError(
                .unclosedQuote, file: name, line: s.recordLine, column: fields.count + 1,
                message: "a quoted field is not closed; expected a closing double quote before the end of the file"))
            fallthrough
        case .fieldStart, .unquoted, .quoteInQuoted:
            fields.append(empty.withUnsafeBufferPointer { makeField($0, 0, 0) })
            s.field = .recordStart
            if endRecord(&fields, state: &s) { return true }
            return false
        }
    }

    /// Ends a record; `false` (and the fields cleared) when it is blank and skipped.
    private func endRecord(_ fields: inout [String], state s: inout ScanState) -> Bool {
        s.field = .recordStart
        if s.anyQuoted { return true }
        for field in fields where !CSVReader.isBlank(field) { return true }
        fields.removeAll(keepingCapacity: true)
        return false
    }

    /// Whether `text` is empty or only spaces and tabs.
    static func isBlank(_ text: String) -> Bool {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte != 0x20 && byte != 0x09 { return false }
            index = utf8.index(after: index)
        }
        return true
    }

    private func endLine(_ byte: UInt8, offset: Int, state s: inout ScanState) {
        s.line += 1
        s.lineStart = offset + 1
        s.lastWasCR = byte == UInt8(ascii: "\r")
    }

    /// The field made of `pending` and `buffer[from..<to]`; empties `pending`. Bytes that are not
    /// UTF-8 (already reported) become U+FFFD.
    private func makeField(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        if pending.isEmpty {
            return CSVReader.string(UnsafeBufferPointer(rebasing: buffer[from..<to]))
        }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[from..<to]))
        let text = pending.withUnsafeBufferPointer { CSVReader.string($0) }
        pending.removeAll(keepingCapacity: true)
        return text
    }

    /// A string of UTF-8 bytes, through a non-generic initializer (cheap in unoptimized builds too).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { target in
            _ = target.initialize(fromContentsOf: bytes)
            return bytes.count
        }
    }

    private func commentText(_ raw: String) -> String {
        raw.hasPrefix(" ") ? String(raw.dropFirst()) : raw
    }

    // MARK: - UTF-8

    /// Validates one byte of the UTF-8 stream (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
    private func checkUTF8(_ byte: UInt8, offset: Int, state s: inout ScanState) throws {
        if s.utf8Remaining != 0 {
            if byte >= s.utf8Lower && byte <= s.utf8Upper {
                s.utf8Remaining -= 1
                s.utf8Lower = 0x80
                s.utf8Upper = 0xBF
                return
            }
            try reportTruncatedUTF8(state: &s)
            if byte < 0x80 { return }
        }
        let column = offset - s.lineStart + 1
        switch byte {
        case 0x00..<0x80:
            return
        case 0xC2...0xDF:
            s.utf8Remaining = 1
        case 0xE0:
            s.utf8Remaining = 2
            s.utf8Lower = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF:
            s.utf8Remaining = 2
        case 0xED:
            s.utf8Remaining = 2
            s.utf8Upper = 0x9F
        case 0xF0:
            s.utf8Remaining = 3
            s.utf8Lower = 0x90
        case 0xF1...0xF3:
            s.utf8Remaining = 3
        case 0xF4:
            s.utf8Remaining = 3
            s.utf8Upper = 0x8F
        default:
            try reportUTF8(byte, line: s.line, column: column, state: &s)
            return
        }
        s.utf8Lead = byte
        s.utf8LeadLine = s.line
        s.utf8LeadColumn = column
    }

    private func reportTruncatedUTF8(state s: inout ScanState) throws {
        s.utf8Remaining = 0
        s.utf8Lower = 0x80
        s.utf8Upper = 0xBF
        try reportUTF8(s.utf8Lead, line: s.utf8LeadLine, column: s.utf8LeadColumn, state: &s)
    }

    private func reportUTF8(_ byte: UInt8, line: Int, column: Int, state s: inout ScanState) throws {
        if recovering && s.lastUTF8ErrorLine == line { return }
        s.lastUTF8ErrorLine = line
        let hex = String(byte, radix: 16, uppercase: true)
        try report(DataError(
            .invalidUTF8, file: name, line: line, column: column,
            message: "invalid UTF-8 byte 0x\(hex.count == 1 ? "0" + hex : hex); expected UTF-8 text (save the file as UTF-8)"))
    }

    /// Throws `error`, or records it when recovering.
    private func report(_ error: DataError) throws {
        guard recovering else { throw error }
        recoveredErrors.append(error)
    }

    static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if let posix = error as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        return error.localizedDescription
    }
}
