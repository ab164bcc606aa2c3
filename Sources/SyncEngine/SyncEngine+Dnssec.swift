import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// The key material `set_dnssec` takes, in either of the reference's two
/// options: a DS record (key tag, digest type, digest) or a DNSKEY (flags,
/// public key); the algorithm belongs to both.
public enum DnssecKey: Sendable, Hashable {
    case digest(keyTag: Int, digestType: Int, digest: String, algorithm: Int)
    case publicKey(flags: Int, publicKey: String, algorithm: Int)

    /// DNSSEC algorithm numbers (IANA; the reference's list).
    public static let algorithms: [Int: String] = [
        1: "RSA/MD5", 2: "Diffie-Hellman", 3: "DSA/SHA-1", 4: "Elliptic Curve", 5: "RSA/SHA-1", 6: "DSA-NSEC3-SHA1",
        7: "RSASHA1-NSEC3-SHA1", 8: "RSA/SHA-256", 10: "RSA/SHA-512", 12: "GOST R 34.10-2001",
        13: "ECDSA P-256 with SHA-256", 14: "ECDSA P-384 with SHA-384", 15: "Ed25519", 16: "Ed448",
        252: "Indirect", 253: "Private DNS", 254: "Private OID",
    ]
    /// Digest type → (name, digest length in hex digits).
    public static let digestTypes: [Int: (name: String, hexLength: Int)] = [
        1: ("SHA-1", 40), 2: ("SHA-256", 64), 3: ("GOST R 34.11-94", 64), 4: ("SHA-384", 96),
    ]
    /// DNSKEY flags: 256 a zone-signing key, 257 a key-signing key.
    public static let flagValues: [Int: String] = [256: "zone-signing key (ZSK)", 257: "key-signing key (KSK)"]

    /// The parameters besides `domain_name`.
    public var parameters: [QueryParameter] {
        switch self {
        case .digest(let tag, let type, let digest, let algorithm):
            return [QueryParameter("key_tag", String(tag)), QueryParameter("digest_type", String(type)),
                    QueryParameter("digest", digest), QueryParameter("algorithm", String(algorithm))]
        case .publicKey(let flags, let key, let algorithm):
            return [QueryParameter("flags", String(flags)), QueryParameter("public_key", key),
                    QueryParameter("algorithm", String(algorithm))]
        }
    }

    /// Builds the key from the words the CLI and the DNS pane take; each
    /// refusal says what the value must look like. Give either key tag,
    /// digest type and digest, or flags and public key — with the algorithm.
    public static func make(keyTag: String?, digestType: String?, digest: String?, flags: String?, publicKey: String?,
                            algorithm: String?) throws -> DnssecKey {
        let dsGiven = [keyTag, digestType, digest].contains { $0 != nil }
        let keyGiven = [flags, publicKey].contains { $0 != nil }
        guard dsGiven != keyGiven else {
            throw SyncError.invalidEdit(dsGiven
                ? "give either a DS record (--key-tag, --digest-type, --digest) or a DNSKEY (--flags, --public-key), not both"
                : "give a DS record (--key-tag, --digest-type, --digest) or a DNSKEY (--flags, --public-key), with --algorithm")
        }
        guard let algorithmText = algorithm else {
            throw SyncError.invalidEdit("--algorithm is required: one of \(algorithmList)")
        }
        guard let alg = Int(algorithmText.trimmingCharacters(in: .whitespaces)), algorithms[alg] != nil else {
            throw SyncError.invalidEdit("algorithm '\(TerminalText.escaped(algorithmText))' is not one Dynadot takes; use one of \(algorithmList)")
        }
        if dsGiven {
            guard let keyTag, let digestType, let digest else {
                throw SyncError.invalidEdit("a DS record needs all of --key-tag, --digest-type and --digest")
            }
            guard let tag = Int(keyTag.trimmingCharacters(in: .whitespaces)), (0...65_535).contains(tag) else {
                throw SyncError.invalidEdit("key tag '\(TerminalText.escaped(keyTag))' must be a number from 0 to 65535 (the DS record's first field)")
            }
            guard let type = Int(digestType.trimmingCharacters(in: .whitespaces)), let known = digestTypes[type] else {
                let list = digestTypes.keys.sorted().map { "\($0) (\(digestTypes[$0]!.name))" }.joined(separator: ", ")
                throw SyncError.invalidEdit("digest type '\(TerminalText.escaped(digestType))' must be one of \(list)")
            }
            let hex = digest.filter { !$0.isWhitespace }
            guard hex.allSatisfy(\.isHexDigit), hex.allSatisfy(\.isASCII) else {
                throw SyncError.invalidEdit("the digest must be hexadecimal (0-9, a-f); '\(TerminalText.escaped(String(digest.prefix(20))))…' is not")
            }
            guard hex.count == known.hexLength else {
                throw SyncError.invalidEdit("a \(known.name) digest is \(known.hexLength) hex digits; this one has \(hex.count) — check the digest type")
            }
            return .digest(keyTag: tag, digestType: type, digest: hex.uppercased(), algorithm: alg)
        }
        guard let flags, let publicKey else {
            throw SyncError.invalidEdit("a DNSKEY needs both --flags and --public-key")
        }
        guard let flag = Int(flags.trimmingCharacters(in: .whitespaces)), flagValues[flag] != nil else {
            throw SyncError.invalidEdit("flags '\(TerminalText.escaped(flags))' must be 256 (zone-signing key) or 257 (key-signing key)")
        }
        let key = publicKey.filter { !$0.isWhitespace }
        guard !key.isEmpty, key.count % 4 == 0, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }),
              Data(base64Encoded: key) != nil else {
            throw SyncError.invalidEdit("the public key must be base64 (A-Z, a-z, 0-9, +, /, = padding, a multiple of 4 characters), as in the DNSKEY record")
        }
        return .publicKey(flags: flag, publicKey: key, algorithm: alg)
    }

    static var algorithmList: String {
        algorithms.keys.sorted().map { "\($0) (\(algorithms[$0]!))" }.joined(separator: ", ")
    }
}

extension SyncEngine {
    /// Sets one domain's DNSSEC key now (`set_dnssec`, one domain per call).
    public func setDnssec(domain: String, key: DnssecKey) async throws {
        let name = Punycode.asciiName(domain).lowercased()
        guard try store.domain(named: name).map({ !$0.gone }) == true else {
            throw SyncError.invalidEdit("\(TerminalText.escaped(domain)) is not in the cache — check the spelling or run `dynafolio sync`")
        }
        try await sendNow(APIRequest("set_dnssec", parameters: [QueryParameter("domain_name", name)] + key.parameters))
        logger.info("dnssec set", metadata: ["domain": "\(name)"])
    }
}
