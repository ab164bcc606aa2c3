import Foundation
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI
@testable import PortfolioApp

/// The Account pane (issue 19) over the pinned fixture plus the account's
/// price level, its defaults and folders with settings: key 0 and
/// `:account` show it; `s` queues a folder-wide setting only after the
/// confirmation that names the folder's cached count and warns about
/// domains moved in elsewhere.
@Suite struct AccountViewTests {
    static func fixture() throws -> AppFixture {
        let fixture = try AppFixture()
        let store = fixture.store
        let extra = #"{"defaults":{"DefaultNameServerSettings":{"Type":"Dynadot Parking","WithAds":"yes"},"DefaultRenewOption":{"RenewOption":"auto-renew"}},"price_level":"Bulk Pricing"}"#
        try store.saveAccount(AccountRow(username: "acme", tier: "bulk", balanceCents: 10_000, extraJSON: extra,
                                         fetchedAtMs: AppFixture.nowMs - 60_000))
        let clients = #"{"DefaultRenewOption":{"DefaultRenewOptionEnableStatus":"enable","RenewOption":"auto-renew"}}"#
        try store.replaceFolders([FolderRow(id: "1", name: "Clients", extraJSON: clients), FolderRow(id: "2", name: "For Sale")],
                                 syncedAtMs: AppFixture.nowMs - 60_000)
        return fixture
    }

    @Test func showsTheAccountDefaultsAndFoldersWithCountsAt80x24() throws {
        let fixture = try Self.fixture()
        let screen = screenText(fixture.drive([.char("0")]))
        #expect(recordIfDifferent("account-view-80", screen, AccountViewGoldens.accountView80))
        let viaCommand = screenText(fixture.drive([.char("1"), .char(":")] + AppFixture.typed("account") + [.enter]))
        #expect(viaCommand == screen)
    }

    @Test func aFolderSettingIsQueuedOnlyAfterTheConfirmationNamingTheCount() throws {
        let fixture = try Self.fixture()
        let keys: [KeyEvent] = [.char("0"), .char("s")] + AppFixture.typed("renew donot") + [.enter]
        #expect(recordIfDifferent("account-folder-confirm-80", screenText(fixture.drive(keys)), AccountViewGoldens.accountFolderConfirm80))
        #expect(try fixture.store.pendingIntents().isEmpty, "nothing is queued before the confirmation")
        fixture.drive([.left, .enter])
        let intents = try fixture.store.pendingIntents()
        #expect(intents.map(\.domain) == ["folder:1:renew"])
        let change = try #require(intents.first.flatMap { Edit(field: .folderSetting, encodedValue: $0.value) })
        guard case .folderSetting(let queued) = change else { Issue.record("not a folder setting"); return }
        #expect(queued.applyNow && !queued.future)
        #expect(queued.commandShape.command == "set_folder_renew_option")
        #expect(try fixture.engine.plan().calls == 1)
    }

    @Test func theQueueAndHistoryPanesNameTheFolderAsTheCacheHasItNow() throws {
        let fixture = try Self.fixture()
        fixture.drive([.char("0"), .char("s")] + AppFixture.typed("renew donot") + [.enter, .left, .enter])
        #expect(try fixture.store.pendingIntents().map(\.domain) == ["folder:1:renew"])
        // Renamed at Dynadot since, as a sync would find.
        try fixture.store.replaceFolders([FolderRow(id: "1", name: "Client Work"), FolderRow(id: "2", name: "For Sale")],
                                         syncedAtMs: AppFixture.nowMs)
        fixture.app.refreshAll()
        let queue = screenText(fixture.drive([.char("7")]))
        #expect(queue.contains("  folder Client Work"), "\(queue)")
        #expect(queue.contains("→ renew option donot"), "\(queue)")
        #expect(!queue.contains("folder:1"), "\(queue)")
        let history = screenText(fixture.drive([.char("8"), .enter]))
        #expect(history.contains("folder Client Work"), "\(history)")
        #expect(!history.contains("folder:1"), "\(history)")
        // Gone from the cache: its id.
        try fixture.store.replaceFolders([FolderRow(id: "2", name: "For Sale")], syncedAtMs: AppFixture.nowMs)
        fixture.app.refreshAll()
        let gone = screenText(fixture.drive([.char("7")]))
        #expect(gone.contains("  folder id 1"), "\(gone)")
    }

    @Test func theQueuePaneKeepsFolderNamesAcrossRefreshesAndReadsThemAgainWhenTheCacheChanges() throws {
        let fixture = try Self.fixture()
        fixture.drive([.char("0"), .char("s")] + AppFixture.typed("renew donot") + [.enter, .left, .enter])
        let shown = screenText(fixture.drive([.char("7")]))
        #expect(shown.contains("  folder Clients"), "\(shown)")
        // Refreshes without a change to the cache show the names read before.
        fixture.app.refreshAll()
        #expect(screenText(fixture.drive([])).contains("  folder Clients"))
        // A rename after the pane showed the name: the next refresh reads it again.
        try fixture.store.replaceFolders([FolderRow(id: "1", name: "Client Work"), FolderRow(id: "2", name: "For Sale")],
                                         syncedAtMs: AppFixture.nowMs)
        fixture.app.refreshAll()
        let renamed = screenText(fixture.drive([]))
        #expect(renamed.contains("  folder Client Work"), "\(renamed)")
        // Gone from the cache after that: its id.
        try fixture.store.replaceFolders([FolderRow(id: "2", name: "For Sale")], syncedAtMs: AppFixture.nowMs)
        fixture.app.refreshAll()
        #expect(screenText(fixture.drive([])).contains("  folder id 1"))
    }

    @Test func clearingAFolderSettingIsQueuedOnlyAfterTheConfirmationNamingTheFolderAndCount() throws {
        let fixture = try Self.fixture()
        let refused = screenText(fixture.drive([.char("0"), .char("c")] + AppFixture.typed("mail") + [.enter]))
        #expect(refused.contains("'mail' is not a folder setting to clear"), "\(refused)")
        let keys: [KeyEvent] = [.ctrl("u")] + AppFixture.typed("forward") + [.enter]
        #expect(recordIfDifferent("account-folder-clear-80", screenText(fixture.drive(keys)), AccountViewGoldens.accountFolderClear80))
        #expect(try fixture.store.pendingIntents().isEmpty, "nothing is queued before the confirmation")
        fixture.drive([.left, .enter])
        let intents = try fixture.store.pendingIntents()
        #expect(intents.map(\.domain) == ["folder:1:ns"])
        let change = try #require(intents.first.flatMap { Edit(field: .folderSetting, encodedValue: $0.value) })
        guard case .folderSetting(let queued) = change else { Issue.record("not a folder setting"); return }
        #expect(queued.setting == .clear(.forward))
        #expect(queued.commandShape.command == "set_clear_folder_setting")
        #expect(queued.commandShape.parameters.contains { $0.name == "service" && $0.value == "forward" })
        #expect(fixture.app.state.message?.text.hasPrefix("queued for folder Clients: clear forward") == true)
        // No: nothing is queued.
        fixture.drive([.char("j"), .char("c")] + AppFixture.typed("dns") + [.enter, .enter])
        #expect(try fixture.store.pendingIntents().count == 1)
    }

    @Test func aBadSettingStaysInTheFormWithItsReason() throws {
        let fixture = try Self.fixture()
        fixture.drive([.char("0"), .char("s")] + AppFixture.typed("renew sometimes") + [.enter])
        let screen = screenText(fixture.drive([]))
        #expect(screen.contains("auto, donot, reset"), "\(screen)")
        #expect(try fixture.store.pendingIntents().isEmpty)
    }
}

/// DNSSEC from the DNS pane (issue 19): the key material is checked in the
/// form, and only a well-formed key reaches the confirmation.
@Suite struct DnsPaneDnssecTests {
    @Test func malformedKeyMaterialStaysInTheFormAndAGoodOneAsksFirst() throws {
        let fixture = try AppFixture(hasAccount: true)
        var keys: [KeyEvent] = [.char("3"), .char("K")] + AppFixture.typed("12345") + [.tab] + AppFixture.typed("2") + [.tab]
        keys += AppFixture.typed("abcd") + [.tab, .tab, .tab] + AppFixture.typed("13") + [.enter]
        let refused = screenText(fixture.drive(keys))
        #expect(refused.contains("64 hex digits"), "\(refused)")
        #expect(!refused.contains("Send set_dnssec"))
        // Back to the digest field, a full SHA-256 digest this time.
        let fixed: [KeyEvent] = [.backTab, .backTab, .backTab, .ctrl("u")] + AppFixture.typed(String(repeating: "ab", count: 32)) + [.enter]
        let asked = screenText(fixture.drive(fixed))
        #expect(asked.contains("Send set_dnssec now (one call)?"), "\(asked)")
        #expect(asked.contains("key_tag  12345"), "\(asked)")
    }
}
