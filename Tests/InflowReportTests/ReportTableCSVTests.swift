import Foundation
import InflowData
import InflowReport
import Testing

/// `ReportTable.csv()`: read back by the library's own CSV reader (an independent parser of RFC 4180), every cell
/// comes back as written, commas, quotes, line breaks and spaces included.
@Suite("Report table CSV")
struct ReportTableCSVTests {
    @Test("cells with commas, quotes, line breaks and edge spaces survive a round trip through CSVReader")
    func roundTrip() throws {
        let table = ReportTable(caption: "not written", header: ["name", "value, in people", "note"], rows: [
            ["Kandal | \"Ta Khmau\"", "1,234", "two\nlines"],
            [" padded ", "12.5", ""],
            ["<b>plain</b>", "NA", "=1+1"],
        ])
        let text = table.csv()
        #expect(!text.contains("not written"))
        #expect(text.hasSuffix("\n"))
        let (header, records) = try CSVReader(string: text).readAll()
        #expect(header.fields == table.header)
        #expect(records.map(\.fields) == table.rows)
    }

    @Test("plain cells are written without quotes")
    func plainCells() {
        let table = ReportTable(header: ["model", "aicc"], rows: [["logistic", "120.5"]])
        #expect(table.csv() == "model,aicc\nlogistic,120.5\n")
    }
}
