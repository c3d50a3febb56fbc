/// The version of the Inflow toolkit, recorded in reports and archived runs.
public enum InflowVersion {
    /// `0.1.0`: semantic versioning of the library and the `inflow` command together.
    public static let current = "0.1.0"
}
