import ChildProcess
import Foundation
import Testing
import TerminalUI
@testable import PortfolioApp

/// A failed read of the cache says so, with its cause, instead of looking
/// like an empty cache.
@Suite struct ReadErrorTests {
    @Test func aDomainsReadFailureShowsItsCauseNotAnEmptyCache() throws {
        let fixture = try AppFixture()
        try sqlite(fixture, "DROP TABLE domain;")
        fixture.app.refreshAll()
        let text = screenText(fixture.drive([]))
        #expect(!text.contains("no domains in the cache"))
        #expect(text.contains("cannot read the cache:"))
        #expect(fixture.app.state.message?.isError == true)
        #expect(fixture.app.state.message?.text.contains("SELECT") == false)
    }

    @Test func aListingsReadFailureShowsItsCause() throws {
        let fixture = try AppFixture()
        fixture.drive([.char("4")])
        try sqlite(fixture, "DROP TABLE outbox_intent;")
        fixture.app.refreshAll()
        let text = screenText(fixture.drive([]))
        #expect(text.contains("cannot read the listings:"))
        #expect(!text.contains("no domain is listed for sale"))
        #expect(fixture.app.state.message?.isError == true)
    }

    /// Changes the fixture's cache behind the app's back (as a damaged or
    /// foreign cache would).
    private func sqlite(_ fixture: AppFixture, _ sql: String) throws {
        let result = try ChildProcess.run("/usr/bin/sqlite3", [fixture.directory.appendingPathComponent("cache.sqlite").path, sql])
        #expect(result.status == 0, "\(result.output)")
    }
}
