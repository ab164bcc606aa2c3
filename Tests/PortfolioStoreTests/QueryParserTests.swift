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
        #expect(typo?.message == "unknown key 'tdl' — did you mean 'tld'? Keys: tld, folder, exp, renew, lock, privacy, ns, sale, pending, failed, gone, changed")
        #expect(typo?.description.hasPrefix("at column 6: unknown key 'tdl'") == true)
        #expect(error("colour:red")?.message == "unknown key 'colour' — Keys: tld, folder, exp, renew, lock, privacy, ns, sale, pending, failed, gone, changed")
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
        #expect(error("tld:")?.message == "tld: needs a value, e.g. tld:com")
        let quote = error(#"a folder:"For Sale"#)
        #expect(quote?.position == 9)
        #expect(quote?.message.hasPrefix("unclosed quote") == true)
        #expect(error("a - b")?.message.hasPrefix("'-' needs a term after it") == true)
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
