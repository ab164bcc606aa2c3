import Foundation
import Testing
@testable import DynadotAPI

/// DecodingFuzzRandom: tiny, seeded, and identical on every platform, so a failing
/// iteration can be replayed from its number.
struct DecodingFuzzRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

@Suite struct DecodingFuzzTests {
    static let seeds: [(String, String)] = [
        ("list_domain", FixtureBodies.listDomainExample), ("list_domain", FixtureBodies.quirkDomainAlternateShapes),
        ("domain_info", FixtureBodies.domainInfoExample), ("get_dns", FixtureBodies.quirkDnsRecords),
        ("contact_list", FixtureBodies.contactListExample), ("get_contact", FixtureBodies.getContactExample),
        ("order_list", FixtureBodies.orderListExample), ("get_order_status", FixtureBodies.getOrderStatusExample),
        ("folder_list", FixtureBodies.folderListExample), ("server_list", FixtureBodies.serverListExample),
        ("get_ns", FixtureBodies.getNsExample), ("account_info", FixtureBodies.accountInfoExample),
        ("get_account_balance", FixtureBodies.getAccountBalanceExample), ("tld_price", FixtureBodies.tldPriceExample),
        ("get_listings", FixtureBodies.getListingsExample), ("get_listing_item", FixtureBodies.getListingItemExample),
        ("search", FixtureBodies.searchExample), ("is_processing", FixtureBodies.isProcessingExample),
        ("renew", FixtureBodies.renewPriceCheck), ("register", FixtureBodies.registerExample),
        ("transfer_domain_list", FixtureBodies.transferDomainListExample),
        ("get_transfer_status", FixtureBodies.getTransferStatusExample),
        ("list_domain", FixtureBodies.quirkHeaderContentSplit), ("set_for_sale", FixtureBodies.setForSaleExample),
        ("list_domain", FixtureBodies.quirkGenericInvalidKey),
    ]

    /// Bytes that steer mutations toward JSON structure and escapes.
    static let interesting: [UInt8] = Array(#"{}[]":,\u0"-.eE19 tfn"#.utf8) + [0x00, 0xFF, 0xC3, 0xED, 0xA0, 0x80]

    /// Runs every decoder on one body; anything other than a value or a
    /// `DynadotError` is recorded.
    static func exercise(_ body: Data, iteration: Int) {
        var response: APIResponse?
        do {
            response = try APIResponse.parse(command: "fuzz", body: body)
        } catch is DynadotError {
            return
        } catch {
            Issue.record("iteration \(iteration): parse threw \(type(of: error))")
            return
        }
        guard let response else { return }
        let decoders: [(APIResponse) throws -> Void] = [
            { _ = try $0.checked() }, { _ = try DomainList($0) }, { _ = try DomainRecord($0) },
            { _ = try DnsSettings($0) }, { _ = try ContactList($0) }, { _ = try Contact($0) },
            { _ = try OrderList($0) }, { _ = try OrderStatusResult($0) }, { _ = try FolderList($0) },
            { _ = try ServerList($0) }, { _ = try DomainNameServers($0) }, { _ = try AccountInfo($0) },
            { _ = try AccountBalances($0) }, { _ = try TLDPriceList($0) }, { _ = try MarketplaceListings($0) },
            { _ = try MarketplaceListing($0) }, { _ = try SearchResults($0) }, { _ = try ProcessingStatus($0) },
            { _ = try RenewResult($0) }, { _ = try RegisterResult($0) }, { _ = try TransferOutDomainList($0) },
            { _ = try TransferStatusList($0) }, { _ = try GenericResult($0) },
        ]
        for decode in decoders {
            do {
                try decode(response)
            } catch is DynadotError {
                continue
            } catch {
                Issue.record("iteration \(iteration): typed decoder threw \(type(of: error))")
            }
        }
    }

    static func mutate(_ source: [UInt8], _ rng: inout DecodingFuzzRandom) -> [UInt8] {
        var bytes = source
        switch rng.below(5) {
        case 0:
            bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
        case 1:
            for _ in 0...rng.below(8) where !bytes.isEmpty {
                bytes[rng.below(bytes.count)] = interesting[rng.below(interesting.count)]
            }
        case 2:
            for _ in 0...rng.below(4) where !bytes.isEmpty { bytes.remove(at: rng.below(bytes.count)) }
        case 3:
            for _ in 0...rng.below(4) {
                bytes.insert(interesting[rng.below(interesting.count)], at: rng.below(bytes.count + 1))
            }
        default:
            let n = rng.below(200)
            bytes = (0..<n).map { _ in
                rng.below(2) == 0 ? interesting[rng.below(interesting.count)] : UInt8(truncatingIfNeeded: rng.next())
            }
        }
        return bytes
    }

    @Test func randomTruncatedAndMutatedBodiesNeverCrash() {
        var rng = DecodingFuzzRandom(seed: 0x00D1_A0F0_1105_2026)
        let sources = Self.seeds.map { Array($0.1.utf8) }
        for iteration in 0..<12_000 {
            let source = sources[iteration % sources.count]
            Self.exercise(Data(Self.mutate(source, &rng)), iteration: iteration)
        }
    }

    @Test func typedDecodersSurviveWrongShapesInEveryField() throws {
        // Replace each scalar in a real answer by other JSON kinds, one at a time.
        let replacements = [#"null"#, #"[]"#, #"{}"#, #"[{"a": 1}]"#, #""""#, #"-1"#, #"1e308"#, #""-""#]
        var iteration = 0
        for (_, body) in Self.seeds {
            let text = body
            var searchStart = text.startIndex
            while let colon = text.range(of: ": ", range: searchStart..<text.endIndex) {
                let valueStart = colon.upperBound
                var valueEnd = valueStart
                while valueEnd < text.endIndex, !",}]\n".contains(text[valueEnd]) { valueEnd = text.index(after: valueEnd) }
                let replacement = replacements[iteration % replacements.count]
                let mutated = String(text[..<valueStart]) + replacement + String(text[valueEnd...])
                Self.exercise(Data(mutated.utf8), iteration: iteration)
                iteration += 1
                searchStart = colon.upperBound
            }
        }
        #expect(iteration > 300)
    }
}
