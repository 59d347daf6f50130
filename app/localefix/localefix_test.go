package localefix

import (
	"os"
	"testing"
)

func TestApply(t *testing.T) {
	for _, tt := range []struct {
		name                    string
		lcAll, lcMessages, lang string
		language, want          string
	}{
		{"C", "", "", "C", "", "en"},
		{"C.UTF-8", "", "", "C.UTF-8", "", "en"},
		{"POSIX in LC_ALL wins", "POSIX", "", "de_DE.UTF-8", "", "en"},
		{"real locale untouched", "", "", "fr_FR.UTF-8", "", ""},
		{"LC_ALL real beats LANG=C", "de_DE.UTF-8", "", "C", "", ""},
		{"LANGUAGE already set", "", "", "C.UTF-8", "pt", "pt"},
		{"nothing set", "", "", "", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LC_ALL", tt.lcAll)
			t.Setenv("LC_MESSAGES", tt.lcMessages)
			t.Setenv("LANG", tt.lang)
			t.Setenv("LANGUAGE", tt.language)
			Apply()
			if got := os.Getenv("LANGUAGE"); got != tt.want {
				t.Errorf("LANGUAGE = %q, want %q", got, tt.want)
			}
		})
	}
}
