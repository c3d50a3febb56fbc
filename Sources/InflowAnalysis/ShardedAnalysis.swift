import Foundation
import InflowCore
import InflowData
import InflowProjection

/// The analysis of a sharded run (`inflow project --shard k/n`): every key of one shard analysed as an
/// independent series, one at a time, as ``/InflowData/KeyGroupReader`` streams them.
///
/// Each key's numbers depend on the seed and the key alone (its streams are named by the key: see
/// ``/InflowProjection/StreamKey``), so `n` processes, each running one shard, give together exactly what one
/// process gives for `--shard 1/1`; putting their outputs in the input's key order reproduces it byte for byte.
/// Keys are independent here: no pooling, no reconciliation (an unsharded run does those).
///
/// - Complexity: one ``Analysis/run(_:options:progress:)`` per key; memory of one key's analysis at a time.
public enum ShardedAnalysis {
    /// Analyses every key `groups` yields and hands each result to `body` in the input's key order.
    /// - Throws: the reader's ``/InflowData/DataError`` for a bad row, or ``AnalysisError`` for a key that
    ///   cannot be analysed (its message names the key and its first line); `body`'s errors.
    public static func run(_ groups: KeyGroupReader, options: AnalysisOptions,
                           body: (KeyGroup, AnalysisResult) throws -> Void) throws {
        var options = options
        options.includesRetrospective = false
        options.includesSensitivity = false
        while let group = try groups.next() {
            let result: AnalysisResult
            do {
                result = try Analysis.run(group.data, options: options)
            } catch {
                let line = group.data.keyLines.first.map { ":\($0)" } ?? ""
                throw AnalysisError.invalidOptions("\(group.data.file)\(line): the key \"\(group.key)\" cannot be analysed: \(error)")
            }
            try body(group, result)
        }
    }

    /// The hub location of `key`: its ISO 3166-2 code when it names a province of the bundled gazetteer, else
    /// its slug.
    public static func location(of key: String) -> String {
        if let province = gazetteer?.province(named: key) { return province.isoCode }
        return HubRow.slug(key)
    }

    /// The bundled gazetteer, read once.
    static let gazetteer = try? ProvinceGazetteer.bundled()
}
