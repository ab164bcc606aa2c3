import Foundation

/// A ``Terminal`` for tests: a fixed (changeable) size, a scripted queue of
/// keys, and the last drawn screen kept for comparison with a golden text.
///
/// ```swift
/// let terminal = HeadlessTerminal(size: Size(rows: 24, cols: 80), keys: [.char("j"), .enter])
/// app.run(on: terminal)   // ends when the queue runs dry, say
/// #expect(terminal.lastScreen?.plainText() == expected)
/// ```
public final class HeadlessTerminal: Terminal, @unchecked Sendable {
    // @unchecked: every stored property is guarded by `lock`.
    private let lock = NSLock()
    private var currentSize: Size
    private var keys: [KeyEvent]
    private var screen: Screen?
    private var draws = 0
    private var suspended = false
    private var restored = false

    public init(size: Size = Size(rows: 24, cols: 80), keys: [KeyEvent] = []) {
        self.currentSize = size
        self.keys = keys
    }

    public var size: Size { lock.withLock { currentSize } }

    /// The screen passed to the most recent ``draw(_:)``.
    public var lastScreen: Screen? { lock.withLock { screen } }
    /// How many times ``draw(_:)`` was called.
    public var drawCount: Int { lock.withLock { draws } }
    /// Keys not read yet.
    public var pendingKeys: [KeyEvent] { lock.withLock { keys } }
    public var isSuspended: Bool { lock.withLock { suspended } }
    public var isRestored: Bool { lock.withLock { restored } }

    public func draw(_ screen: Screen) {
        lock.withLock {
            self.screen = screen
            draws += 1
        }
    }

    /// The next scripted key, or `nil` at once when the queue is empty
    /// (no waiting: tests use no real time).
    public func readKey(timeoutMs: Int) -> KeyEvent? {
        lock.withLock { keys.isEmpty ? nil : keys.removeFirst() }
    }

    /// Appends keys to the queue.
    public func enqueue(_ more: KeyEvent...) {
        lock.withLock { keys.append(contentsOf: more) }
    }

    /// Appends each character of `text` as a `.char` key.
    public func type(_ text: String) {
        lock.withLock { keys.append(contentsOf: text.map { KeyEvent.char($0) }) }
    }

    /// Changes the size and queues a `.resize`, as a real terminal would.
    public func resize(to size: Size) {
        lock.withLock {
            currentSize = size
            keys.append(.resize)
        }
    }

    public func suspend() { lock.withLock { suspended = true } }
    public func resume() { lock.withLock { suspended = false } }
    public func restore() { lock.withLock { restored = true } }
}
