/// Carries a value into concurrent replicates that only read it.
///
/// Used where a value holds scratch space (a class) that the concurrent code never
/// touches: each replicate makes its own copy with its own scratch space first.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
