/// Golden screens of the Queue pane's grouped plan with DNS diffs.
enum QueueGoldens {
    static let queueDns80 = #"""
        1 Domains  2 Ex  3 DN  4 Li  5 Co  6 Or  7 Queue (1)  8 Hi  9 Acq  0 Acc  Tr
        Domain                     Field Before             After
        Plan: 1 change in 1 API call
        ▾ DNS records → Dynadot DNS, 5 records · 1 domain · 1 call
          bücher.de                ns    Dynadot DNS, 5 re… → Dynadot DNS, 5 records
                                                            + MX mx2.mailhost.example 20
                                                            - shop A 192.0.2.20















         acme │ cache 5m │ no key │ $100.00                        0 selected │ queue 1
         p push  Enter open  x drop  t retry  K keep remote  M mine  ? help  q quit
        """#

    static let queueDns160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue (1)   8 History   9 Acquire   0 Account   Transfers
        Domain                     Field Before                                   After
        Plan: 1 change in 1 API call
        ▾ DNS records → Dynadot DNS, 5 records · 1 domain · 1 call
          bücher.de                ns    Dynadot DNS, 5 records                   → Dynadot DNS, 5 records
                                                                                  + MX mx2.mailhost.example 20
                                                                                  - shop A 192.0.2.20







































         acme │ cache 5m │ no key │ $100.00                                                                                                        0 selected │ queue 1
         p push  Enter open  x drop  t retry  K keep remote  M mine  ? help  q quit  r sync  : cmd
        """#
}
