import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("Query language parser")
struct QueryParserTests {
    @Test("keys, negation, quoted values and free words parse into terms")
    func parsesTerms() throws {
        let query = try PortfolioQuery(parsing: #"Shop  tld:.COM -folder:"For Sale" exp:<30d -lock:yes ns:CloudFlare "-x""#)
        #expect(query.terms == [
            .init(.nameContains("shop")),
            .init(.tld("com")),
            .init(.folder("For Sale"), negated: true),
            .init(.expires(.relative(.less, amount: 30, unit: .day))),
            .init(.locked(true), negated: true),
            .init(.nameserver("cloudflare")),
            .init(.nameContains("-x")),
        ])
    }

    @Test("every key parses its documented values")
    func everyKey() throws {
        func only(_ text: String) throws -> PortfolioQuery.Condition {
            let terms = try PortfolioQuery(parsing: text).terms
            #expect(terms.count == 1)
            return terms[0].condition
        }
        #expect(try only("renew:donot") == .renew(.donot))
        #expect(try only("privacy:off") == .privacy(.none))
        #expect(try only("privacy:partial") == .privacy(.partial))
        #expect(try only("sale:no") == .forSale(false))
        #expect(try only("pending:yes") == .pending(true))
        #expect(try only("failed:yes") == .failed(true))
        #expect(try only("gone:yes") == .gone(true))
        #expect(try only(#"folder:"""#) == .folder(""))
        #expect(try only("exp:overdue") == .expires(.overdue))
        #expect(try only("exp:>1y") == .expires(.relative(.greater, amount: 1, unit: .year)))
        #expect(try only("exp:<=90d") == .expires(.relative(.lessOrEqual, amount: 90, unit: .day)))
        #expect(try only("exp:6m") == .expires(.relative(.lessOrEqual, amount: 6, unit: .month)))
        let jan = CalendarPeriod(parsing: "2027-01")!, mar = CalendarPeriod(parsing: "2027-03")!
        #expect(try only("exp:2027-01") == .expires(.calendar(nil, from: jan, through: jan)))
        #expect(try only("exp:2027-01..2027-03") == .expires(.calendar(nil, from: jan, through: mar)))
        #expect(try only("exp:>=2027-01") == .expires(.calendar(.greaterOrEqual, from: jan, through: jan)))
        #expect(try PortfolioQuery(parsing: "   ").terms.isEmpty)
    }

    @Test("errors point at the term and say what to type")
    func errorMessages() {
        func error(_ text: String) -> QueryError? {
            do { _ = try PortfolioQuery(parsing: text); return nil } catch { return error }
        }
        let typo = error("shop tdl:com")
        #expect(typo?.position == 5)
        #expect(typo?.length == 7)
        #expect(typo?.message == "unknown key 'tdl' — did you mean 'tld'? Keys: tld:com,net, folder:client*, exp:<30d, days:<45, registered:<1y, renew:auto, lock:yes, privacy:full, ns:*.cloudflare.com, note:WORD, sale:yes, price:100..1000, selected:yes, pending:yes, failed:yes, gone:yes, changed:<7d")
        #expect(typo?.description.hasPrefix("at column 6: unknown key 'tdl'") == true)
        #expect(error("colour:red")?.message == "unknown key 'colour' — Keys: tld:com,net, folder:client*, exp:<30d, days:<45, registered:<1y, renew:auto, lock:yes, privacy:full, ns:*.cloudflare.com, note:WORD, sale:yes, price:100..1000, selected:yes, pending:yes, failed:yes, gone:yes, changed:<7d")
        #expect(error("exp:<30x")?.message == "exp:<30x — use a number with d, m or y, e.g. exp:<30d")
        #expect(error("exp:soon")?.message.contains("e.g.") == false)
        #expect(error("exp:soon")?.message.contains("exp:2027-01..2027-03") == true)
        #expect(error("exp:2027-13")?.message.contains("exp:2027-01") == true)
        #expect(error("exp:2027-02-30") != nil)
        #expect(error("exp:2027-03..2027-01")?.message.contains("earlier month first") == true)
        #expect(error("exp:<2027-01..2027-02")?.message.contains("a range takes no") == true)
        #expect(error("lock:maybe")?.message == "lock:maybe — use lock:yes or lock:no")
        #expect(error("renew:sometimes")?.message == "renew:sometimes — use renew:auto, renew:donot or renew:none")
        #expect(error("privacy:max")?.message == "privacy:max — use privacy:full, privacy:partial or privacy:none")
        #expect(error("tld:")?.message == "tld: needs a value, e.g. tld:com (tld:com,net for either)")
        let quote = error(#"a folder:"For Sale"#)
        #expect(quote?.position == 9)
        #expect(quote?.message.hasPrefix("unclosed quote") == true)
        #expect(error("a - b")?.message.hasPrefix("'-' needs a term after it") == true)
    }

    @Test("value lists, OR and parentheses build groups; AND binds tighter than OR")
    func listsAndGroups() throws {
        func terms(_ text: String) throws -> [PortfolioQuery.Term] { try PortfolioQuery(parsing: text).terms }
        let comOrNet = PortfolioQuery.Term(.anyOf([[.init(.tld("com"))], [.init(.tld("net"))]]))
        #expect(try terms("tld:com,net") == [comOrNet])
        #expect(try terms("tld:com OR tld:net") == [comOrNet])
        #expect(try terms("(tld:com OR tld:net) exp:<30d") == [comOrNet, .init(.expires(.relative(.less, amount: 30, unit: .day)))])
        #expect(try terms("shop lock:yes OR sale:yes") == [.init(.anyOf([[.init(.nameContains("shop")), .init(.locked(true))],
                                                                         [.init(.forSale(true))]]))])
        #expect(try terms("-(tld:com OR tld:net)") == [.init(.anyOf([[.init(.tld("com"))], [.init(.tld("net"))]]), negated: true)])
        #expect(try terms("-tld:com,net") == [.init(.anyOf([[.init(.tld("com"))], [.init(.tld("net"))]]), negated: true)])
        #expect(try terms("(shop) (lock:yes)") == [.init(.nameContains("shop")), .init(.locked(true))])
        // A lower-case "or" and a quoted one are words; a quoted comma is text.
        #expect(try terms("or") == [.init(.nameContains("or"))])
        #expect(try terms(#""OR""#) == [.init(.nameContains("or"))])
        #expect(try terms(#"folder:"A, B""#) == [.init(.folder("A, B"))])
        #expect(try terms("note:a,b") == [.init(.note("a,b"))])
    }

    @Test("folder:none, wildcards, note, days, registered, prices and selected parse")
    func newKeys() throws {
        func only(_ text: String) throws -> PortfolioQuery.Condition {
            let terms = try PortfolioQuery(parsing: text).terms
            #expect(terms.count == 1)
            return terms[0].condition
        }
        #expect(try only("folder:none") == .folder(""))
        #expect(try only(#"folder:"none""#) == .folder("none"))
        #expect(try only("folder:Client*") == .folderMatching(.prefix("Client")))
        #expect(try only("folder:*Sale") == .folderMatching(.suffix("Sale")))
        #expect(try only("ns:*.CloudFlare.com") == .nameserverMatching(.suffix(".cloudflare.com")))
        #expect(try only("ns:ns1*") == .nameserverMatching(.prefix("ns1")))
        #expect(try only("ns:*flare*") == .nameserverMatching(.infix("flare")))
        #expect(try only("tld:c*") == .tldMatching(.prefix("c")))
        #expect(try only("note:Resell") == .note("resell"))
        #expect(try only("sale:>500") == .salePrice(.init(lower: 50_001, upper: nil)))
        #expect(try only("sale:yes") == .forSale(true))
        #expect(try only("price:100..1000") == .salePrice(.init(lower: 10_000, upper: 100_000)))
        #expect(try only("price:<=99.5") == .salePrice(.init(lower: nil, upper: 9_950)))
        #expect(try only("price:$1,250") == .salePrice(.init(lower: 125_000, upper: 125_000)))
        #expect(try only("days:<45") == .daysLeft(.init(lower: nil, upper: 44)))
        #expect(try only("days:-5..5") == .daysLeft(.init(lower: -5, upper: 5)))
        #expect(try only("registered:<1y") == .registered(.relative(.less, amount: 1, unit: .year)))
        let y2020 = CalendarPeriod(parsing: "2020")!
        #expect(try only("registered:2020") == .registered(.calendar(nil, from: y2020, through: y2020)))
        #expect(try only("selected:yes") == .selected(true))
        let query = try PortfolioQuery(parsing: "selected:yes OR -selected:no")
        #expect(query.mentionsSelection)
        let resolved = query.resolvingSelection(["a.com"])
        #expect(!resolved.mentionsSelection)
        #expect(resolved.terms == [.init(.anyOf([[.init(.named(["a.com"]))], [.init(.named(["a.com"]))]]))])
    }

    @Test("errors for the new forms say what to type; note: is a key now")
    func newFormErrors() {
        func message(_ text: String) -> String? {
            do { _ = try PortfolioQuery(parsing: text); return nil } catch { return error.message }
        }
        #expect(message("note:") == "note: needs a value, e.g. note:resell")
        #expect(message("nte:x")?.hasPrefix("unknown key 'nte' — did you mean 'note'?") == true)
        #expect(message("OR tld:com") == "OR needs a term on each side, e.g. tld:com OR tld:net")
        #expect(message("tld:com OR") == "OR needs a term on each side, e.g. tld:com OR tld:net")
        #expect(message("tld:com OR OR tld:net") == "OR needs a term on each side, e.g. tld:com OR tld:net")
        #expect(message("(tld:com OR tld:net")?.hasPrefix("unclosed '('") == true)
        #expect(message("tld:com)")?.hasPrefix("')' without a matching '('") == true)
        #expect(message("()")?.hasPrefix("empty group") == true)
        #expect(message("tld:com,") == "tld:com, — a list needs a value between every comma, e.g. tld:com,net")
        #expect(message("folder:a*b") == "folder:a*b — put * at the start or the end of a value, e.g. folder:client*")
        #expect(message("ns:*") == "ns:* — put * at the start or the end of a value, e.g. ns:*.cloudflare.com")
        #expect(message("price:cheap") == "price:cheap — use a price in dollars like price:>500 or a range like price:100..1000")
        #expect(message("sale:maybe") == "sale:maybe — use sale:yes, sale:no, a price in dollars like sale:>500 or a range like sale:100..1000")
        #expect(message("price:1000..100")?.contains("put the smaller number first") == true)
        #expect(message("days:soon") == "days:soon — use a number of days left, e.g. days:<45, days:>=0 or days:10..30")
        #expect(message("registered:soon")?.contains("registered:<1y") == true)
        #expect(message("registered:overdue")?.contains("registered:2020") == true)
        #expect(message("selected:maybe") == "selected:maybe — use selected:yes or selected:no")
        func position(_ text: String) -> Int? {
            do { _ = try PortfolioQuery(parsing: text); return nil } catch { return error.position }
        }
        #expect(position("a (tld:com") == 2)
    }

    @Test("sort fields parse with direction; typos get a suggestion")
    func sortParsing() throws {
        #expect(try DomainSort(parsing: "expires") == DomainSort(.expires))
        #expect(try DomainSort(parsing: "-tld") == DomainSort(.tld, descending: true))
        #expect(try DomainSort(parsing: "Folder:desc") == DomainSort(.folder, descending: true))
        #expect(try DomainSort(parsing: "lock:asc") == DomainSort(.lock))
        do {
            _ = try DomainSort(parsing: "exipres")
            Issue.record("a misspelt sort field was accepted")
        } catch {
            #expect(error.message == "unknown sort field 'exipres' — did you mean 'expires'? Fields: name, expires, tld, folder, renew, privacy, ns, sale, lock")
        }
    }
}

extension QueryParserTests {
    @Test("changed: takes a window before now; other forms say what to type")
    func changedWindow() throws {
        let query = try PortfolioQuery(parsing: "changed:<7d")
        #expect(query.terms.first?.condition == .changed(amount: 7, unit: .day))
        #expect(try PortfolioQuery(parsing: "-changed:<=3m").terms.first?.negated == true)
        #expect(throws: QueryError.self) { try PortfolioQuery(parsing: "changed:>7d") }
        #expect(throws: QueryError.self) { try PortfolioQuery(parsing: "changed:2027-01") }
    }
}
