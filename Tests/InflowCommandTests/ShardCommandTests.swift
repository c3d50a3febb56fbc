import Foundation
import Testing

/// `inflow project --shard k/n` and `--data -`: n processes give together what one gives.
@Suite("inflow project --shard")
struct ShardCommandTests {
    static let arguments = ["project", "--key-column", "site", "--format", "csv", "--curve", "logistic", "--bootstrap", "40",
                            "--ensemble", "none", "--horizon", "3", "--quiet"]

    /// Six sites of ten daily counts, grouped by site.
    static var csv: String {
        var text = "site,date,arrivals\n"
        for (index, site) in ["Kandal", "Svay Rieng", "site 3", "north", "Mondulkiri", "east"].enumerated() {
            let size = Double(300 + 150 * index)
            for day in 0..<10 {
                let cumulative = { (t: Double) in size / (1 + exp(-0.6 * (t - 5))) }
                text += String(format: "%@,2026-01-%02d,%d\n", site, 16 + day, Int((cumulative(Double(day + 1)) - cumulative(Double(day))).rounded()))
            }
        }
        return text
    }

    static func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, error: String) {
        guard let input else { return try CommandRunTests.run(arguments) }
        let process = Process()
        process.executableURL = CommandRunTests.executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    @Test func threeShardsInTheInputsKeyOrderAreTheWholeRun() throws {
        let file = try ProvinceCommandTests.write(Self.csv, "sites.csv")
        let whole = try Self.run(Self.arguments + ["--data", file, "--shard", "1/1"])
        #expect(whole.status == 0, "\(whole.error)")
        var blocks: [String: [Substring]] = [:]
        for index in 1...3 {
            let part = try Self.run(Self.arguments + ["--data", file, "--shard", "\(index)/3"])
            #expect(part.status == 0, "\(part.error)")
            let lines = part.output.split(separator: "\n")
            #expect(lines.first == whole.output.split(separator: "\n").first)
            for line in lines.dropFirst() { blocks[String(line.split(separator: ",")[3]), default: []].append(line) }
        }
        var order: [String] = []
        for line in whole.output.split(separator: "\n").dropFirst() {
            let location = String(line.split(separator: ",")[3])
            if order.last != location { order.append(location) }
        }
        #expect(order == ["KH-8", "KH-20", "site-3", "north", "KH-11", "east"])
        let merged = ([whole.output.split(separator: "\n")[0]] + order.flatMap { blocks[$0] ?? [] }).joined(separator: "\n") + "\n"
        #expect(merged == whole.output)
    }

    @Test func standardInputIsReadLikeAFile() throws {
        let file = try ProvinceCommandTests.write(Self.csv, "sites.csv")
        let fromFile = try Self.run(Self.arguments + ["--data", file, "--shard", "2/2"])
        let fromInput = try Self.run(Self.arguments + ["--data", "-", "--shard", "2/2"], input: Self.csv)
        #expect(fromInput.status == 0, "\(fromInput.error)")
        #expect(fromInput.output == fromFile.output)
    }

    @Test func aBadRowFailsTheShardWithItsLine() throws {
        let bad = Self.csv.replacingOccurrences(of: "north,2026-01-18,", with: "north,2026-01-18,x")
        let result = try Self.run(Self.arguments + ["--data", "-", "--shard", "1/1"], input: bad)
        #expect(result.status != 0)
        #expect(result.error.contains("stdin:34:3"), "\(result.error)")
    }

    @Test func keysMustBeGrouped() throws {
        let unsorted = Self.csv + "Kandal,2026-01-26,3\n"
        let result = try Self.run(Self.arguments + ["--data", "-", "--shard", "1/1"], input: unsorted)
        #expect(result.status != 0)
        #expect(result.error.contains("stdin:62") && result.error.contains("sort or group the file by key"), "\(result.error)")
    }

    @Test(arguments: [
        (["--shard", "0/2"], "--shard must be k/n"),
        (["--shard", "1/2", "--format", "table"], "add --format csv"),
        (["--shard", "1/2", "--report", "r.html"], "leave out --report"),
    ])
    func misusesAreExplained(extra: [String], words: String) throws {
        let file = try ProvinceCommandTests.write(Self.csv, "sites.csv")
        var arguments = Self.arguments + ["--data", file] + extra
        if extra.contains("--format"), let index = arguments.firstIndex(of: "csv") { arguments.remove(at: index - 1); arguments.remove(at: index - 1) }
        let result = try Self.run(arguments)
        #expect(result.status != 0 && result.error.contains(words), "\(result.error)")
    }
}

/// `inflow fit --key-column`: the total, then every key, each fitted as its own series.
@Suite("inflow fit --key-column")
struct FitKeysCommandTests {
    @Test func everyKeyIsFittedInTheInputsOrderForAnyThreadCount() throws {
        let file = try ProvinceCommandTests.write(ShardCommandTests.csv, "sites.csv")
        let arguments = ["fit", "--data", file, "--key-column", "site", "--curve", "logistic", "--error", "poisson", "--format", "json"]
        let one = try CommandRunTests.run(arguments + ["--threads", "1"])
        #expect(one.status == 0, "\(one.error)")
        let decoded = try JSONSerialization.jsonObject(with: Data(one.output.utf8)) as? [[String: Any]]
        #expect(decoded?.map { $0["series"] as? String } == ["Total", "Kandal", "Svay Rieng", "site 3", "north", "Mondulkiri", "east"])
        // Kandal's counts come from a logistic of size 300: its own fit finds it.
        let kandal = try #require(decoded?[1]["fits"] as? [[String: Any]]).first
        let parameters = (kandal?["summary"] as? [String: Any])?["parameters"] as? [[String: Any]]
        let size = parameters?.first { $0["name"] as? String == "K" }?["estimate"] as? Double
        #expect(size.map { abs($0 - 300) < 30 } == true, "K = \(String(describing: size))")
        let two = try CommandRunTests.run(arguments + ["--threads", "3"])
        #expect(two.output == one.output)
    }
}
