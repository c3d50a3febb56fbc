import Foundation
import Testing

/// The README's Swift sample is `Examples/readme-sample/main.swift`, word for word, and it runs.
@Suite("The README's sample")
struct ReadmeSampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theReadmeShowsTheSampleThatIsBuilt() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let sample = try String(contentsOf: Self.root.appendingPathComponent("Examples/readme-sample/main.swift"), encoding: .utf8)
        #expect(readme.contains("```swift\n" + sample + "```"))
    }

    /// Running it fits and projects the bundled figures (release builds only: the whole pipeline takes 25 s in
    /// a debug build).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["INFLOW_RELEASE_TESTS"] != nil))
    func theSampleRuns() throws {
        let executable = CommandRunTests.executable.deletingLastPathComponent().appendingPathComponent("readme-sample")
        let process = Process()
        process.executableURL = executable
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("KBRI Phnom Penh: 8 cumulative totals from 2026-01-17T23:59 to 2026-01-24T23:59 (UTC+07:00)"))
        #expect(text.contains("\nlogistic (negative-binomial): converged"))
        #expect(text.contains("\nlogistic (negative-binomial) AICc 120.18\ngompertz (negative-binomial) AICc "))
        #expect(text.contains("\nnext 7 days: "))
    }
}
