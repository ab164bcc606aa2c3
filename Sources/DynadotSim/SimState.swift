import Synchronization

/// The simulator's account, shared by every connection. All access goes
/// through `read` / `mutate`, which hold one lock, so each API request sees
/// and changes the account atomically.
public final class SimState: Sendable {
    private let account: Mutex<SimAccount>

    public init(account: SimAccount) {
        self.account = Mutex(account)
    }

    /// Runs `body` with the account, under the lock.
    public func read<T, E: Error>(_ body: (SimAccount) throws(E) -> sending T) throws(E) -> sending T {
        try account.withLock { (account) throws(E) -> sending T in try body(account) }
    }

    /// Runs `body` with the account to change, under the lock.
    public func mutate<T, E: Error>(_ body: (inout SimAccount) throws(E) -> sending T) throws(E) -> sending T {
        try account.withLock { (account) throws(E) -> sending T in try body(&account) }
    }
}
