import Foundation

/// The reference values of the tests (`Tests/Reference/Data/`, see its README), bundled once for every test
/// target that depends on this one.
public enum ReferenceFiles {
    /// Why a reference file could not be read.
    public enum Failure: Error, CustomStringConvertible {
        /// The file is not in the bundle.
        case missing(String)

        public var description: String {
            switch self {
            case .missing(let path): "the reference file Data/\(path) is not in the test bundle"
            }
        }
    }

    /// The URL of `path` (such as `nist-nonlinear/Rat43.json`) under `Data/`.
    public static func url(_ path: String) throws -> URL {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Data").appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Failure.missing(path) }
        return url
    }

    /// Decodes the JSON file at `path` under `Data/`.
    public static func load<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(path)))
    }
}
