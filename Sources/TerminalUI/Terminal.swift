/// A place a ``Screen`` is shown and keys come from: ``NCursesTerminal``
/// for the real thing, ``HeadlessTerminal`` for tests.
///
/// A typical loop (handlers compute, the loop draws — htop/ncdu style):
/// ```swift
/// let terminal = try NCursesTerminal()
/// defer { terminal.restore() }
/// var screen = Screen(size: terminal.size)
/// while running {
///     if screen.size != terminal.size { screen = Screen(size: terminal.size) }
///     screen.clear()
///     app.render(into: &screen)
///     terminal.draw(screen)
///     guard let key = terminal.readKey(timeoutMs: 100) else { app.tick(); continue }
///     if key == .resize { continue }  // next pass redraws at the new size
///     app.handle(key)
/// }
/// ```
public protocol Terminal: AnyObject {
    /// The current size in rows and columns.
    var size: Size { get }

    /// Shows `screen`. Only cells that changed since the last draw are sent.
    /// A screen of another size than ``size`` is drawn clipped.
    func draw(_ screen: Screen)

    /// Waits up to `timeoutMs` milliseconds (negative: forever) for a key and
    /// returns it, or `nil` on timeout.
    func readKey(timeoutMs: Int) -> KeyEvent?

    /// Hands the terminal back (e.g. to run `$EDITOR`); ``resume()`` takes it
    /// again and repaints on the next ``draw(_:)``.
    func suspend()
    func resume()

    /// Leaves the terminal as it was found. Idempotent; call it on every exit path.
    func restore()
}
