/// Golden screens of the Listings, Contacts and Orders panes (TZ=UTC, now =
/// 2026-11-01T00:00:00Z), reviewed by eye before being pinned.
enum AccountPaneGoldens {
    static let listingsForm80 = #"""
        1 Dom  2 Exp  3 DNS  4 Listings  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         Your listings · 3 for sale · 2 priced · 2 selected · m marketplace
            Domain                     Price Type                   Min offer Expires
        ●   charlie.com            $2,500.00 buy_now_and_make_off…  $1,000.00 2027-05-20
            delta.io           ? (F fetches)                                  2026-12-16
        ●   bücher.de                $499.00 buy_now                          2026-12-31

            ┌─ List for sale ──────────────────────────────────────────────────────┐
            │ 2 domains: charlie.com, bücher.de                                    │
            │                                                                      │
            │ Price      12x                                                       │
            │ Type       offer                                                     │
            │ Min offer  optional, USD                                             │
            │                                                                      │
            │ the price '12x' is not an amount in USD; e.g. 120 or 99.50           │
            └──────────────────────────────────────────────────────────────────────┘






         acme │ cache 5m │ no key │ $100.00                  3/3 │ 2 selected │ queue 0
         Space select  $ price  U unlist  F fetch  m market  ? help  q quit  r sync
        """#

    static let listings80 = #"""
        1 Domains  2 Ex  3 DN  4 Listings  5 Co  6 Or  7 Qu (2)  8 Hi  9 Acq  0 Acc  Tr
         Your listings · 3 for sale · 2 priced · m marketplace
            Domain                           Price Type             Min offer Expires
          • charlie.com                  → $120.00 → buy_now                  2027-05-20
            delta.io                 ? (F fetches)                            2026-12-16
          • bücher.de                    → $120.00 → buy_now                  2026-12-31
















         acme │ cache 5m │ no key │ $100.00                  3/3 │ 0 selected │ queue 2
         queued sale terms on 2 domains — press 7 (Queue) to review and push
        """#

    static let listings160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue (2)   8 History   9 Acquire   0 Account   Transfers
         Your listings · 3 for sale · 2 priced · m marketplace
            Domain                                                   Price Type                        Min offer Expires
          • charlie.com                                          → $120.00 → buy_now                             2027-05-20
            delta.io                                         ? (F fetches)                                       2026-12-16
          • bücher.de                                             → unlist                                       2026-12-31








































         acme │ cache 5m │ no key │ $100.00                                                                                                  3/3 │ 0 selected │ queue 2
         queued unlisting of 1 domain — press 7 (Queue) to review and push
        """#

    static let marketplace160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
        /a                                                                                                                                     Marketplace · 4 listings
        Domain                                                Price Links  Age Status
        charlie.com                                       $2,500.00            yours
        gamma-ray.com                                     $1,200.00    12    9 buy now
        hotel-lima.net                                       $45.00     0    3 buy now
        india.io                                            $899.00         15 sale pending







































         acme │ cache 5m │ no key │ $100.00                                                                                                  1/4 │ 0 selected │ queue 0
         Space select  $ price  U unlist  F fetch  m market  ? help  q quit  r sync  : cmd
        """#

    static let marketplaceBuy80 = #"""
        1 Dom  2 Exp  3 DNS  4 Listings  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
        /a                                                     Marketplace · 4 listings
        Domain                                     Price Links  Age Status
        charlie.com                            $2,500.00            yours
        gamma-ray.com                          $1,200.00    12    9 buy now
        hotel-lima.net                            $45.00     0    3 buy now
        india.io                                 $899.00         15 sale pending
            ┌─ Buy it now (spends money) ──────────────────────────────────────────┐
            │ Buy gamma-ray.com for $1,200.00 USD?                                 │
            │                                                                      │
            │ balance $100.00 does not cover $1,200.00: the push will hold these   │
            │   The purchase is queued; the push asks again before it spends.      │
            │   price  $1,200.00                                                   │
            │                                                                      │
            │                     [ Queue purchase ]   [ No ]                      │
            └──────────────────────────────────────────────────────────────────────┘






         acme │ cache 5m │ no key │ $100.00                  2/4 │ 0 selected │ queue 0
         Space select  $ price  U unlist  F fetch  m market  ? help  q quit  r sync
        """#

    static let contacts80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Contacts  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         2 contacts · domains per role · select domains in Domains (1) to assign
          Id     Name           Organization  Email              Cty  Reg  Adm Tech Bill
          101    Ada Lovelace                 ada@example.org    GB     1    1    0    1
          102    Tech Desk      Hosting Co    tech@example.org   US     0    0    1    0

















         acme │ cache 5m │ no key │ $100.00                  1/2 │ 0 selected │ queue 0
         e edit  A assign  ? help  q quit  r sync  : cmd
        """#

    static let contactsAssign160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
         2 contacts · domains per role · 3 domains selected to assign
          Id     Name                           Organization                   Email                                Cty  Reg  Adm Tech Bill
          101    Ada Lovelace                                                  ada@example.org                      GB     1    1    0    1
          102    Tech Desk                      Hosting Co                     tech@example.org                     US     0    0    1    0












                                                    ┌─ Assign contact 102 ─────────────────────────────────────────────────┐
                                                    │ 3 domains (3 change) — 2 set_whois calls                             │
                                                    │                                                                      │
                                                    │   roles  registrant, technical                                       │
                                                    │   contact  102 Tech Desk                                             │
                                                    │                                                                      │
                                                    │   alpha.com                                                          │
                                                    │   bravo.net                                                          │
                                                    │   charlie.com                                                        │
                                                    │                                                                      │
                                                    │                          [ Queue ]   [ No ]                          │
                                                    └──────────────────────────────────────────────────────────────────────┘

















         acme │ cache 5m │ no key │ $100.00                                                                                                  1/2 │ 3 selected │ queue 0
         e edit  A assign  ? help  q quit  r sync  : cmd
        """#

    static let contactsEdit80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Contacts  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         2 contacts · domains per role · select domains in Domains (1) to assign
          Id     Name           Organization  Email              Cty  Reg  Adm Tech Bill
          101    Ada Lovelace                 ada@example.org    GB     1    1    0    1
          10┌─ Edit contact 101 ───────────────────────────────────────────────────┐   0
            │ Name          Ada Lovelace                                           │
            │ Organization                                                         │
            │ Email         ada-at-example.org                                     │
            │ Phone CC      digits, e.g. 1 or 44                                   │
            │ Phone                                                                │
            │ Address 1                                                            │
            │ Address 2                                                            │
            │ City                                                                 │
            │ State                                                                │
            │ ZIP                                                                  │
            │ Country       GB                                                     │
            │                                                                      │
            │ Phone CC is required                                                 │
            └──────────────────────────────────────────────────────────────────────┘



         acme │ cache 5m │ no key │ $100.00                  1/2 │ 0 selected │ queue 0
         e edit  A assign  ? help  q quit  r sync  : cmd
        """#

    static let orders80 = #"""
        1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Orders  7 Que  8 His  9 Acq  0 Acc  Tra
         3 orders · $545.96 · all dates, any status · / filters
        Date       Order    Items                                        Cost Status
        2026-10-30 5003     Marketplace Purchase kilo.com             $499.00 Processing
        2026-10-20 5002     Renewal ×2 charlie.com 2y, bravo.net 1…    $35.97 Completed
        2026-09-22 5001     Renewal alpha.com 1y                       $10.99 Completed
















         acme │ cache 5m │ no key │ $100.00                  1/3 │ 0 selected │ queue 0
         / filter  s status  ? help  q quit  r sync  : cmd
        """#

    static let orders160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
         1 order · $35.97 · 2026-10-01 to 2026-10-30, completed · / filters
        Date       Order    Items                                                                                                                         Cost Status
        2026-10-20 5002     Renewal ×2 charlie.com 2y, bravo.net 1y; Registration newname.org 1y                                                        $35.97 Completed










































         acme │ cache 5m │ no key │ $100.00                                                                                                  1/1 │ 0 selected │ queue 0
         / filter  s status  ? help  q quit  r sync  : cmd
        """#
}
