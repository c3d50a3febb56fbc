/// The rows of one key, loaded as a series of their own (``KeyGroupReader``).
public struct KeyGroup: Sendable {
    /// The key (the key columns' values joined by " / ", as series are named).
    public let key: String
    /// The key's figures as data with one series and no keys: analysed alone, as an independent series.
    public let data: LoadedData
}
