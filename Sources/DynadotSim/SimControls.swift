import DynadotAPI
import Foundation

/// The account settings tests change outside the API, so money commands can
/// be tried against a known price and balance: `/_sim/price` and
/// `/_sim/balance` over HTTP, `SimServer.setPrice` / `setBalance` in process.
/// `/_sim/domain` edits a domain as someone on Dynadot's web panel would
/// (the history's remote events), or removes it from the account.
struct SimControls {
    let state: SimState

    /// `/_sim/price?tld=com&renew=32.97` (also `register`, `transfer`):
    /// changes the named prices of one TLD and answers all three. Without a
    /// price it only answers them.
    func price(_ query: [String: String]) throws(SimControlError) -> JSONValue {
        guard let tld = query["tld"], !tld.isEmpty else {
            throw SimControlError(message: "tld is required, e.g. /_sim/price?tld=com&renew=32.97")
        }
        for name in query.keys where !["tld", "register", "renew", "transfer"].contains(name) {
            throw SimControlError(message: "unknown price setting \(name): use tld, register, renew, transfer")
        }
        func cents(_ name: String) throws(SimControlError) -> Int? {
            guard let text = query[name] else { return nil }
            guard let value = SimMoney.cents(text) else {
                throw SimControlError(message: "\(name) must be an amount in USD such as 32.97")
            }
            return value
        }
        return try setPrice(tld: tld, register: try cents("register"), renew: try cents("renew"), transfer: try cents("transfer"))
    }

    /// `/_sim/balance?amount=30.00`: sets the account balance and answers
    /// it. Without `amount` it only answers it.
    func balance(_ query: [String: String]) throws(SimControlError) -> JSONValue {
        for name in query.keys where name != "amount" {
            throw SimControlError(message: "unknown balance setting \(name): use amount, e.g. /_sim/balance?amount=30.00")
        }
        guard let text = query["amount"] else { return Self.balanceJSON(state.read { $0.balanceCents }) }
        guard let cents = SimMoney.cents(text) else {
            throw SimControlError(message: "amount must be an amount in USD such as 30.00")
        }
        return try setBalance(cents: cents)
    }

    /// Changes the given prices (USD cents) of `tld`; the others stay.
    func setPrice(tld: String, register: Int? = nil, renew: Int? = nil, transfer: Int? = nil) throws(SimControlError) -> JSONValue {
        for value in [register, renew, transfer] {
            if let value, value < 0 { throw SimControlError(message: "prices must not be negative") }
        }
        let name = tld.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        let updated: SimTLDPrice? = state.mutate { account in
            guard let index = account.tldPrices.firstIndex(where: { $0.tld == name }) else { return nil }
            if let register { account.tldPrices[index].registerCents = register }
            if let renew { account.tldPrices[index].renewCents = renew }
            if let transfer { account.tldPrices[index].transferCents = transfer }
            return account.tldPrices[index]
        }
        guard let updated else {
            let known = state.read { $0.tldPrices.map(\.tld) }.joined(separator: ", ")
            throw SimControlError(message: "tld \(name) is not sold here; known: \(known)")
        }
        return .object([
            "tld": .string(updated.tld), "register": .string(SimMoney.plain(updated.registerCents)),
            "renew": .string(SimMoney.plain(updated.renewCents)), "transfer": .string(SimMoney.plain(updated.transferCents)),
        ])
    }

    /// Sets the balance (USD cents, not negative: Dynadot balances never are).
    func setBalance(cents: Int) throws(SimControlError) -> JSONValue {
        guard cents >= 0 else { throw SimControlError(message: "the balance must not be negative") }
        state.mutate { $0.balanceCents = cents }
        return Self.balanceJSON(cents)
    }

    static func balanceJSON(_ cents: Int) -> JSONValue {
        .object(["balance": .string(SimMoney.plain(cents)), "currency": .string("USD")])
    }

    /// `/_sim/domain?name=a.com&renew=donot&note=x&privacy=full&lock=yes`,
    /// or `&remove=yes`: changes the named settings of one domain (or takes
    /// it out of the account) outside the API, and answers what it did.
    func domain(_ query: [String: String]) throws(SimControlError) -> JSONValue {
        let settings = ["name", "renew", "note", "privacy", "lock", "remove"]
        for name in query.keys where !settings.contains(name) {
            throw SimControlError(message: "unknown domain setting \(name): use \(settings.joined(separator: ", "))")
        }
        guard let name = query["name"]?.lowercased(), !name.isEmpty else {
            throw SimControlError(message: "name is required, e.g. /_sim/domain?name=a.com&renew=donot")
        }
        if query["remove"] == "yes" {
            let removed = state.mutate { account -> Bool in
                guard account.domainIndex[name] != nil else { return false }
                account.remove(domainNamed: name)
                return true
            }
            guard removed else { throw SimControlError(message: "no domain \(name) in the account") }
            return .object(["removed": .string(name)])
        }
        var renew: SimRenewOption?
        if let word = query["renew"] {
            guard let option = SimRenewOption(requestWord: word) else {
                throw SimControlError(message: "renew must be auto, donot or reset")
            }
            renew = option
        }
        if let privacy = query["privacy"], !["full", "partial", "none"].contains(privacy) {
            throw SimControlError(message: "privacy must be full, partial or none")
        }
        if let lock = query["lock"], !["yes", "no"].contains(lock) {
            throw SimControlError(message: "lock must be yes or no")
        }
        return try editDomain(name) { domain in
            if let renew { domain.renewOption = renew }
            if let note = query["note"] { domain.note = note }
            if let privacy = query["privacy"] { domain.privacy = privacy }
            if let lock = query["lock"] { domain.locked = lock == "yes" }
        }
    }

    /// Applies `change` to one domain, as a change made outside the API.
    func editDomain(_ name: String, _ change: (inout SimDomain) -> Void) throws(SimControlError) -> JSONValue {
        let edited: SimDomain? = state.mutate { account in
            guard let index = account.domainIndex[name.lowercased()] else { return nil }
            change(&account.domains[index])
            return account.domains[index]
        }
        guard let edited else { throw SimControlError(message: "no domain \(name) in the account") }
        return .object(["name": .string(edited.name), "renew": .string(edited.renewOption.rawValue), "note": .string(edited.note),
                        "privacy": .string(edited.privacy), "locked": .bool(edited.locked)])
    }
}
