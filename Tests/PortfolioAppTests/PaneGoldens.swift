/// Golden screens of the Expiries and DNS panes (see ``Goldens`` for how
/// to update one).
enum PaneGoldens {
    static let expiries80 = #"""
        1 Dom  2 Expiries  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         1 expired · next 24 months: 6 domains $32.97 +3? · auto-renew 4 $10.99 +3?
          Month    Domains     Renewal  Auto   Auto cost █ auto-renew ░ other
          Overdue        0       $0.00     0       $0.00
          In grace       1      $12.99     0       $0.00 ░░░░░░░░░░░░░░░
          2026-11        1      $10.99     1      $10.99 ███████████████
          2026-12        2    no price     2    no price ██████████████████████████████
          2027-01        1      $10.99     0       $0.00 ░░░░░░░░░░░░░░░
          2027-02        0       $0.00     0       $0.00
          2027-03        0       $0.00     0       $0.00
          2027-04        0       $0.00     0       $0.00
          2027-05        1      $10.99     0       $0.00 ░░░░░░░░░░░░░░░
          2027-06        0       $0.00     0       $0.00
          2027-07        0       $0.00     0       $0.00
          2027-08        0       $0.00     0       $0.00
          2027-09        0       $0.00     0       $0.00
          2027-10        0       $0.00     0       $0.00
          2027-11        0       $0.00     0       $0.00
          2027-12        0       $0.00     0       $0.00
          2028-01        0       $0.00     0       $0.00
          2028-02        0       $0.00     0       $0.00
          2028-03        1    no price     1    no price ███████████████
         acme │ cache 5m │ no key │ $100.00                        0 selected │ queue 0
         Space select  Enter domains  + renew  a auto-renew  ? help  q quit  r sync
        """#
    static let expiries160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
         1 expired · next 24 months: 6 domains $32.97 +3? · auto-renew 4 $10.99 +3? · +N?: N without a cached price
          Month    Domains     Renewal  Auto   Auto cost █ auto-renew ░ other
          Overdue        0       $0.00     0       $0.00
          In grace       1      $12.99     0       $0.00 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
          2026-11        1      $10.99     1      $10.99 ████████████████████████████████
        ● 2026-12        2    no price     2    no price ████████████████████████████████████████████████████████████████
          2027-01        1      $10.99     0       $0.00 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
          2027-02        0       $0.00     0       $0.00
          2027-03        0       $0.00     0       $0.00
          2027-04        0       $0.00     0       $0.00
          2027-05        1      $10.99     0       $0.00 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
          2027-06        0       $0.00     0       $0.00
          2027-07        0       $0.00     0       $0.00
          2027-08        0       $0.00     0       $0.00
          2027-09        0       $0.00     0       $0.00
          2027-10        0       $0.00     0       $0.00
          2027-11        0       $0.00     0       $0.00
          2027-12        0       $0.00     0       $0.00
          2028-01        0       $0.00     0       $0.00
          2028-02        0       $0.00     0       $0.00
          2028-03        1    no price     1    no price ████████████████████████████████
          2028-04        0       $0.00     0       $0.00
          2028-05        0       $0.00     0       $0.00
          2028-06        0       $0.00     0       $0.00
          2028-07        0       $0.00     0       $0.00
          2028-08        0       $0.00     0       $0.00
          2028-09        0       $0.00     0       $0.00
          2028-10        0       $0.00     0       $0.00
          Later          0       $0.00     0       $0.00
          Total          7  $45.96 +3?     4  $10.99 +3?















         acme │ cache 5m │ no key │ $100.00                                                                                                        2 selected │ queue 0
         Space select  Enter domains  + renew  a auto-renew  ? help  q quit  r sync  : cmd
        """#
    static let expiriesRenew80 = #"""
        1 Dom  2 Expiries  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         1 expired · next 24 months: 6 domains $32.97 +3? · auto-renew 4 $10.99 +3?
          Month    Domains     Renewal  Auto   Auto cost █ auto-renew ░ other
          Overdue        0       $0.00     0       $0.00
          In grace       1      $12.99     0       $0.00 ░░░░░░░░░░░░░░░
        ● 2026-11        1      $10.99     1      $10.99 ███████████████
          2026-12        2    no price     2    no price ██████████████████████████████
          20┌─ Renew (spends money) ───────────────────────────────────────────────┐
          20│ 1 domain × 2 years — total $21.98                                    │
          20│                                                                      │
          20│ balance $100.00 → $78.02 once pushed                                 │
          20│   alpha.com  $21.98                                                  │
          20│                                                                      │
          20│                      [ Queue renewal ]   [ No ]                      │
          20└──────────────────────────────────────────────────────────────────────┘
          2027-09        0       $0.00     0       $0.00
          2027-10        0       $0.00     0       $0.00
          2027-11        0       $0.00     0       $0.00
          2027-12        0       $0.00     0       $0.00
          2028-01        0       $0.00     0       $0.00
          2028-02        0       $0.00     0       $0.00
          2028-03        1    no price     1    no price ███████████████
         acme │ cache 5m │ no key │ $100.00                        1 selected │ queue 0
         Space select  Enter domains  + renew  a auto-renew  ? help  q quit  r sync
        """#
    static let dns80 = #"""
        1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         bücher.de · Dynadot DNS · fetched 2h ago · 5 records · TTL 3600
          Host Type    Value                                          Prio/extra     TTL
          @    A       192.0.2.10                                                   3600
          @    MX      mx1.mailhost.example                           10            3600
          @    TXT     v=spf1 include:_spf.mailhost.example ~all                    3600
          www  CNAME   xn--bcher-kva.de                                             3600
          shop A       192.0.2.20                                                   3600














         acme │ cache 5m │ no key │ $100.00                        0 selected │ queue 0
         a add  e edit  x delete  u revert  C copy  ? help  q quit  r sync  : cmd
        """#
    static let dnsDiff160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue (1)   8 History   9 Acquire   0 Account   Transfers
         bücher.de · Dynadot DNS · fetched 2h ago · 5 records · TTL 3600
         Queued: +1 ~1 -1 · 5 records in one set_dns2 · u reverts
          Host Type    Value                                                                                                                          Prio/extra     TTL
        ~ @    A       192.0.2.11  (was 192.0.2.10)                                                                                                                 3600
          @    MX      mx1.mailhost.example                                                                                                           10            3600
          @    TXT     v=spf1 include:_spf.mailhost.example ~all                                                                                                    3600
        + @    MX      mx2.mailhost.example                                                                                                           20            3600
          www  CNAME   xn--bcher-kva.de                                                                                                                             3600
        - shop A       192.0.2.20                                                                                                                                   3600




































         acme │ cache 5m │ no key │ $100.00                                                                                                        0 selected │ queue 1
         bücher.de: queued the record set (5 records, one set_dns2) — press 7 (Queue) to review and push
        """#
    static let dnsDiff80 = #"""
        1 Domains  2 Expiries  3 DNS  4 Li  5 Co  6 Or  7 Qu (1)  8 Hi  9 Acq  0 Acc  Tr
         bücher.de · Dynadot DNS · fetched 2h ago · 5 records · TTL 3600
         Queued: +1 ~1 -1 · 5 records in one set_dns2 · u reverts
          Host Type    Value                                          Prio/extra     TTL
        ~ @    A       192.0.2.11  (was 192.0.2.10)                                 3600
          @    MX      mx1.mailhost.example                           10            3600
          @    TXT     v=spf1 include:_spf.mailhost.example ~all                    3600
        + @    MX      mx2.mailhost.example                           20            3600
          www  CNAME   xn--bcher-kva.de                                             3600
        - shop A       192.0.2.20                                                   3600










         bücher.de: queued the record set (5 records, one set_dns2) — press 7 (Queue)
         to review and push
         acme │ cache 5m │ no key │ $100.00                        0 selected │ queue 1
         a add  e edit  x delete  u revert  C copy  ? help  q quit  r sync  : cmd
        """#
    static let dnsFormError80 = #"""
        1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         bücher.de · Dynadot DNS · fetched 2h ago · 5 records · TTL 3600
          Host Type    Value                                          Prio/extra     TTL
          @    A       192.0.2.10                                                   3600
          @    MX      mx1.mailhost.example                           10            3600
          @    TXT     v=spf1 include:_spf.mailhost.example ~all                    3600
          www  CNAME   xn--bcher-kva.de                                             3600
          shop A       192.0.2.20                                                   3600






        ┌─ Add a record to bücher.de ──────────────────────────────────────────────────┐
        │   host     @                                                                 │
        │   type     A                                                                 │
        │ › value    192.0.2.300                                                       │
        │   priority                                                                   │
        │ ✗ an A record needs an IPv4 address such as 192.0.2.10                       │
        │ Tab next field · Enter check and queue · Esc cancel                          │
        └──────────────────────────────────────────────────────────────────────────────┘
         acme │ cache 5m │ no key │ $100.00                        0 selected │ queue 0
         a add  e edit  x delete  u revert  C copy  ? help  q quit  r sync  : cmd
        """#
    static let dnsFormError160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
         bücher.de · Dynadot DNS · fetched 2h ago · 5 records · TTL 3600
          Host Type    Value                                                                                                                          Prio/extra     TTL
          @    A       192.0.2.10                                                                                                                                   3600
          @    MX      mx1.mailhost.example                                                                                                           10            3600
          @    TXT     v=spf1 include:_spf.mailhost.example ~all                                                                                                    3600
          www  CNAME   xn--bcher-kva.de                                                                                                                             3600
          shop A       192.0.2.20                                                                                                                                   3600






























        ┌─ Add a record to bücher.de ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
        │   host     @                                                                                                                                                 │
        │   type     A                                                                                                                                                 │
        │ › value    192.0.2.300                                                                                                                                       │
        │   priority                                                                                                                                                   │
        │ ✗ an A record needs an IPv4 address such as 192.0.2.10                                                                                                       │
        │ Tab next field · Enter check and queue · Esc cancel                                                                                                          │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
         acme │ cache 5m │ no key │ $100.00                                                                                                        0 selected │ queue 0
         a add  e edit  x delete  u revert  C copy  ? help  q quit  r sync  : cmd
        """#
    static let dnsCopy80 = #"""
        1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         bücher.de · Dynadot DNS · fetched 2h ago · 5 records · TTL 3600
          Host Type    Value                                          Prio/extra     TTL
          @    A       192.0.2.10                                                   3600
          @ ┌─ Copy the record set of bücher.de ───────────────────────────────────┐3600
          @ │ Replace the DNS records of 2 domains with these 5 — 1 set_dns2 call  │3600
          ww│                                                                      │3600
          sh│ Records:                                                             │3600
            │   @  A  192.0.2.10                                                   │
            │   @  MX  mx1.mailhost.example  10                                    │
            │   @  TXT  v=spf1 include:_spf.mailhost.example ~all                  │
            │   www  CNAME  xn--bcher-kva.de                                       │
            │   shop  A  192.0.2.20                                                │
            │ Domains:                                                             │
            │   alpha.com  (switches from ns1.hostingco.net +1)                    │
            │   bravo.net  (switches from parking)                                 │
            │                                                                      │
            │                          [ Queue ]   [ No ]                          │
            └──────────────────────────────────────────────────────────────────────┘



         acme │ cache 5m │ no key │ $100.00                        2 selected │ queue 0
         a add  e edit  x delete  u revert  C copy  ? help  q quit  r sync  : cmd
        """#
    static let dnsNotOnDns80 = #"""
        1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
         alpha.com · ns1.hostingco.net +1
         alpha.com is not on Dynadot DNS. It uses
           name servers ns1.hostingco.net, ns2.hostingco.net.

         D switches it to Dynadot DNS: that queues an empty record set (asks first);
         add its records here before pushing.















         acme │ cache 5m │ no key │ $100.00                        0 selected │ queue 0
         a add  e edit  x delete  u revert  C copy  ? help  q quit  r sync  : cmd
        """#
}
