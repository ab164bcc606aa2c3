import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// Contact edits and marketplace purchases: intents whose target is not a
/// domain row of the account (`contact:<id>`, or a domain still to buy).
extension SyncEngine {
    /// The `edit_contact` field names, in the order the command lists them.
    public static let contactFieldNames = ["name", "organization", "email", "phonecc", "phonenum", "address1", "address2",
                                           "city", "state", "zip", "country"]

    /// The outbox target of a contact record.
    public static func contactTarget(_ id: String) -> String { "contact:\(id)" }

    /// A cached contact as `edit_contact` fields.
    public static func contactFields(_ row: ContactRow) -> [String: String] {
        var phoneCC = "", phoneNumber = row.phone
        if row.phone.hasPrefix("+"), let dot = row.phone.firstIndex(of: ".") {
            phoneCC = String(row.phone[row.phone.index(after: row.phone.startIndex)..<dot])
            phoneNumber = String(row.phone[row.phone.index(after: dot)...])
        }
        return ["name": row.name, "organization": row.organization, "email": row.email, "phonecc": phoneCC,
                "phonenum": phoneNumber, "address1": row.address.first ?? "",
                "address2": row.address.count > 1 ? row.address[1] : "", "city": row.city, "state": row.state,
                "zip": row.zip, "country": row.country]
    }

    /// Queues an `edit_contact` for contact `id` with `changes` laid over its
    /// cached fields (the command replaces the whole record).
    @discardableResult
    public func queueContactEdit(id: String, changes: [String: String], origin: OperationOrigin) throws -> QueueSummary {
        guard let row = try store.contacts().first(where: { $0.id == id }) else {
            throw SyncError.invalidEdit("contact \(id) is not in the cache; sync first")
        }
        if let unknown = changes.keys.first(where: { !Self.contactFieldNames.contains($0) }) {
            throw SyncError.invalidEdit("'\(unknown)' is not a contact field; use \(Self.contactFieldNames.joined(separator: ", "))")
        }
        let cached = Self.contactFields(row)
        var target = cached
        for (key, value) in changes { target[key] = value.trimmingCharacters(in: .whitespaces) }
        for key in ["name", "email", "phonecc", "phonenum", "address1", "city", "zip", "country"] where (target[key] ?? "").isEmpty {
            throw SyncError.invalidEdit("a contact needs a \(key); Dynadot refuses it empty")
        }
        if let email = target["email"], !email.contains("@") {
            throw SyncError.invalidEdit("'\(email)' is not an e-mail address")
        }
        let base = Edit.editContact(id: id, fields: cached).encodedValue
        let value = Edit.editContact(id: id, fields: target).encodedValue
        let result = try store.enqueue(NewOperation(origin: origin, label: "edit contact \(id)"),
                                       intents: [NewIntent(domain: Self.contactTarget(id), field: IntentField.contact.rawValue,
                                                           value: value, baseValue: base, valueVersion: Edit.valueVersion)])
        return QueueSummary(added: result.added.count, superseded: result.superseded, cancelled: result.cancelled,
                            unchanged: result.unchanged, operationID: result.operationID)
    }

    /// Queues buying a marketplace domain at its cached listing price (money:
    /// `push` sends it only when confirmed, or within `maxCostCents`).
    @discardableResult
    public func queuePurchase(domain: String, origin: OperationOrigin, maxCostCents: Int64? = nil) throws -> QueueSummary {
        let name = domain.lowercased()
        if try store.domain(named: name).map({ !$0.gone }) == true {
            throw SyncError.invalidEdit("\(name) is already in your account")
        }
        let listing = try store.marketplaceListings(limit: 50, offset: 0, domain: name).first { $0.domain == name }
        guard let price = listing?.priceCents else {
            throw SyncError.invalidEdit("\(name) has no cached buy-it-now price; refresh the marketplace listings first")
        }
        let operation = NewOperation(origin: origin, label: "buy \(name) for \(Cents.dollars(price))",
                                     approvedCents: maxCostCents)
        let result = try store.enqueue(operation, intents: [NewIntent(domain: name, field: IntentField.purchase.rawValue,
                                                                      value: Edit.buyItNow(priceCents: price).encodedValue,
                                                                      baseValue: JSONValue.null.serialized(), money: true,
                                                                      costCents: price, valueVersion: Edit.valueVersion)])
        return QueueSummary(added: result.added.count, superseded: result.superseded, cancelled: result.cancelled,
                            unchanged: result.unchanged, costCents: price, operationID: result.operationID)
    }

    /// Refreshes the marketplace catalogue (`get_listings`) in the cache.
    @discardableResult
    public func pullMarketplace() async throws -> Int {
        let client = try requireClient()
        do {
            let listings = try MarketplaceListings(try await client.send(APIRequest("get_listings", ["currency": "usd"]))).listings
            let rows = listings.map {
                MarketplaceListingRow(listingID: $0.id ?? $0.domain, domain: $0.domain.lowercased(), priceCents: $0.price?.cents,
                                      currency: $0.price?.currency ?? "USD", inboundLinks: $0.inboundLinks, age: $0.age,
                                      pendingSaleLocked: $0.pendingSaleLocked ?? false)
            }
            try store.replaceMarketplaceListings(rows, syncedAtMs: store.nowMs)
            return rows.count
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            throw error
        }
    }

    /// Fetches the listing price of each of your domains for sale
    /// (`get_listing_item`, one per domain) into the cache.
    @discardableResult
    public func fetchListingPrices(_ domains: [String]) async throws -> Int {
        let client = try requireClient()
        var updated: [DomainRow] = []
        for name in domains {
            guard var row = try store.domain(named: name), row.forSale else { continue }
            do {
                let item = try MarketplaceListing(try await client.send(APIRequest("get_listing_item", ["domain": row.name])))
                row.salePriceCents = item.price?.cents
                updated.append(row)
            } catch let error as DynadotError {
                if case .transport = error { throw SyncError.offline(error.message) }
                if case .providerRefused = error { continue }
                throw error
            }
        }
        let now = store.nowMs
        if !updated.isEmpty { _ = try store.upsertDomains(updated, syncedAtMs: now) }
        return updated.count
    }
}
