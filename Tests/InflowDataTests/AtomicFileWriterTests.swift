import Foundation
import Testing
@testable import InflowData

@Suite("Writing outputs atomically, never over an input")
struct AtomicFileWriterTests {
    private func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test("writes the file, creating its directory, and leaves no temporary file")
    func writes() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("out/nested/report.md")
            let writer = AtomicFileWriter()
            try writer.write("# Report\n", to: url)
            #expect(try String(contentsOf: url, encoding: .utf8) == "# Report\n")
            try writer.write(Data("second".utf8), to: url)
            #expect(try String(contentsOf: url, encoding: .utf8) == "second")
            #expect(try entries(url.deletingLastPathComponent()) == ["report.md"])
        }
    }

    @Test("keeps the permissions of a file it replaces")
    func keepsPermissions() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("out.csv")
            try Data("old".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            try AtomicFileWriter().write("new", to: url)
            let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
            #expect(permissions?.intValue == 0o600)
        }
    }

    @Test("refuses to write over an input, however the path is written")
    func refusesInput() throws {
        try withTemporaryDirectory { directory in
            let input = directory.appendingPathComponent("out.csv")
            try Data("date,arrivals\n2026-01-17,5\n".utf8).write(to: input)
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("link.csv"), withDestinationURL: input)
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("alias"), withDestinationURL: directory)
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: input, to: directory.appendingPathComponent("hard.csv"))
            let writer = AtomicFileWriter(protecting: [input])

            let relative = URL(fileURLWithPath: "out.csv", relativeTo: directory)
            #expect(throws: FileWriteError(.outputIsInput, path: "out.csv",
                                           message: "refusing to write out.csv: it is the input file; choose another path")) {
                try writer.write("oops", to: relative)
            }
            for path in ["link.csv", "alias/out.csv", "sub/../out.csv", "./out.csv", "hard.csv"] {
                let url = URL(fileURLWithPath: path, relativeTo: directory)
                #expect(throws: FileWriteError(.outputIsInput, path: path,
                                               message: "refusing to write \(path): it is the input file; choose another path")) {
                    try writer.write("oops", to: url)
                }
            }
            #expect(throws: FileWriteError(.outputIsInput, path: "out.csv",
                                           message: "refusing to write out.csv: it is the input file; choose another --report path")) {
                try AtomicFileWriter(protecting: [URL(fileURLWithPath: "link.csv", relativeTo: directory)], flag: "--report")
                    .write("oops", to: relative)
            }
            // The input is untouched and nothing was left behind.
            #expect(try String(contentsOf: input, encoding: .utf8) == "date,arrivals\n2026-01-17,5\n")
            #expect(try entries(directory) == ["alias", "hard.csv", "link.csv", "out.csv", "sub"])
            // Another name in the same directory is fine.
            try writer.write("ok", to: directory.appendingPathComponent("out2.csv"))
            #expect(try String(contentsOf: directory.appendingPathComponent("out2.csv"), encoding: .utf8) == "ok")
        }
    }

    @Test("a file system refusal is an error naming the path and leaves nothing behind")
    func ioError() throws {
        try withTemporaryDirectory { directory in
            let blocker = directory.appendingPathComponent("file")
            try Data().write(to: blocker)
            let url = URL(fileURLWithPath: "file/out.csv", relativeTo: directory)
            do {
                try AtomicFileWriter().write("x", to: url)
                Issue.record("expected an error")
            } catch let error as FileWriteError {
                #expect(error.kind == .io)
                #expect(error.description.hasPrefix("cannot write file/out.csv: "))
                #expect(error.description.hasSuffix("; choose a writable path"))
            }
            #expect(try entries(directory) == ["file"])
        }
    }
}
