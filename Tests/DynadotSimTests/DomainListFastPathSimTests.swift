import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// The simulator's `list_domain` pages — both name-server shapes, Unicode
/// names, folders, notes — read by `DomainList.fastDecode` give exactly
/// what the generic decoder gives.
@Suite("list_domain fast path on simulator pages")
struct DomainListFastPathSimTests {
    @Test("every page of a generated account decodes identically on both paths")
    func simulatorPages() async throws {
        try await withSim(testConfiguration(domains: 600, seed: 11)) { _, client in
            var domains = 0
            var listShapes = 0, paddedShapes = 0
            for page in 0..<4 {
                let reply = try await client.raw("list_domain", [("count_per_page", "200"), ("page_index", String(page))])
                let fast = try #require(DomainList.fastDecode(reply.body), "page \(page)")
                let generic = try DomainList(try APIResponse.parse(command: "list_domain", body: reply.body).checked())
                #expect(fast == generic, "page \(page)")
                domains += fast.domains.count
                listShapes += reply.text.components(separatedBy: "\"NameServers\":[{").count - 1
                paddedShapes += reply.text.components(separatedBy: "{\"ServerId\":\"\",\"ServerName\":\"\"}").count - 1
            }
            #expect(domains == 600)
            // The pages exercised both name-server shapes.
            #expect(listShapes > 0)
            #expect(paddedShapes > 0)
        }
    }
}
