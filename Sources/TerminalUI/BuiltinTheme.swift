/// The text of `themes/default.toml`, compiled in (a test keeps the two identical).
enum BuiltinTheme {
    static let defaultTOML = #"""
# dynafolio theme: default — dark background, 256 colours.
#
# Each role sets fg / bg colours and attributes. A colour is "default" (the
# terminal's own), an ANSI name ("red", "bright-blue", …) or
# { c256 = N, c16 = "name" }: c256 on 256-colour terminals, c16 otherwise.
# attrs: bold, dim, reverse, underline, italic.
# mono: the attributes used instead when colour is off (NO_COLOR, or a
# terminal without colours); leave it out to keep attrs.
name = "default"
description = "Dark background, 256 colours with 16-colour fallbacks."

[roles.plain]
fg = "default"
bg = "default"

[roles.header]
fg = { c256 = 153, c16 = "bright-cyan" }
bg = { c256 = 236, c16 = "black" }
attrs = ["bold"]
mono = ["bold", "underline"]

[roles.row]
fg = "default"
bg = "default"

[roles.row-alt]
fg = "default"
bg = { c256 = 234, c16 = "black" }

[roles.cursor]
fg = { c256 = 231, c16 = "bright-white" }
bg = { c256 = 25, c16 = "blue" }
attrs = ["bold"]
mono = ["reverse"]

[roles.selected]
fg = { c256 = 81, c16 = "bright-cyan" }
attrs = ["bold"]
mono = ["bold"]

[roles.pending]
fg = { c256 = 141, c16 = "magenta" }
attrs = ["italic"]
mono = ["underline"]

[roles.conflict]
fg = { c256 = 201, c16 = "bright-magenta" }
attrs = ["bold"]
mono = ["bold", "underline"]

[roles.error]
fg = { c256 = 196, c16 = "bright-red" }
attrs = ["bold"]
mono = ["bold", "underline"]

[roles.ok]
fg = { c256 = 78, c16 = "green" }

[roles.dim]
fg = { c256 = 244, c16 = "bright-black" }
mono = ["dim"]

[roles.expiry-overdue]
fg = { c256 = 196, c16 = "bright-red" }
attrs = ["bold", "reverse"]
mono = ["bold", "underline", "reverse"]

[roles.expiry-30d]
fg = { c256 = 208, c16 = "red" }
attrs = ["bold", "underline"]
mono = ["bold", "reverse"]

[roles.expiry-90d]
fg = { c256 = 186, c16 = "yellow" }
mono = ["underline", "reverse"]

[roles.chart-bar]
fg = { c256 = 73, c16 = "cyan" }

[roles.status-bar]
fg = { c256 = 252, c16 = "white" }
bg = { c256 = 238, c16 = "bright-black" }
mono = ["reverse"]

[roles.tab-active]
fg = { c256 = 231, c16 = "bright-white" }
bg = { c256 = 25, c16 = "blue" }
attrs = ["bold"]
mono = ["reverse", "bold"]

[roles.tab]
fg = { c256 = 250, c16 = "white" }
bg = { c256 = 236, c16 = "black" }

[roles.footer-key]
fg = { c256 = 117, c16 = "bright-cyan" }
attrs = ["bold"]

[roles.footer]
fg = { c256 = 248, c16 = "white" }

[roles.dialog]
fg = { c256 = 252, c16 = "white" }
bg = { c256 = 237, c16 = "black" }

[roles.dialog-border]
fg = { c256 = 110, c16 = "cyan" }
bg = { c256 = 237, c16 = "black" }
attrs = ["bold"]

[roles.input]
fg = { c256 = 231, c16 = "bright-white" }
bg = { c256 = 239, c16 = "bright-black" }
mono = ["underline"]

[roles.help-key]
fg = { c256 = 117, c16 = "bright-cyan" }
attrs = ["bold"]
"""#
}
