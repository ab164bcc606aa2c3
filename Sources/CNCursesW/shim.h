#ifndef DYNAFOLIO_CNCURSESW_SHIM_H
#define DYNAFOLIO_CNCURSESW_SHIM_H

// The wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) is only
// declared when one of these is set before the first ncurses include;
// without it non-ASCII text cannot be drawn or typed.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
// Debian installs the wide build's headers under ncursesw/ (a link to the
// unified header that honours NCURSES_WIDECHAR).
#include <ncursesw/ncurses.h>

#endif
