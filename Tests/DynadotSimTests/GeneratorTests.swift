import DynadotAPI
@testable import DynadotSim
import Foundation
import Testing

@Suite("Portfolio generator")
struct GeneratorTests {
    func account(_ count: Int, seed: UInt64) -> SimAccount {
        PortfolioGenerator(domainCount: count, seed: seed, referenceDate: testReferenceDate).makeAccount()
    }

    @Test func sameSeedSameStateDifferentSeedDifferent() {
        let a = SimStateDump.bytes(account(400, seed: 1))
        let b = SimStateDump.bytes(account(400, seed: 1))
        let c = SimStateDump.bytes(account(400, seed: 2))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func stateEndpointIsDeterministic() async throws {
        let first = try await withSim(testConfiguration(seed: 11)) { _, client in try await client.control("/_sim/state").body }
        let second = try await withSim(testConfiguration(seed: 11)) { _, client in try await client.control("/_sim/state").body }
        let other = try await withSim(testConfiguration(seed: 12)) { _, client in try await client.control("/_sim/state").body }
        #expect(first == second)
        #expect(first != other)
        #expect(try JSONSerialization.jsonObject(with: first) is [String: Any])
    }

    @Test func punycodeMatchesKnownEncodings() {
        #expect(Punycode.asciiName("bücher.com") == "xn--bcher-kva.com")
        #expect(Punycode.asciiName("münchen.de") == "xn--mnchen-3ya.de")
        #expect(Punycode.asciiName("日本.com") == "xn--wgv71a.com")
        #expect(Punycode.asciiName("plain.com") == "plain.com")
    }

    @Test func portfolioCoversEveryVariety() {
        let account = account(2000, seed: 1)
        let domains = account.domains
        let now = Int64(testReferenceDate.timeIntervalSince1970 * 1000)
        #expect(domains.count == 2000)
        #expect(Set(domains.map(\.name)).count == 2000)
        #expect(Set(domains.map(\.tld)).count >= 8)
        #expect(domains.filter { $0.name.contains("xn--") }.count >= 20)
        let inGrace = domains.filter { $0.expirationMs < now && $0.expirationMs > now - 41 * PortfolioGenerator.dayMs }
        #expect(inGrace.count >= 50)
        #expect(domains.allSatisfy { $0.expirationMs > now - 41 * PortfolioGenerator.dayMs })
        #expect(domains.allSatisfy { $0.expirationMs < now + 5 * PortfolioGenerator.yearMs + PortfolioGenerator.dayMs })
        #expect(domains.filter { $0.expirationMs >= now && $0.expirationMs < now + 366 * PortfolioGenerator.dayMs }.count > 1000)
        #expect(Set(domains.map(\.renewOption)) == Set(SimRenewOption.allCases))
        #expect(Set(domains.map(\.privacy)) == ["full", "partial", "none"])
        #expect(Set(domains.map(\.locked)) == [true, false])
        let forSale = domains.filter { $0.salePriceCents != nil }.count
        #expect(forSale > 120 && forSale < 300)
        #expect(domains.filter { !$0.note.isEmpty }.count > 100)
        #expect(Set(domains.map(\.folderId)).count >= 5)
        #expect(domains.contains { $0.folderId == -1 })
        var kinds = Set<String>()
        var recordTypes = Set<String>()
        var subdomains = 0
        var mxWithDistance = 0
        for domain in domains {
            kinds.insert(domain.nameServers.typeName)
            if case .dynadotDNS(_, let records) = domain.nameServers {
                recordTypes.formUnion(records.map(\.type))
                subdomains += records.filter { !$0.subhost.isEmpty }.count
                mxWithDistance += records.filter { $0.type == "mx" && Int($0.value2) != nil }.count
            }
        }
        #expect(kinds.isSuperset(of: ["Name Servers", "Dynadot Parking", "Dynadot DNS"]))
        #expect(recordTypes.isSuperset(of: ["a", "aaaa", "cname", "mx", "txt"]))
        #expect(subdomains > 100)
        #expect(mxWithDistance > 100)
        let contactIds = Set(account.contacts.map(\.id))
        #expect(domains.allSatisfy { $0.contacts.allSatisfy(contactIds.contains) })
        #expect(account.orders.count >= 100)
        #expect(account.orders.allSatisfy { $0.submittedMs < now && $0.submittedMs > now - PortfolioGenerator.yearMs })
        #expect(account.tldPrices.count >= 8)
        #expect(!account.listings.isEmpty)
    }

    @Test func generatesALargePortfolio() {
        let account = account(100_000, seed: 3)
        #expect(account.domains.count == 100_000)
        #expect(account.domainIndex.count == 100_000)
    }
}
