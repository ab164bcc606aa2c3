import Foundation
import Synchronization

/// A ``Terminal`` for tests: a fixed (changeable) size, a scripted queue of
/// keys, and the last drawn screen kept for comparison with a golden text.
///
/// ```swift
/// let terminal = HeadlessTerminal(size: Size(rows: 24, cols: 80), keys: [.char("j"), .enter])
/// app.run(on: terminal)   // ends when the queue runs dry, say
/// #expect(terminal.lastScreen?.plainText() == expected)
/// ```
public final class HeadlessTerminal: Terminal, Sendable {
    private let state: Mutex<State>

    private struct State {
        var size: Size
        var keys: [KeyEvent]
        var screen: Screen?
        var draws = 0
        var suspended = false
        var restored = false
    }

    public init(size: Size = Size(rows: 24, cols: 80), keys: [KeyEvent] = []) {
        state = Mutex(State(size: size, keys: keys))
    }

    public var size: Size { state.withLock { $0.size } }

    /// The screen passed to the most recent ``draw(_:)``.
    public var lastScreen: Screen? { state.withLock { $0.screen } }
    /// How many times ``draw(_:)`` was called.
    public var drawCount: Int { state.withLock { $0.draws } }
    /// Keys not read yet.
    public var pendingKeys: [KeyEvent] { state.withLock { $0.keys } }
    public var isSuspended: Bool { state.withLock { $0.suspended } }
    public var isRestored: Bool { state.withLock { $0.restored } }

    public func draw(_ screen: Screen) {
        state.withLock { state in
            state.screen = screen
            state.draws += 1
        }
    }

    /// The next scripted key, or `nil` at once when the queue is empty
    /// (no waiting: tests use no real time).
    public func readKey(timeoutMs: Int) -> KeyEvent? {
        state.withLock { $0.keys.isEmpty ? nil : $0.keys.removeFirst() }
    }

    /// Appends keys to the queue.
    public func enqueue(_ more: KeyEvent...) {
        state.withLock { $0.keys.append(contentsOf: more) }
    }

    /// Appends each character of `text` as a `.char` key.
    public func type(_ text: String) {
        state.withLock { $0.keys.append(contentsOf: text.map { KeyEvent.char($0) }) }
    }

    /// Changes the size and queues a `.resize`, as a real terminal would.
    public func resize(to size: Size) {
        state.withLock { state in
            state.size = size
            state.keys.append(.resize)
        }
    }

    public func suspend() { state.withLock { $0.suspended = true } }
    public func resume() { state.withLock { $0.suspended = false } }
    public func restore() { state.withLock { $0.restored = true } }
}
