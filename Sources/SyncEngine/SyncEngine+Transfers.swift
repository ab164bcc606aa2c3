import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import SwiftCSV

/// One domain's answer to `get_transfer_auth_code`: the code (a secret —
/// shown only to the user who asked, never stored or logged) or why not.
public struct AuthCodeResult: Sendable, Equatable, CustomStringConvertible {
    public var domain: String
    public var code: String?
    public var error: String?

    public var description: String { "\(domain): " + (code == nil ? (error ?? "no code") : "REDACTED") }
}

/// One line of a transfer-in codes file.
public struct TransferInEntry: Sendable, Equatable, CustomStringConvertible {
    public var domain: String
    public var authCode: String

    public init(domain: String, authCode: String) {
        self.domain = domain
        self.authCode = authCode
    }

    public var description: String { "\(domain) (auth code REDACTED)" }
}

/// Moving domains: auth codes and transfer-away approvals (out), transfer
/// orders as money intents (in), pushes between Dynadot accounts.
extension SyncEngine {
    /// Runs `body`, turning a dead connection or an outage into the sync
    /// engine's errors (the provider's refusals stay `DynadotError`).
    func talking<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            if case .outage(_, let message) = error { throw SyncError.outage(message) }
            throw error
        }
    }

    /// Domains of `names` the cache says are locked: fetching their auth
    /// codes needs `unlock_domain_for_transfer=1`, which unlocks them.
    public func lockedDomains(_ names: [String]) throws -> [String] {
        try store.domains(named: names, reading: ["locked"]).filter(\.locked).map(\.name)
    }

    /// Fetches each domain's auth code (`get_transfer_auth_code`, one domain
    /// per call). A locked domain is refused before anything is sent unless
    /// `unlock` (the user agreed to unlock them: the provider does it with
    /// the code). `newCode` asks for fresh codes. Codes are returned, never
    /// stored; the cache records the unlock. `progress` hears (done, total).
    public func fetchAuthCodes(_ names: [String], unlock: Bool, newCode: Bool = false,
                               progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws -> [AuthCodeResult] {
        let client = try requireClient()
        let locked = try lockedDomains(names)
        if !locked.isEmpty && !unlock {
            let list = locked.prefix(5).joined(separator: ", ") + (locked.count > 5 ? ", …" : "")
            throw SyncError.invalidEdit("\(locked.count) of these domains \(locked.count == 1 ? "is" : "are") locked (\(list)); Dynadot gives auth codes only for unlocked domains — agree to unlock them (--unlock) or pick unlocked ones; nothing was sent")
        }
        var results: [AuthCodeResult] = []
        var unlocked: [String] = []
        let lockedSet = Set(locked)
        progress(0, names.count)
        for name in names {
            var pairs: [(String, String)] = []
            if newCode { pairs.append(("new_code", "1")) }
            if lockedSet.contains(name) { pairs.append(("unlock_domain_for_transfer", "1")) }
            do {
                let answer = try await talking { try TransferAuthCode(try await client.send(APIRequest.make("get_transfer_auth_code", domains: [name], pairs))) }
                results.append(AuthCodeResult(domain: name, code: answer.code))
                if lockedSet.contains(name) { unlocked.append(name) }
            } catch let error as DynadotError {
                results.append(AuthCodeResult(domain: name, error: error.message))
            }
            progress(results.count, names.count)
        }
        if !unlocked.isEmpty {
            var rows = try store.domains(named: unlocked)
            for i in rows.indices { rows[i].locked = false }
            _ = try store.upsertDomains(rows, syncedAtMs: store.nowMs)
        }
        return results
    }

    /// Approves (or denies) a pending transfer away
    /// (`authorize_transfer_away`, one domain per call) and records it.
    public func authorizeTransferAway(_ domain: String, orderId: String, approve: Bool) async throws -> String {
        let client = try requireClient()
        let response = try await talking {
            try GenericResult(try await client.send(APIRequest.make("authorize_transfer_away", domains: [domain],
                                                                    [("order_id", orderId), ("authorize", approve ? "approve" : "deny")])))
        }
        let result = response.content["Result"]?.nonEmptyText ?? (approve ? "approved" : "denied")
        let now = store.nowMs
        let started = try store.transfers().first { $0.direction == .transferOut && $0.domain == domain }?.startedMs ?? now
        try store.saveTransfers([TransferRow(direction: .transferOut, domain: domain, orderId: orderId, status: result,
                                             startedMs: started, checkedMs: now)])
        return result
    }

    /// Refreshes the cached transfers: `transfer_domain_list` (away),
    /// `get_transfer_status` for each transfer in still under way, and
    /// `get_domain_push_request` (incoming pushes). Returns every row.
    @discardableResult
    public func pullTransfers() async throws -> [TransferRow] {
        let client = try requireClient()
        let now = store.nowMs
        let away = try await talking { try TransferOutDomainList(try await client.send(APIRequest("transfer_domain_list"))) }
        let known = Dictionary(try store.transfers().map { ("\($0.direction.rawValue) \($0.domain)", $0) }, uniquingKeysWith: { a, _ in a })
        try store.replaceTransfers(.transferOut, with: away.domains.map {
            let domain = Punycode.asciiName($0.domain).lowercased()
            return TransferRow(direction: .transferOut, domain: domain, orderId: $0.orderId ?? "", status: $0.status ?? "",
                               startedMs: known["out \(domain)"]?.startedMs ?? now, checkedMs: now)
        })
        for row in known.values where row.direction == .transferIn && !Self.transferFinished(row.status) {
            try await refreshTransferIn(row.domain, client: client)
        }
        let pushes = try await talking { try DomainPushRequests(try await client.send(APIRequest("get_domain_push_request"))) }
        try store.replaceTransfers(.pushIn, with: pushes.domains.map {
            TransferRow(direction: .pushIn, domain: $0, orderId: "", status: "awaiting your answer",
                        startedMs: known["push-in \($0)"]?.startedMs ?? now, checkedMs: now)
        })
        return try store.transfers()
    }

    /// Whether a transfer-in status is final (nothing more will happen).
    public static func transferFinished(_ status: String) -> Bool {
        ["completed", "cancelled", "canceled", "failed", "denied"].contains(status.lowercased())
    }

    /// Reads one transfer in's status (`get_transfer_status`) into the
    /// cache; returns the newest order's entry.
    @discardableResult
    func refreshTransferIn(_ domain: String, client: DynadotClient) async throws -> TransferStatusEntry? {
        let list = try await talking {
            try TransferStatusList(try await client.send(APIRequest.make("get_transfer_status", domains: [domain], [("transfer_type", "in")])))
        }
        guard let latest = list.transfers.max(by: { (Int($0.orderId) ?? 0) < (Int($1.orderId) ?? 0) }) else { return nil }
        let now = store.nowMs
        let started = try store.transfers().first { $0.direction == .transferIn && $0.domain == domain }?.startedMs ?? now
        try store.saveTransfers([TransferRow(direction: .transferIn, domain: domain, orderId: latest.orderId,
                                             status: latest.transferStatus, startedMs: started, checkedMs: now)])
        return latest
    }

    /// The cached transfer in of `domain`, or a message saying what to do.
    func openTransferIn(_ domain: String) throws -> TransferRow {
        guard let row = try store.transfers().first(where: { $0.direction == .transferIn && $0.domain == domain }), !row.orderId.isEmpty else {
            throw SyncError.invalidEdit("no transfer in of \(domain) is known; run `dynafolio transfer ls` to refresh the list")
        }
        return row
    }

    /// Cancels a transfer in (`cancel_transfer`, with its cached order id).
    public func cancelTransfer(_ domain: String) async throws {
        let client = try requireClient()
        let row = try openTransferIn(domain)
        _ = try await talking {
            try await client.send(APIRequest.make("cancel_transfer", domains: [domain], [("order_id", row.orderId)]))
        }
        var cancelled = row
        cancelled.status = "cancelled"
        cancelled.checkedMs = store.nowMs
        try store.saveTransfers([cancelled])
    }

    /// Resubmits the auth code of a transfer in the losing registrar
    /// refused (`set_transfer_auth_code`), then reads its status again.
    public func resubmitAuthCode(_ domain: String, code: String) async throws -> TransferStatusEntry? {
        let client = try requireClient()
        let row = try openTransferIn(domain)
        let checked = try Self.checkedAuthCode(code, domain: domain)
        _ = try await talking {
            try await client.send(APIRequest.make("set_transfer_auth_code", domains: [domain], [("auth_code", checked), ("order_id", row.orderId)]))
        }
        return try await refreshTransferIn(domain, client: client)
    }

    /// An auth code as typed: trimmed, not empty, printable.
    static func checkedAuthCode(_ code: String, domain: String) throws -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw SyncError.invalidEdit("\(domain) has no auth code; give the code the current registrar issued") }
        guard TerminalText.firstControl(in: trimmed) == nil, trimmed.count <= 255 else {
            throw SyncError.invalidEdit("\(domain)'s auth code contains control characters or is too long; copy it again from the current registrar")
        }
        return trimmed
    }

    /// Reads a codes file: a CSV (`,`, `;` or tab) with a domain column and
    /// an auth code column (headers `domain` and `auth code`, `auth`,
    /// `code` or `epp`), or two columns without a header. Names are checked
    /// as domain names; a line without a code is refused with its number.
    public static func transferInEntries(_ text: String) throws -> [TransferInEntry] {
        let table = try readCSV(text, delimiter: nil)
        let headerKeys = table.header.map { ImportColumn.key($0.trimmingCharacters(in: .whitespaces)) }
        let domainColumn = headerKeys.firstIndex { ImportColumn.byAlias[$0] == .domain }
        let codeColumn = headerKeys.firstIndex { ["auth", "authcode", "code", "epp", "eppcode", "authinfo", "transfercode"].contains($0) }
        var rows = table.rows
        var firstLine = 2
        if domainColumn == nil || codeColumn == nil {
            rows.insert(table.header, at: 0)
            firstLine = 1
        }
        let (d, c) = (domainColumn ?? 0, codeColumn ?? 1)
        var entries: [TransferInEntry] = []
        var seen = Set<String>()
        for (offset, row) in rows.enumerated() {
            let cells = row.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.allSatisfy(\.isEmpty) || cells.first?.hasPrefix("#") == true { continue }
            let line = firstLine + offset
            let rawName = d < cells.count ? cells[d] : ""
            guard let name = try acquireNames([rawName]).first else {
                throw SyncError.invalidEdit("line \(line): no domain name; each line is a domain and its auth code")
            }
            let code = try checkedAuthCode(c < cells.count ? cells[c] : "", domain: "line \(line): \(name)")
            guard seen.insert(name).inserted else { throw SyncError.invalidEdit("line \(line): \(name) appears twice; keep one line per domain") }
            entries.append(TransferInEntry(domain: name, authCode: code))
        }
        guard !entries.isEmpty else { throw SyncError.invalidEdit("the file names no domains; give lines of: domain,auth code") }
        return entries
    }

    /// What transferring `names` in costs, name by name, at their TLD's
    /// cached transfer price: what a confirmation shows before queueing. A
    /// name already in the account or with no cached price is refused
    /// (nothing was queued).
    public func transferInPrices(_ names: [String]) throws -> [Int64] {
        let owned = try store.domains(named: names).filter { !$0.gone }.map(\.name)
        if !owned.isEmpty {
            throw SyncError.invalidEdit("\(owned.joined(separator: ", ")) \(owned.count == 1 ? "is" : "are") already in your account; nothing was queued")
        }
        return try names.map { name in
            let tld = name.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            guard let price = try store.tldPrice(tld)?.transferCents else {
                throw SyncError.invalidEdit("no cached transfer price for .\(tld); run `dynafolio sync` first (nothing was queued)")
            }
            return price
        }
    }

    /// Queues transferring `entries` in as money intents at their TLD's
    /// cached transfer price (the push refreshes prices and the balance
    /// just before sending, and sends only what was approved). The auth
    /// codes wait in the cache's auth-code table, not in the outbox, and are
    /// erased once sent. A name already in the account or with no cached
    /// price is refused with nothing queued.
    @discardableResult
    public func queueTransfersIn(_ entries: [TransferInEntry], origin: OperationOrigin,
                                 maxCostCents: Int64? = nil) throws -> (summary: QueueSummary, intentIDs: [Int64]) {
        let names = entries.map(\.domain)
        var total: Int64 = 0
        var intents: [NewIntent] = []
        let prices = try transferInPrices(names)
        for (name, price) in zip(names, prices) {
            total += price
            intents.append(NewIntent(domain: name, field: IntentField.transfer.rawValue, value: Edit.transfer(priceCents: price).encodedValue,
                                     baseValue: JSONValue.null.serialized(), money: true, costCents: price,
                                     valueVersion: Edit.valueVersion))
        }
        if let maxCostCents, total > maxCostCents {
            throw SyncError.invalidEdit("transferring in costs \(Cents.dollars(total)), more than the \(Cents.dollars(maxCostCents)) allowed; nothing was queued")
        }
        // A code this replaces is erased, not overwritten in place (which
        // would leave its bytes in the freed page).
        try store.eraseTransferAuthCodes(names)
        try store.storeTransferAuthCodes(entries.map { ($0.domain, $0.authCode) })
        let label = Edit.transfer(priceCents: nil).label(domains: intents.count) + " for \(Cents.dollars(total))"
        let result: EnqueueResult
        do {
            result = try erasingUnawaitedAuthCodes {
                try store.enqueue(NewOperation(origin: origin, label: label, approvedCents: maxCostCents), intents: intents)
            }
        } catch {
            try store.eraseTransferAuthCodes(names)
            throw error
        }
        return (QueueSummary(added: result.added.count, superseded: result.superseded, cancelled: result.cancelled,
                             unchanged: result.unchanged, costCents: total, operationID: result.operationID), result.added)
    }

    /// Runs `change` (a drop, an undo, a settled conflict, a queueing that
    /// supersedes), then erases the auth codes of transfers in it left
    /// without an open intent (the same secure delete as after sending).
    func erasingUnawaitedAuthCodes<T>(_ change: () throws -> T) throws -> T {
        let result = try change()
        try store.eraseTransferAuthCodes(notAwaitedBy: IntentField.transfer.rawValue)
        return result
    }

    /// The `transfer` request for a planned batch with its auth code added
    /// (read from the auth-code table just before sending); nil when no
    /// code is kept for it.
    func transferRequest(_ batch: PlannedBatch) throws -> APIRequest? {
        var request = batch.request
        guard let domain = batch.domains.first, let code = try store.transferAuthCode(domain) else { return nil }
        request.set("auth", code)
        return request
    }

    /// After `transfer` answered: records the order, erases the code.
    func recordTransferStarted(_ domain: String, response: APIResponse?) throws {
        let order = response.flatMap { try? TransferOrder($0) }?.orderId ?? ""
        let now = store.nowMs
        try store.saveTransfers([TransferRow(direction: .transferIn, domain: domain, orderId: order, status: "ordered",
                                             startedMs: now, checkedMs: now)])
        try store.eraseTransferAuthCodes([domain])
    }

    /// A transfer in whose answer was lost applied when `get_transfer_status`
    /// lists an order for the domain that was not cancelled; otherwise it
    /// goes back to the queue as any money intent (never resent blindly).
    func transferApplied(_ intent: OutboxIntent, client: DynadotClient) async throws -> Bool {
        let list = try TransferStatusList(try await client.send(APIRequest.make("get_transfer_status", domains: [intent.domain], [("transfer_type", "in")])))
        guard let live = list.transfers.filter({ !["cancelled", "canceled"].contains($0.transferStatus.lowercased()) })
            .max(by: { (Int($0.orderId) ?? 0) < (Int($1.orderId) ?? 0) }) else { return false }
        let now = store.nowMs
        try store.saveTransfers([TransferRow(direction: .transferIn, domain: intent.domain, orderId: live.orderId,
                                             status: live.transferStatus, startedMs: now, checkedMs: now)])
        try store.eraseTransferAuthCodes([intent.domain])
        return true
    }

    /// Pushes `names` to another Dynadot account (`push`, up to 100 domains
    /// per call, `;`-separated). Locked domains are refused before anything
    /// is sent unless `unlock` (the user agreed: `unlock_domain_for_push=1`).
    /// The receiver must accept; until then the pushes are listed.
    /// Returns the number of calls made.
    @discardableResult
    public func pushDomains(_ names: [String], to receiver: String, receiverEmail: String? = nil, unlock: Bool) async throws -> Int {
        let client = try requireClient()
        let username = receiver.trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty, TerminalText.firstControl(in: username) == nil else {
            throw SyncError.invalidEdit("give the receiving account's push username (Dynadot shows it under the account's push settings)")
        }
        let locked = try lockedDomains(names)
        if !locked.isEmpty && !unlock {
            let list = locked.prefix(5).joined(separator: ", ") + (locked.count > 5 ? ", …" : "")
            throw SyncError.invalidEdit("\(locked.count) of these domains \(locked.count == 1 ? "is" : "are") locked (\(list)); a push needs them unlocked — agree to unlock them (--unlock) or pick unlocked ones; nothing was sent")
        }
        var calls = 0
        var start = 0
        while start < names.count {
            let chunk = Array(names[start..<min(start + 100, names.count)])
            var pairs = [("receiver_push_username", username)]
            if let receiverEmail, !receiverEmail.isEmpty { pairs.append(("receiver_email", receiverEmail)) }
            if unlock && chunk.contains(where: locked.contains) { pairs.append(("unlock_domain_for_push", "1")) }
            _ = try await talking { try await client.send(APIRequest.make("push", domains: chunk, pairs)) }
            calls += 1
            let now = store.nowMs
            try store.saveTransfers(chunk.map {
                TransferRow(direction: .pushOut, domain: $0, orderId: "", status: "pushed to \(username)", startedMs: now, checkedMs: now)
            })
            start += chunk.count
        }
        return calls
    }

    /// Accepts or declines incoming pushes (`set_domain_push_request`, up
    /// to 100 per call). Accepted domains are read into the cache
    /// (`domain_info`). Returns the number of calls made.
    @discardableResult
    public func answerPushRequests(_ names: [String], accept: Bool) async throws -> Int {
        let client = try requireClient()
        let waiting = Set(try store.transfers().filter { $0.direction == .pushIn }.map(\.domain))
        let unknown = names.filter { !waiting.contains($0) }
        if !unknown.isEmpty {
            throw SyncError.invalidEdit("no push request for \(unknown.joined(separator: ", ")); run `dynafolio transfer ls` to refresh the list")
        }
        var calls = 0
        var start = 0
        while start < names.count {
            let chunk = Array(names[start..<min(start + 100, names.count)])
            _ = try await talking {
                try await client.send(APIRequest.make("set_domain_push_request", domains: chunk, [("action", accept ? "accept" : "decline")]))
            }
            calls += 1
            for name in chunk { try store.removeTransfer(.pushIn, domain: name) }
            start += chunk.count
        }
        if accept {
            for name in names {
                calls += 1
                let record = try await talking { try DomainRecord(try await client.send(APIRequest("domain_info", ["domain": name]))) }
                _ = try store.upsertDomains([RecordMapping.row(record, syncedAtMs: store.nowMs)], syncedAtMs: store.nowMs)
            }
        }
        return calls
    }
}

extension SyncEngine {
    /// A CSV file as SwiftCSV reads it, the delimiter guessed from the
    /// header line unless given (shared by `import` and `transfer in`).
    static func readCSV(_ text: String, delimiter: Character?) throws -> EnumeratedCSV {
        let chosen = delimiter.map { CSVDelimiter.character($0) } ?? CSVDelimiter.guessed(string: text)
        do {
            return try EnumeratedCSV(string: text, delimiter: chosen, loadColumns: false)
        } catch {
            throw ImportError(description: "the file is not readable as CSV: \(error) — check its quotes")
        }
    }
}
