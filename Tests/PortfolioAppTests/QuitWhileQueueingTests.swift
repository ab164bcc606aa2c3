@testable import PortfolioApp
import Testing
import TerminalUI

/// Quitting while a big edit is being queued asks first: the edit is one
/// transaction, so quitting then queues none of it.
@Suite("Quit while queueing")
struct QuitWhileQueueingTests {
    @Test("q during a background queueing asks before quitting")
    func asksFirst() throws {
        let fixture = try AppFixture()
        let size = Size(rows: 30, cols: 100)
        fixture.app.state.queueing = ProgressBar(done: 1, total: 4, label: "queueing renew_option on 5000 domains")
        fixture.app.handle(.char("q"), size: size)
        #expect(!fixture.app.quitting)
        var screen = Screen(size: size)
        fixture.app.render(into: &screen)
        #expect(screen.plainText().contains("still being queued"))
    }
}
