package editor

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// This file holds the slug rules: what a slug may hold (CheckSlug), how a
// headline becomes one (Slugify) and how a taken slug gets its numeric
// suffix (SlugWithSuffix, TryUniqueSlug).

// MaxSlugLen bounds the length of a slug in bytes.
const MaxSlugLen = 100

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// CheckSlug reports why s is no valid slug, as Validate does: an *Error
// with code EINVALID, or nil. The empty slug is left to the caller (a
// draft's slug is required; a field may still be empty while typed).
func CheckSlug(s string) error {
	switch {
	case s == "":
		return nil
	case len(s) > MaxSlugLen:
		return Errorf(EINVALID, "slug is longer than %d characters", MaxSlugLen)
	case !slugPattern.MatchString(s):
		return Errorf(EINVALID, "slug %q may only hold lowercase letters, digits and single hyphens", s)
	}
	return nil
}

// Slugify turns a headline into a slug: lowercase ASCII letters and digits
// joined by single hyphens, at most 60 characters. Every Latin letter
// keeps its base letter (FoldLatin): "Ştefan Ăgoston and Őry" gives
// "stefan-agoston-and-ory". It returns "" when the text holds no letter or
// digit that folds to ASCII.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(FoldLatin(s)) {
		if b.Len() >= 60 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// FoldLatin replaces Latin letters by ASCII: compatibility decomposition
// (NFKD, so "ﬁ" is "fi" and a full-width "Ａ" is "A") with the combining
// marks dropped takes the accents off ("Ş" → "S", "Ő" → "O", "İ" → "I"),
// and latinLetters spells the letters that do not decompose ("ß" → "ss",
// "Ø" → "O", "Æ" → "AE", "Đ" → "D", "Þ" → "TH", "Ł" → "L", "ı" → "i").
// Other scripts are left as they are.
func FoldLatin(s string) string {
	out, _, err := transform.String(latinFolder(), s)
	if err != nil {
		return s
	}
	if strings.IndexFunc(out, func(r rune) bool { return latinLetters[r] != "" }) < 0 {
		return out
	}
	var b strings.Builder
	for _, r := range out {
		if f := latinLetters[r]; f != "" {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinFolder decomposes and drops the combining marks. A transform.Chain
// holds state, so each call gets its own.
func latinFolder() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// latinLetters spells the Latin letters that have no decomposition to an
// ASCII base letter. TestSlugifyKeepsEveryLatinLetter checks that every
// letter of the Latin blocks folds to ASCII; the glottal stops (Ɂ, ɂ) have
// no letter to fold to and are dropped like punctuation.
var latinLetters = map[rune]string{
	'ß': "ss", 'ẞ': "SS", 'Æ': "AE", 'æ': "ae", 'Œ': "OE", 'œ': "oe",
	'Ø': "O", 'ø': "o", 'Ð': "D", 'ð': "d", 'Đ': "D", 'đ': "d",
	'Þ': "TH", 'þ': "th", 'Ł': "L", 'ł': "l", 'ı': "i", 'ȷ': "j",
	'Ħ': "H", 'ħ': "h", 'Ŧ': "T", 'ŧ': "t", 'Ŋ': "NG", 'ŋ': "ng",
	'ĸ': "q", 'Ə': "A", 'ə': "a", 'Ɛ': "E", 'ɛ': "e", 'Ɔ': "O", 'ɔ': "o",
	'Ɲ': "N", 'ɲ': "n", 'Ʒ': "Z", 'ʒ': "z", 'Ɣ': "G", 'ɣ': "g",
	'Ɓ': "B", 'ɓ': "b", 'Ɗ': "D", 'ɗ': "d", 'Ƙ': "K", 'ƙ': "k", 'Ƴ': "Y", 'ƴ': "y",
	'ƀ': "b", 'Ƃ': "B", 'ƃ': "b", 'Ƈ': "C", 'ƈ': "c", 'Ɖ': "D", 'Ƌ': "D", 'ƌ': "d",
	'Ƒ': "F", 'ƒ': "f", 'Ɠ': "G", 'Ɩ': "I", 'Ɨ': "I", 'ƚ': "l", 'ƞ': "n", 'Ɵ': "O",
	'Ƥ': "P", 'ƥ': "p", 'ƫ': "t", 'Ƭ': "T", 'ƭ': "t", 'Ʈ': "T", 'Ʋ': "V", 'Ƶ': "Z", 'ƶ': "z",
	'Ǥ': "G", 'ǥ': "g", 'Ȥ': "Z", 'ȥ': "z", 'ȡ': "d", 'ȴ': "l", 'ȵ': "n", 'ȶ': "t",
	'ȸ': "db", 'ȹ': "qp", 'Ⱥ': "A", 'Ȼ': "C", 'ȼ': "c", 'Ƚ': "L", 'Ⱦ': "T", 'ȿ': "s", 'ɀ': "z",
	'Ƀ': "B", 'Ʉ': "U", 'Ɇ': "E", 'ɇ': "e", 'Ɉ': "J", 'ɉ': "j", 'Ɋ': "Q", 'ɋ': "q",
	'Ɍ': "R", 'ɍ': "r", 'Ɏ': "Y", 'ɏ': "y", 'Ƨ': "S", 'ƨ': "s", 'Ƽ': "5", 'ƽ': "5",
	'Ƅ': "6", 'ƅ': "6", 'Ɯ': "M", 'Ʀ': "R", 'Ʃ': "SH", 'ƪ': "sh", 'Ʊ': "U",
	'Ƹ': "Z", 'ƹ': "z", 'ƺ': "z", 'ƻ': "2", 'ƾ': "ts", 'ƿ': "w", 'Ƿ': "W",
	'ǀ': "c", 'ǁ': "x", 'ǂ': "c", 'ǃ': "q", 'Ȝ': "Y", 'ȝ': "y", 'Ȣ': "OU", 'ȣ': "ou",
	'ƕ': "hv", 'Ƕ': "HV", 'ƛ': "l", 'Ƣ': "OI", 'ƣ': "oi", 'ǝ': "e", 'Ƞ': "N", 'Ʌ': "V", 'ƍ': "d", 'Ǝ': "E", 'Ɽ': "R", 'ẜ': "s", 'ẝ': "s", 'ẟ': "d",
	'Ỻ': "LL", 'ỻ': "ll", 'Ỽ': "V", 'ỽ': "v", 'Ỿ': "Y", 'ỿ': "y",
}

// IsAutoSlug reports whether a's slug is still the automatic one: unset,
// the "untitled-…" placeholder of NewArticle, or the headline's slug,
// possibly with the numeric suffix SlugWithSuffix gave it to keep it
// unique. Only an automatic slug follows the headline as it is typed and
// may be changed by a save; a slug the user typed is never changed.
func IsAutoSlug(a *Article) bool {
	if a.Slug == "" || strings.HasPrefix(a.Slug, "untitled-") {
		return true
	}
	base := Slugify(a.Headline)
	if a.Slug == base {
		return true
	}
	n, ok := strings.CutPrefix(a.Slug, base+"-")
	return ok && base != "" && n != "" && strings.Trim(n, "0123456789") == ""
}

// SlugWithSuffix is base with the numeric suffix "-n", base cut short so
// that the result stays within MaxSlugLen: the name a second draft with
// the same slug gets ("-2", "-3" …).
func SlugWithSuffix(base string, n int) string {
	suffix := "-" + strconv.Itoa(n)
	if len(base)+len(suffix) > MaxSlugLen {
		base = strings.TrimRight(base[:MaxSlugLen-len(suffix)], "-")
	}
	return base + suffix
}

// maxSlugTries bounds how many suffixes TryUniqueSlug tries.
const maxSlugTries = 999

// TryUniqueSlug calls try with base and, while try reports that the slug is
// taken (an *Error with code ECONFLICT), with SlugWithSuffix(base, 2), 3 …
// up to 999. try returns whether to go on (false when the conflict is not
// the slug's) and its error. TryUniqueSlug returns the slug of the last try
// and its error.
func TryUniqueSlug(base string, try func(slug string) (retry bool, err error)) (string, error) {
	slug := base
	for i := 2; ; i++ {
		retry, err := try(slug)
		if err == nil || !retry || ErrorCode(err) != ECONFLICT || i > maxSlugTries {
			return slug, err
		}
		slug = SlugWithSuffix(base, i)
	}
}
