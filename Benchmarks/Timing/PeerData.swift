import Foundation

/// The peer comparison's input files (written by `peers/make_data.py`; see its docstring): plain CSV with a header
/// line and numbers only.
struct PeerData {
    let directory: URL

    /// The rows of `name` below its header, each as numbers.
    /// - Complexity: O(size of the file).
    func rows(_ name: String) throws -> [[Double]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: ",").map { Double($0)! }
        }
    }

    /// The counts of a `day,count` file.
    func counts(_ name: String) throws -> [Double] { try rows(name).map { $0[1] } }

    /// `settings.csv` (`name,value`): repetitions and tolerances shared by every side.
    func settings() throws -> [String: Double] {
        let text = try String(contentsOf: directory.appendingPathComponent("settings.csv"), encoding: .utf8)
        var values: [String: Double] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",")
            values[String(fields[0])] = Double(fields[1])!
        }
        return values
    }

    /// The single-fit start of `job` (`nine` or `sixty`) from `starts.csv`: K, r, t0, log theta.
    func start(_ job: String) throws -> [Double] {
        let text = try String(contentsOf: directory.appendingPathComponent("starts.csv"), encoding: .utf8)
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",")
            if fields[0] == job { return fields.dropFirst().map { Double($0)! } }
        }
        fatalError("starts.csv has no start for \(job)")
    }
}
