import DynadotAPI
import SyncEngine
import TerminalUI

/// DNSSEC from the DNS pane: a form for either option of `set_dnssec` (a
/// DS record, or a DNSKEY), checked as the CLI checks it, then a
/// confirmation, then one call in the background.
extension DnsPane {
    static let dnssecLabels = ["Key tag", "Digest type", "Digest", "Flags", "Public key", "Algorithm"]

    func dnssecAction(app: AppEnvironment, state: inout AppState) {
        guard let domain else {
            state.message = StatusMessage("no domain under the cursor: pick one in \(app.actions.pane(.showDomains, "Domains"))", isError: true)
            return
        }
        dnssecForm = FormDialog(title: "DNSSEC for \(DomainNameDisplay.shown(domain, unicode: app.unicode))",
                                summary: "fill key tag, digest type, digest — or flags, public key; and the algorithm", fields: [
            .init("Key tag", hint: "0-65535"), .init("Digest type", hint: "1 SHA-1, 2 SHA-256, 3 GOST, 4 SHA-384"),
            .init("Digest", hint: "hex"), .init("Flags", hint: "256 ZSK, 257 KSK"), .init("Public key", hint: "base64"),
            .init("Algorithm", hint: "e.g. 8 RSA/SHA-256, 13 ECDSA P-256, 15 Ed25519"),
        ])
    }

    func handleDnssec(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        guard dnssecForm != nil, let domain else {
            dnssecForm = nil
            return .handled
        }
        guard var open = FormDialog.submission(of: &dnssecForm, key: key, state: &state) else { return .handled }
        func value(_ label: String) -> String? {
            let text = open.value(label).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        do {
            let key = try DnssecKey.make(keyTag: value("Key tag"), digestType: value("Digest type"), digest: value("Digest"),
                                         flags: value("Flags"), publicKey: value("Public key"), algorithm: value("Algorithm"))
            dnssecForm = nil
            let shown = DomainNameDisplay.shown(domain, unicode: app.unicode)
            let lines = key.parameters.map { [Span("  \($0.name)  "), Span(DisplayWidth.truncate($0.value, to: 50), style: Style(.dialog, accent: .pending))] }
            let dialog = ConfirmDialog(title: "DNSSEC for \(shown)", summary: "Send set_dnssec now (one call)?", lines: lines, isDangerous: true)
            state.request = .confirm(dialog) { host in
                host.start(BackgroundJob(startMessage: "sending set_dnssec for \(shown)…") { engine, _ in
                    try await engine.setDnssec(domain: domain, key: key)
                    return StatusMessage("sent set_dnssec for \(shown)")
                })
            }
        } catch {
            open.error = "\(error)"
            dnssecForm = open
        }
        return .handled
    }
}
