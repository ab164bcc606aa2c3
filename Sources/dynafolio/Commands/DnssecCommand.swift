import ArgumentParser
import DynadotAPI
import Foundation
import SyncEngine

/// `dynafolio dns dnssec DOMAIN (--key-tag N --digest-type N --digest HEX | --flags N --public-key B64) --algorithm N`.
struct DnsDnssec: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dnssec",
        abstract: "Set one domain's DNSSEC key now (one set_dnssec call).",
        discussion: """
        Either a DS record: --key-tag (0-65535) --digest-type (1 SHA-1, 2 SHA-256, 3 GOST, 4 SHA-384) \
        --digest HEX (40, 64, 64 or 96 hex digits); or a DNSKEY: --flags (256 ZSK, 257 KSK) \
        --public-key BASE64. Both need --algorithm (e.g. 8 RSA/SHA-256, 13 ECDSA P-256, 15 Ed25519). \
        The key material is checked before anything is sent.
        """
    )

    @Argument(help: "The domain.") var domain: String
    @Option(name: .customLong("key-tag"), help: "DS key tag.") var keyTag: String?
    @Option(name: .customLong("digest-type"), help: "DS digest type number.") var digestType: String?
    @Option(help: "DS digest, hexadecimal.") var digest: String?
    @Option(help: "DNSKEY flags: 256 or 257.") var flags: String?
    @Option(name: .customLong("public-key"), help: "DNSKEY public key, base64.") var publicKey: String?
    @Option(help: "Algorithm number.") var algorithm: String?

    func run() async throws {
        let key = try await FolderCommand.run {
            try DnssecKey.make(keyTag: keyTag, digestType: digestType, digest: digest, flags: flags, publicKey: publicKey,
                               algorithm: algorithm)
        }
        let context = try FolderCommand.online()
        try await FolderCommand.run { try await context.engine.setDnssec(domain: domain, key: key) }
        print("sent set_dnssec for \(NameText.shown(Punycode.asciiName(domain).lowercased())) (one call)")
    }
}
