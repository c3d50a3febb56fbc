import Foundation

extension CurveFit: CustomStringConvertible {
    /// The coefficient table of ``summaryTable(level:)`` (95% Wald intervals), then one line on the final size
    /// and, for families that have one, one line that says why the numbers a reader sees next to each other
    /// differ (``sizeExplanation``).
    /// - Complexity: O(n + p^2); no refits (the profile intervals of ``finalSize(level:)`` are not computed).
    public var description: String {
        var lines = [summaryTable().description]
        if let explanation = sizeExplanation { lines.append(explanation) }
        return lines.joined(separator: "\n")
    }

    /// Why the size parameter, ``finalSize(level:)``, ``remaining(level:)`` and a projection's remaining pool differ,
    /// in two sentences with this fit's numbers; `nil` for families without a final size.
    ///
    /// - `K` (or `N`, `M`) is the curve's limit `C(inf)`, counted from the curve's own start; ``finalSize(level:)`` counts
    ///   from the first observation, `C(inf) - C(t_first)`, so it leaves out the arrivals the curve places before the
    ///   data; background arrivals (``backgroundRate``) are part of neither.
    /// - ``remaining(level:)`` is the final size minus the surge's observed arrivals (``observedSurge``: what was
    ///   counted up to the last report, a partial day's 17:00 report included, minus the background's share), with a
    ///   95% profile-likelihood interval: the pools the likelihood does not rule out. A projection's remaining pool is
    ///   each bootstrap replicate's `C_b(inf) - C_b(t_last)` (what its curve still expects, not final size minus
    ///   counts) and its arrivals add count noise within its horizon, both printed with 90% intervals: they differ
    ///   in level, method and centre.
    public var sizeExplanation: String? {
        guard let name = family.finalSizeParameter, let index = parameterNames.firstIndex(of: name) else { return nil }
        let limit = naturalValue(index)
        let size = finalSizeValue(vector)
        let before = arrivalsBeforeData(vector)
        func text(_ x: Double) -> String { x.isFinite ? SizeBound.readable(x) : "not finite" }
        var first = "\(name) = \(text(limit)) is the curve's limit; the final size from the first observation is \(text(size))"
        var parts: [String] = []
        if abs(before) >= 0.5 { parts.append("it leaves out the \(text(before)) arrivals the curve places before the data") }
        if backgroundRate > 0 {
            parts.append("background arrivals (\(text(backgroundRate)) a day) belong to neither")
        }
        first += parts.isEmpty ? "." : " (\(parts.joined(separator: "; ")))."
        let second = "remaining() = final size minus the \(text(observedSurge)) surge arrivals counted to the last report, "
            + "with a 95% profile-likelihood interval; a projection's pool is each bootstrap curve's C(inf) - C(t_last) "
            + "and its arrivals add count noise within a horizon, both with 90% intervals, so the numbers differ."
        return first + "\n" + second
    }
}
