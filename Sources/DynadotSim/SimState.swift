import Foundation

/// The simulator's account, shared by every connection. All access goes
/// through `read` / `mutate`, which hold one lock, so each API request sees
/// and changes the account atomically.
public final class SimState: @unchecked Sendable {
    private let lock = NSLock()
    private var account: SimAccount

    public init(account: SimAccount) {
        self.account = account
    }

    /// Runs `body` with the account, under the lock.
    public func read<T>(_ body: (SimAccount) throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(account)
    }

    /// Runs `body` with the account to change, under the lock.
    public func mutate<T>(_ body: (inout SimAccount) throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(&account)
    }
}
