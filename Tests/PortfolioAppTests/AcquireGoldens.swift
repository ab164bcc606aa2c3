/// Golden screens of the Acquire pane.
enum AcquireGoldens {
    static let acquire80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acquire  0 Acc  Tra
         Acquire · 4 names · 2 available · 1 year · a add names
          Domain                                           Status      Price/yr Checked
          shiny-new.com                                    available     $10.99      1m
          ab.com                                           premium      $549.50      1m
          taken-one.com                                    taken                     1m
          alpha.com                                        yours                     1m















         acme │ cache 5m │ online │ $100.00                  1/4 │ 0 selected │ queue 0
         a add  Space select  x remove  Y years  s search  R register  B backorder
        """#

    static let acquireRegister80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acquire  0 Acc  Tra
         Acquire · 4 names · 2 available · 1 year · 4 selected · a add names
          Domain                                           Status      Price/yr Checked
        ● shiny-new.com                                    available     $10.99      1m
        ● ab.com                                           premium      $549.50      1m
        ● taken-one.com                                    taken                     1m
        ● al┌─ Register (spends money) ────────────────────────────────────────────┐ 1m
            │ Register 2 domains for 1 year: $560.49 (2 not available skipped)     │
            │                                                                      │
            │ balance $100.00 does not cover $560.49: the push will hold these     │
            │   Searched again before paying: a higher price is held, not paid.    │
            │   shiny-new.com  $10.99                                              │
            │   ab.com (premium)  $549.50                                          │
            │                                                                      │
            │                        [ Register ]   [ No ]                         │
            └──────────────────────────────────────────────────────────────────────┘






         acme │ cache 5m │ online │ $100.00                  4/4 │ 0 selected │ queue 0
         a add  Space select  x remove  Y years  s search  R register  B backorder
        """#
}
