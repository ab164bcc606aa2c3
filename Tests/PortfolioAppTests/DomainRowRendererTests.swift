@_spi(OutboxWriter) import PortfolioStore
import Testing
import TerminalUI
@testable import PortfolioApp

@Suite struct DomainRowRendererTests {
    let now = AppFixture.nowMs
    let day = AppFixture.day

    @Test func cellsForACachedRow() {
        let row = DomainRow(name: "xn--bcher-kva.de", nameUnicode: "bücher.de", expiresMs: now + 20 * day, nsType: .nameservers,
                            nameservers: ["a.ns.net", "b.ns.net"], locked: true, privacy: .partial, forSale: true,
                            salePriceCents: 12_000, renewOption: .auto, note: "n", folderName: "F")
        let cells = DomainRowRenderer.cells(row, pending: [], nowMs: now, unicode: true)
        #expect(cells.map(\.text) == ["", "bücher.de", "2026-11-21 20d", "a.ns.net +1", "auto", "yes", "part", "F", "$120.00", "n"])
        #expect(cells[2].accent == .expiry30d)
        #expect(DomainRowRenderer.cells(row, pending: [], nowMs: now, unicode: false)[1].text == "xn--bcher-kva.de")
    }

    @Test func expiryRolesByDaysLeft() {
        #expect(DomainRowRenderer.expiryCell(now - 1, nowMs: now).accent == .expiryOverdue)
        #expect(DomainRowRenderer.expiryCell(now - 1, nowMs: now).text.hasSuffix(" -1d"))
        #expect(DomainRowRenderer.expiryCell(now + 30 * day, nowMs: now).accent == .expiry30d)
        #expect(DomainRowRenderer.expiryCell(now + 31 * day, nowMs: now).accent == .expiry90d)
        #expect(DomainRowRenderer.expiryCell(now + 91 * day, nowMs: now).accent == nil)
        #expect(DomainRowRenderer.expiryCell(nil, nowMs: now).text == "—")
    }

    @Test func pendingValuesReplaceCachedOnes() throws {
        let fixture = try AppFixture()
        try fixture.engine.queue(.nameServers(["x.net", "y.net"]), domains: ["bravo.net"], origin: .cli)
        let renew = try fixture.engine.queue(.renewOption(.auto), domains: ["bravo.net"], origin: .cli)
        #expect(renew.added == 1)
        let ids = try fixture.store.pendingIntents().filter { $0.field == "renew_option" }.map(\.id)
        try fixture.store.failIntents(ids: ids, message: "refused")
        let row = try #require(try fixture.store.domain(named: "bravo.net"))
        let pending = try fixture.store.pendingFields(for: ["bravo.net"])["bravo.net"] ?? []
        let cells = DomainRowRenderer.cells(row, pending: pending, nowMs: now, unicode: true)
        #expect(cells[0] == TableCell("!", accent: Role.conflict))
        #expect(cells[3] == TableCell("→ x.net, y.net", accent: Role.pending))
        #expect(cells[4] == TableCell("→ auto", accent: Role.conflict))
    }
}
