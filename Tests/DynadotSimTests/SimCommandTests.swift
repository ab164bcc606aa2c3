import ChildProcess
import Foundation
import Testing

@Suite("dynafolio sim")
struct SimCommandTests {
    /// The built `dynafolio` binary next to the test bundle.
    func binary() throws -> URL {
        var candidates: [URL] = []
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        candidates.append(bundleDirectory.appendingPathComponent("dynafolio"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("dynafolio"))
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dynafolio"))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw SimTestFailure(message: "dynafolio binary not found near \(bundleDirectory.path); run swift build first")
        }
        return found
    }

    @Test func printsReadyFirstAndServes() async throws {
        let process = try ChildProcess(try binary().path, ["sim", "--domains", "5000", "--seed", "1", "--key", testKey], output: .pipe, error: .null)
        defer { process.stop() }
        let firstLine = await Self.firstLine(of: try #require(process.output))
        #expect(firstLine.hasPrefix("READY http://127.0.0.1:"))
        #expect(firstLine.hasSuffix("/api3.json"))
        let endpoint = try #require(URL(string: String(firstLine.dropFirst("READY ".count))))
        let client = SimTestClient(endpoint: endpoint, key: testKey)
        let list = try await client.call("list_domain", [("count_per_page", "10")])
        #expect(list["MainDomains"]?.list.count == 10)
        process.terminate()
    }

    @Test func outageRateFlagAnswersOutages() async throws {
        let process = try ChildProcess(try binary().path, ["sim", "--domains", "10", "--key", testKey, "--outage-rate", "1"], output: .pipe, error: .null)
        defer { process.stop() }
        let firstLine = await Self.firstLine(of: try #require(process.output))
        let endpoint = try #require(URL(string: String(firstLine.dropFirst("READY ".count))))
        let client = SimTestClient(endpoint: endpoint, key: testKey)
        #expect(try await client.control("/_sim/faults").json?["outage_rate"] == .number(1))
        #expect(try await client.raw("account_info").error == "problem with connection to main server")
        process.terminate()
    }

    /// Reads the first line on a background thread: reading blocks until the simulator prints.
    static func firstLine(of output: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let chunk = output.readData(ofLength: 1)
                    if chunk.isEmpty || chunk.first == 0x0A { break }
                    bytes.append(chunk.first!)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
