import Foundation
import Testing

/// `inflow project --by province` as a user runs it: on the bundled figures, with province counts, with share
/// and event files, and with bad ones.
@Suite("inflow project --by province")
struct ProvinceCommandTests {
    static let fast = ["project", "--bootstrap", "40", "--curve", "logistic", "--quiet", "--by", "province"]

    static func write(_ text: String, _ name: String) throws -> String {
        let file = try CommandRunTests.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func theBundledFiguresGiveEveryProvinceLabelledAsPriorDriven() throws {
        let result = try CommandRunTests.run(Self.fast)
        #expect(result.status == 0, "\(result.error)")
        for text in ["By province of origin", "Banteay Meanchey", "Mondulkiri", "Weekly needs", "prior shares",
                     "The national counts alone cannot separate provinces"] {
            #expect(result.output.contains(text), "missing \(text)")
        }
    }

    @Test func theHubTableHasARowSetPerProvinceByISOCode() throws {
        let result = try CommandRunTests.run(Self.fast + ["--format", "csv", "--horizon", "10"])
        #expect(result.status == 0, "\(result.error)")
        let (problems, _, horizons, locations) = HubFormatTests.validate(result.output)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(horizons == Set(1...10))
        #expect(locations == Set(["kbri-phnom-penh"] + (1...25).map { Substring("KH-\($0)") }))
        let provinceRows = result.output.split(separator: "\n").filter { $0.contains(",KH-") }
        #expect(!provinceRows.isEmpty && provinceRows.allSatisfy { $0.contains("day inc arrivals") })
    }

    @Test func aReportShowsTheTileMapAndSurvivesTheRoundTrip() throws {
        let directory = try CommandRunTests.temporaryDirectory()
        let report = directory.appendingPathComponent("report.html").path
        let saved = directory.appendingPathComponent("results.json").path
        let result = try CommandRunTests.run(Self.fast + ["--report", report, "--output", saved])
        #expect(result.status == 0, "\(result.error)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("id=\"origins\"") && html.contains("tile-map") && html.contains("Weekly needs"))
        let again = directory.appendingPathComponent("again.html").path
        let rerun = try CommandRunTests.run(["report", saved, "--report", again])
        #expect(rerun.status == 0, "\(rerun.error)")
        let html2 = try String(contentsOfFile: again, encoding: .utf8)
        #expect(html2.contains("tile-map") && html2.contains("Banteay Meanchey"))
        // The national counts alone follow the prior: the report says so in a reader's words, and the command line
        // adds its flags in a note of its own, in the report it writes and in the saved results alike.
        for page in [html, html2] {
            #expect(page.contains("or a province shares file would change them"))
            #expect(page.contains("On the command line, a province key column (--key-column province) gives province-level counts"))
        }
    }

    @Test func provinceCountsInformTheSplit() throws {
        // Daily counts by province: Banteay Meanchey sends most, Kandal arrives first.
        var csv = "date,province,arrivals\n"
        let byProvince: [(String, [Int])] = [
            ("Banteay Meanchey", [0, 5, 30, 80, 110, 100, 80, 60, 45, 30]),
            ("Kandal", [10, 40, 50, 40, 30, 20, 15, 10, 8, 5]),
            ("Svay Rieng", [0, 10, 25, 35, 30, 25, 20, 15, 10, 8]),
        ]
        for day in 0..<10 {
            for (province, counts) in byProvince { csv += String(format: "2026-01-%02d,%@,%d\n", 16 + day, province, counts[day]) }
        }
        let data = try Self.write(csv, "provinces.csv")
        let result = try CommandRunTests.run(Self.fast + ["--data", data, "--key-column", "province", "--time-zone", "+07:00"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("posterior from the province counts and the national counts"))
        #expect(!result.output.contains("cannot separate provinces"))
        let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("  Banteay Meanchey") })
        #expect(line.hasSuffix("counts"))
    }

    @Test func sharesAndEventsFilesAreReadAndShownAsAlternatives() throws {
        let primary = try Self.write("province,share\nPreah Sihanouk,50\nKandal,50\n", "permits.csv")
        let other = try Self.write("province,share,concentration\nKH-1,1,50\n", "border.csv")
        let events = try Self.write("province,date,description\nTbong Khmum,2026-01-17,compound emptied\n", "events.csv")
        let result = try CommandRunTests.run(Self.fast + ["--shares", primary, "--shares", other, "--events", events])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("How the next 30 days by province move with the share prior"))
        #expect(result.output.contains("permits.csv") && result.output.contains("border.csv"))
    }

    @Test(arguments: [
        ("province,share\nMondolkiri,30\n", "shares.csv:2:1", "Mondulkiri"),
        ("province,share\nKandal,-3\n", "shares.csv:2:2", "share"),
        ("province\nKandal\n", "shares.csv:1", "share"),
    ])
    func aBadSharesFileNamesItsLineAndColumn(text: String, place: String, words: String) throws {
        let shares = try Self.write(text, "shares.csv")
        let result = try CommandRunTests.run(Self.fast + ["--shares", shares])
        #expect(result.status != 0)
        #expect(result.error.contains(place) && result.error.contains(words), "\(result.error)")
    }

    @Test func aBadEventsFileNamesItsLineAndColumn() throws {
        let events = try Self.write("province,date\nSvay Rieng,17 January\n", "events.csv")
        let result = try CommandRunTests.run(Self.fast + ["--events", events])
        #expect(result.status != 0)
        #expect(result.error.contains("events.csv:2:2") && result.error.contains("not a date"), "\(result.error)")
    }

    @Test func aKeyThatIsNoProvinceIsRefusedWithASuggestion() throws {
        let data = try Self.write("date,province,arrivals\n2026-01-16,Mondolkiri,5\n2026-01-17,Mondolkiri,9\n2026-01-18,Mondolkiri,20\n2026-01-19,Mondolkiri,25\n2026-01-20,Mondolkiri,15\n",
                                  "keys.csv")
        let result = try CommandRunTests.run(Self.fast + ["--data", data, "--key-column", "province"])
        #expect(result.status != 0)
        #expect(result.error.contains("keys.csv:2") && result.error.contains("did you mean Mondulkiri"), "\(result.error)")
    }

    @Test func provinceOptionsNeedBy() throws {
        let result = try CommandRunTests.run(["project", "--quiet", "--shares", "x.csv"])
        #expect(result.status != 0 && result.error.contains("need --by province"))
    }
}
