/// Parses the `set` verbs shared by the CLI and the TUI's `:` command line
/// into an `Edit`, so both front ends accept exactly the same words:
///
///     ns ns1.example.net ns2.example.net     renew auto|donot|reset
///     privacy full|partial|off               lock
///     folder NAME|""|--clear                 note TEXT|""|--clear
///     forward URL [--permanent]              stealth URL [--title TITLE]
///     parking [--no-ads]                     sale PRICE [--type T] [--min-offer N]
///     unsale                                 contacts [--registrant ID] [--admin ID] [--technical ID] [--billing ID]
public enum EditVerbParser {
    /// The verbs, for help and completion.
    public static let verbs = ["ns", "renew", "privacy", "lock", "folder", "note", "forward", "stealth",
                               "parking", "sale", "unsale", "contacts"]

    /// Parses a whole line such as `ns a.example b.example` (shell-like
    /// quoting with `"…"` or `'…'`).
    public static func parse(_ line: String) throws -> Edit {
        try parse(words: split(line))
    }

    public static func parse(words: [String]) throws -> Edit {
        guard let verb = words.first?.lowercased() else {
            throw SyncError.invalidEdit("say what to set: \(verbs.joined(separator: ", "))")
        }
        var args = Array(words.dropFirst())
        func flag(_ name: String) -> Bool {
            guard let i = args.firstIndex(of: name) else { return false }
            args.remove(at: i)
            return true
        }
        func option(_ name: String) throws -> String? {
            guard let i = args.firstIndex(of: name) else { return nil }
            guard i + 1 < args.count else { throw SyncError.invalidEdit("\(name) needs a value") }
            let value = args[i + 1]
            args.removeSubrange(i...(i + 1))
            return value
        }
        func one(_ what: String, _ choices: [String]) throws -> String {
            guard args.count == 1, choices.contains(args[0].lowercased()) else {
                throw SyncError.invalidEdit("set \(verb) takes one of: \(choices.joined(separator: ", ")) (\(what))")
            }
            return args[0].lowercased()
        }
        switch verb {
        case "ns":
            guard !args.isEmpty else { throw SyncError.invalidEdit("set ns needs 1 to 13 name servers, e.g. set ns ns1.example.net ns2.example.net") }
            return .nameServers(args)
        case "renew":
            switch try one("renew option", ["auto", "donot", "reset", "none"]) {
            case "auto": return .renewOption(.auto)
            case "donot": return .renewOption(.donot)
            default: return .renewOption(.none)
            }
        case "privacy":
            switch try one("privacy", ["full", "partial", "off", "none"]) {
            case "full": return .privacy(.full)
            case "partial": return .privacy(.partial)
            default: return .privacy(.none)
            }
        case "lock":
            guard args.isEmpty else { throw SyncError.invalidEdit("set lock takes no value (the API can lock, not unlock)") }
            return .lock
        case "folder":
            if flag("--clear") {
                guard args.isEmpty else { throw SyncError.invalidEdit("set folder --clear takes no name") }
                return .folder("")
            }
            guard !args.isEmpty else {
                throw SyncError.invalidEdit("set folder needs a folder name; to take the domains out of their folder say so explicitly: set folder \"\" (or --clear)")
            }
            let name = args.joined(separator: " ")
            return .folder(name.lowercased() == "default" ? "" : name)
        case "note":
            if flag("--clear") {
                guard args.isEmpty else { throw SyncError.invalidEdit("set note --clear takes no text") }
                return .note("")
            }
            guard !args.isEmpty else {
                throw SyncError.invalidEdit("set note needs the note text; to clear the note say so explicitly: set note \"\" (or --clear)")
            }
            return .note(args.joined(separator: " "))
        case "forward":
            let permanent = flag("--permanent")
            guard args.count == 1 else { throw SyncError.invalidEdit("set forward needs one URL, e.g. set forward https://example.com [--permanent]") }
            return .forwarding(url: args[0], permanent: permanent)
        case "stealth":
            let title = try option("--title") ?? ""
            guard args.count == 1 else { throw SyncError.invalidEdit("set stealth needs one URL, e.g. set stealth https://example.com --title 'My site'") }
            return .stealth(url: args[0], title: title)
        case "parking":
            let noAds = flag("--no-ads")
            guard args.isEmpty else { throw SyncError.invalidEdit("set parking takes only --no-ads") }
            return .parking(withAds: !noAds)
        case "sale":
            let type = try option("--type") ?? "buy_now"
            let minOffer = try option("--min-offer").map(money)
            guard args.count <= 1 else { throw SyncError.invalidEdit("set sale takes one price, e.g. set sale 499 --type buy_now") }
            let price = try args.first.map(money)
            return .forSale(SaleTerms(listingType: type, priceCents: price, minimumOfferCents: minOffer))
        case "unsale":
            return .unlist
        case "contacts", "whois":
            let r = try option("--registrant"), a = try option("--admin")
            let t = try option("--technical"), b = try option("--billing")
            guard args.isEmpty, r != nil || a != nil || t != nil || b != nil else {
                throw SyncError.invalidEdit("set contacts needs --registrant, --admin, --technical and/or --billing with contact ids")
            }
            return .contacts(registrant: r, admin: a, technical: t, billing: b)
        default:
            throw SyncError.invalidEdit("unknown setting '\(verb)'; use one of: \(verbs.joined(separator: ", "))")
        }
    }

    static func money(_ text: String) throws -> Int64 {
        do {
            return try Cents.parse(text, what: "the amount")
        } catch {
            throw SyncError.invalidEdit(error.description)
        }
    }

    /// Splits on spaces, honouring `"…"` and `'…'` quotes.
    public static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
