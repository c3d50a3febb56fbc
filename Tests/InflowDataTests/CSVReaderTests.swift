import Foundation
import Testing
@testable import InflowData

@Suite("Reading CSV")
struct CSVReaderTests {
    static let tricky = "\u{FEFF}# source: \"embassy\", with commas\r\n#second\r\n\r\ndate,note,value\r\n"
        + "2026-01-17,\"a, b\",1\r\n"
        + "2026-01-18,\"say \"\"hi\"\"\",2\n"
        + "2026-01-19,\"two\r\nlines\",3\n"
        + ",,\n   \n"
        + "2026-01-20,,4\r"
        + "2026-01-21,Phnom Pénh ✓ 🇰🇭,5\n"
        + "2026-01-22,\"\",\n"
        + "2026-01-23,x,6"

    static let expected: [CSVRecord] = [
        CSVRecord(line: 5, fields: ["2026-01-17", "a, b", "1"]),
        CSVRecord(line: 6, fields: ["2026-01-18", "say \"hi\"", "2"]),
        CSVRecord(line: 7, fields: ["2026-01-19", "two\r\nlines", "3"]),
        CSVRecord(line: 11, fields: ["2026-01-20", "", "4"]),
        CSVRecord(line: 12, fields: ["2026-01-21", "Phnom Pénh ✓ 🇰🇭", "5"]),
        CSVRecord(line: 13, fields: ["2026-01-22", "", ""]),
        CSVRecord(line: 14, fields: ["2026-01-23", "x", "6"]),
    ]

    @Test("quotes, escaped quotes, line breaks in fields, CRLF, LF and CR, comments, blank lines, a byte order mark")
    func rfc4180() throws {
        let reader = CSVReader(string: CSVReaderTests.tricky, name: "tricky.csv")
        let (header, records) = try reader.readAll()
        #expect(header == CSVRecord(line: 4, fields: ["date", "note", "value"]))
        #expect(reader.comments == ["source: \"embassy\", with commas", "second"])
        #expect(records == CSVReaderTests.expected)
        #expect(records[1][column: 2] == "say \"hi\"")
        #expect(records[0].columns.map(\.column) == [1, 2, 3])
    }

    @Test("reading a file in chunks of any size gives the same records", arguments: [1, 2, 3, 5, 7, 64, 65_536])
    func chunkBoundaries(chunkSize: Int) throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("tricky.csv")
            try Data(CSVReaderTests.tricky.utf8).write(to: url)
            let reader = try CSVReader(contentsOf: url, name: "tricky.csv", chunkSize: chunkSize)
            let (header, records) = try reader.readAll()
            #expect(header.fields == ["date", "note", "value"])
            #expect(reader.comments.count == 2)
            #expect(records == CSVReaderTests.expected)
        }
    }

    @Test("a # after the header is data, not a comment")
    func hashAfterHeader() throws {
        let (_, records) = try CSVReader(string: "a,b\n#1,2\n").readAll()
        #expect(records == [CSVRecord(line: 2, fields: ["#1", "2"])])
    }

    @Test("invalid UTF-8 across chunk boundaries is found at its byte", arguments: [1, 4, 65_536])
    func invalidUTF8InChunks(chunkSize: Int) throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("bad.csv")
            // An overlong encoding of "/" (C0 AF) on line 3, byte 4.
            try Data(Array("h\n\u{E9}t\u{E9}\n".utf8) + Array("abc".utf8) + [0xC0, 0xAF] + Array("\n".utf8)).write(to: url)
            let reader = try CSVReader(contentsOf: url, name: "bad.csv", chunkSize: chunkSize)
            #expect(throws: DataError(.invalidUTF8, file: "bad.csv", line: 3, column: 4,
                                      message: "invalid UTF-8 byte 0xC0; expected UTF-8 text (save the file as UTF-8)")) {
                try reader.readAll()
            }
        }
    }

    @Test("surrogates and values beyond U+10FFFF are not UTF-8")
    func utf8Limits() {
        for (bytes, lead) in [([UInt8]([0xED, 0xA0, 0x80]), "0xED"), ([0xF4, 0x90, 0x80, 0x80], "0xF4"), ([0xFF], "0xFF"), ([0x80], "0x80")] {
            let reader = CSVReader(bytes: Array("a\n".utf8) + bytes + Array("\n".utf8), name: "x.csv")
            #expect(throws: DataError(.invalidUTF8, file: "x.csv", line: 2, column: 1,
                                      message: "invalid UTF-8 byte \(lead); expected UTF-8 text (save the file as UTF-8)")) {
                try reader.readAll()
            }
        }
    }

    @Test("a recovering reader records malformed input and reads on")
    func recovering() throws {
        let bytes = Array("a,b\n1,\"x\"y\n2,".utf8) + [0xE9] + Array("\n3,\"open\n".utf8)
        let reader = CSVReader(bytes: bytes, name: "r.csv", recovering: true)
        let (_, records) = try reader.readAll()
        #expect(records.map(\.fields) == [["1", "xy"], ["2", "\u{FFFD}"], ["3", "open\n"]])
        #expect(reader.recoveredErrors.map(\.description) == [
            #"r.csv:2:2: unexpected character after a closing quote; expected a comma or the end of the line (write a quote inside a quoted field as "")"#,
            "r.csv:3:3: invalid UTF-8 byte 0xE9; expected UTF-8 text (save the file as UTF-8)",
            "r.csv:4:2: a quoted field is not closed; expected a closing double quote before the end of the file",
        ])
        #expect(reader.removeRecoveredErrors().count == 3)
        #expect(reader.recoveredErrors.isEmpty)
    }
}
