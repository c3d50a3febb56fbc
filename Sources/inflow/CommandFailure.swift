/// A failure while a command runs (after its arguments were accepted): printed as
/// `Error: <message>` with exit code 1, without the usage text that a ValidationError adds.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
