/// Scroll keys shared by the scrollable overlays (dialog diff, help):
/// Up/k, Down/j, PgUp/PgDn, Home/g, End/G.
enum ScrollPosition {
    /// The new offset after `key`, or `nil` when the key does not scroll.
    static func offset(after key: KeyEvent, current: Int, visible: Int, total: Int) -> Int? {
        let maximum = max(0, total - max(1, visible))
        let proposed: Int
        switch key {
        case .up, .char("k"): proposed = current - 1
        case .down, .char("j"): proposed = current + 1
        case .pageUp: proposed = current - max(1, visible)
        case .pageDown, .char(" "): proposed = current + max(1, visible)
        case .home, .char("g"): proposed = 0
        case .end, .char("G"): proposed = maximum
        default: return nil
        }
        return min(max(0, proposed), maximum)
    }

    /// `12–20 of 45` for a scrolled view, `nil` when everything fits.
    static func label(offset: Int, visible: Int, total: Int) -> String? {
        guard total > visible, visible > 0 else { return nil }
        let first = min(offset, total - 1) + 1
        let last = min(total, offset + visible)
        return "\(first)–\(last) of \(total)"
    }
}
