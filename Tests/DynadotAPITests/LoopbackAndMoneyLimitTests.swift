import Foundation
import Synchronization
import Testing
@testable import DynadotAPI

/// Issue 12: plain HTTP only to this machine, decided from the parsed
/// address; provider amounts never wrap.
@Suite struct LoopbackAndMoneyLimitTests {
    @Test(arguments: ["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "[::1]",
                      "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "localhost."])
    func loopbackHosts(_ host: String) {
        #expect(ClientConfiguration.isLoopback(host))
    }

    @Test(arguments: ["127.attacker.example", "127.0.0.1.attacker.example", "localhost.attacker.example", "127.example",
                      "128.0.0.1", "10.0.0.1", "::2", "::ffff:10.0.0.1", "api.dynadot.com", "", "127", "127.0.0", "1.127.0.0.1",
                      "localhostx", "[::1", "0.0.0.0", "127.0.0.1:80"])
    func otherHosts(_ host: String) {
        #expect(!ClientConfiguration.isLoopback(host))
    }

    @Test func plainHTTPToANameThatStartsWith127IsRefused() throws {
        let url = try #require(URL(string: "http://127.attacker.example/api3.json"))
        #expect(throws: DynadotError.self) { try ClientConfiguration.checkEndpoint(url) }
        try ClientConfiguration.checkEndpoint(try #require(URL(string: "http://127.0.0.1:8080/api3.json")))
        try ClientConfiguration.checkEndpoint(try #require(URL(string: "http://localhost:8080/api3.json")))
    }

    @Test func hugeAmountsClampInsteadOfWrapping() throws {
        let huge = try #require(Money.parse("184467440737095516.26"))
        #expect(huge.cents == Int64.max)
        let negative = try #require(Money.parse("-184467440737095516.26"))
        #expect(negative.cents == Int64.min)
        #expect(Money.parse("12.345")?.cents == 1235, "provider amounts still round")
    }

    @Test func aKeyProviderRunsOnFirstUseOnly() throws {
        let calls = Mutex(0)
        let configuration = try ClientConfiguration(endpoint: URL(string: "http://127.0.0.1:9/api3.json")!, keyProvider: {
            calls.withLock { $0 += 1 }
            return APIKey("FAKE-PROVIDED-KEY")
        })
        let client = DynadotClient(configuration: configuration)
        #expect(calls.withLock { $0 } == 0)
        #expect(try client.resolveKey().secret == "FAKE-PROVIDED-KEY")
        #expect(try client.resolveKey().secret == "FAKE-PROVIDED-KEY")
        #expect(calls.withLock { $0 } == 1)
    }
}
