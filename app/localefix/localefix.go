// Package localefix keeps Fyne from logging "Error parsing user locale C"
// under the C or POSIX locale (LANG=C, LANG=C.UTF-8, LC_ALL=POSIX …).
//
// Fyne looks the locale up while its lang package initialises, before main
// runs, so the fix has to happen in a package initialiser too. main imports
// this package for its side effect; it depends on nothing but the standard
// library, so Go's initialisation order (ready packages first, by import
// path) runs it before github.com/jeandeaual/go-locale and fyne.io's lang.
// The end-to-end tests run the binary under LANG=C to keep that true.
package localefix

import (
	"os"
	"strings"
)

func init() {
	Apply()
}

// Apply sets LANGUAGE=en when the effective message locale is C or POSIX
// and LANGUAGE is unset. Such a locale names no language, so the window is
// in English either way; LANGUAGE is read by the locale lookup before it
// would split "C.UTF-8" into a language named "C". LC_* and LANG are left as
// they are for everything else.
func Apply() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		lang, _, _ := strings.Cut(v, ".")
		lang, _, _ = strings.Cut(lang, "@")
		if lang == "C" || lang == "POSIX" {
			_ = os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
