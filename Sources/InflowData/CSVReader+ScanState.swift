extension CSVReader {
    /// The scanner's position and state, kept in one value so the byte loop can work on a local copy.
    struct ScanState: Sendable {
        var field = FieldState.recordStart
        /// Current 1-based line.
        var line = 1
        /// Absolute byte offset of the first byte of the current line.
        var lineStart = 0
        /// The previous byte was a carriage return that ended a line (so a following line feed does not).
        var lastWasCR = false
        /// Line on which the record being read started.
        var recordLine = 1
        /// Whether any field of the record being read was quoted (such a record is never blank).
        var anyQuoted = false
        /// Continuation bytes still expected by the UTF-8 sequence being read.
        var utf8Remaining = 0
        /// Allowed range of the next continuation byte (narrower after E0, ED, F0, F4).
        var utf8Lower: UInt8 = 0x80
        var utf8Upper: UInt8 = 0xBF
        /// Where the current UTF-8 sequence started, and its lead byte, for messages.
        var utf8LeadLine = 0
        var utf8LeadColumn = 0
        var utf8Lead: UInt8 = 0
        /// Absolute offset of the first byte not yet checked for UTF-8.
        var utf8NextOffset = 0
        /// Line of the last reported UTF-8 problem (one per line is enough when recovering).
        var lastUTF8ErrorLine = 0
    }
}
