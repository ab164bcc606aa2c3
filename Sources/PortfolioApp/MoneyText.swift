import SyncEngine

/// How money dialogs and the status bar speak about the balance.
enum MoneyText {
    /// `balance $120.00 → $87.03 after this push`, or a warning when the
    /// balance does not cover it (the push would hold the money intents).
    static func balanceLine(spending cents: Int64, balanceCents: Int64?, when: String = "after this push") -> String {
        guard let balanceCents else {
            return "balance unknown — the push checks it before spending \(Cents.dollars(cents))"
        }
        let before = Cents.dollars(balanceCents)
        guard balanceCents >= cents else {
            return "balance \(before) does not cover \(Cents.dollars(cents)): the push will hold these"
        }
        return "balance \(before) → \(Cents.dollars(balanceCents - cents)) \(when)"
    }

    /// ` · 2 min left` for a push long enough to say so; empty otherwise.
    static func timeLeft(_ seconds: Double?) -> String {
        PushProgress.timeLeftText(seconds).map { " · " + $0 } ?? ""
    }

    /// The status bar's balance, e.g. `$1234.56`.
    static func balance(_ cents: Int64) -> String { Cents.dollars(cents) }
}
