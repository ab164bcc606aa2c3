import Foundation
import Logging
import Synchronization
import Testing
@testable import DynadotAPI

/// Captures every log line the client writes.
final class CapturingLogHandler: LogHandler, @unchecked Sendable {
    static let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        let all = self.metadata.merging(metadata ?? [:]) { $1 }
        Self.lines.withLock { $0.append("\(level) \(message) \(all)") }
    }
}

@Suite struct RedactionTests {
    @Test func keyNeverAppearsInErrorsLogsOrDescriptions() async throws {
        let key = APIKey(fakeKey)
        #expect("\(key)" == "REDACTED")
        #expect(String(reflecting: key) == "APIKey(REDACTED)")
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains(fakeKey))

        let configuration = try ClientConfiguration(endpoint: URL(string: "http://127.0.0.1:9/api3.json")!, apiKey: key)
        var configDump = ""
        dump(configuration, to: &configDump)
        #expect(!configDump.contains(fakeKey))

        let failures: [@Sendable (Int, HTTPGet) async throws -> HTTPReply] = [
            { _, get in HTTPReply(status: 500, body: Data(get.url.absoluteString.utf8)) },
            { _, get in HTTPReply(status: 200, body: Data(("garbage " + get.url.absoluteString).utf8)) },
            { _, _ in throw DynadotError.transport(.timeout, detail: "no answer") },
            { _, _ in HTTPReply(status: 200, body: Data(#"{"Response":{"ResponseCode":"-1","Error":"invalid key"}}"#.utf8)) },
            { _, _ in HTTPReply(status: 200, body: Data(envelope("SetNsResponse", status: "system_busy", code: "5").utf8)) },
        ]
        var texts: [String] = []
        for responder in failures {
            let transport = ScriptedTransport(responder)
            var logger = Logger(label: "test") { _ in CapturingLogHandler() }
            logger.logLevel = .trace
            let client = DynadotClient(configuration: configuration, transport: transport, clock: VirtualClock(),
                                       logger: logger, jitter: { 0 })
            do {
                _ = try await client.send(APIRequest("set_ns", ["domain": "a.com", "ns0": "ns1.example.net"]))
            } catch {
                texts += ["\(error)", String(reflecting: error), error.localizedDescription]
                if let e = error as? DynadotError { texts.append(e.message) }
            }
            texts += transport.sent.map(\.redactedURL)
        }
        texts += CapturingLogHandler.lines.withLock { $0 }
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(!text.contains(fakeKey), "key leaked in: \(text)")
        }
        #expect(CapturingLogHandler.lines.withLock { $0 }.contains { $0.contains("key=REDACTED") })
    }

    @Test func redactsKeyParameterAnywhereInText() {
        #expect(Redaction.redactKeyParameter("https://x/api3.json?key=abc123&command=x") == "https://x/api3.json?key=REDACTED&command=x")
        #expect(Redaction.redact("the key is SECRET-1234", key: APIKey("SECRET-1234")) == "the key is REDACTED")
    }
}
