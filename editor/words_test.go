package editor

import (
	"encoding/json"
	"strings"
	"testing"
)

// wordCases are the word counts every screen and format must agree on.
var wordCases = []struct {
	in   string
	want int
}{
	{"", 0},
	{"one", 1},
	{"  **Tea** growers’ well-being, 1,200 bags. ", 5},
	{"# Heading\n\n- item one\n- item two", 5},
	{"Müller sagte: „Nein“", 3},
	{"Port workers — a strike", 4},
	{"> quoted *text* here", 3},
	// Issue 13: a reader counts e.g., 3.5%, of, U.S., cargo.
	{"e.g. 3.5% of U.S. cargo", 5},
	{"i.e., the U.K.'s 1,200.50 tonnes", 5},
	{"don't stop-and-go", 2},
	{"end. Next", 2},
	{"a,b", 2},
	{"1,200,300 and 4,5", 3},
	{"Ame\u0301lie (decomposed)", 2},
	{"-- - ... ,,, %", 0},
	{"trailing-", 1},
	{"’quoted’", 1},
}

func TestCountWords(t *testing.T) {
	for _, tt := range wordCases {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestWordTokensAgreeWithCountWords checks that the diff tokens join back
// to the text and hold exactly CountWords words.
func TestWordTokensAgreeWithCountWords(t *testing.T) {
	for _, tt := range wordCases {
		toks := WordTokens(tt.in)
		if got := strings.Join(toks, ""); got != tt.in {
			t.Errorf("WordTokens(%q) joins to %q", tt.in, got)
		}
		n := 0
		for _, tok := range toks {
			if IsWordToken(tok) {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("WordTokens(%q) has %d words %q, want %d", tt.in, n, toks, tt.want)
		}
	}
}

func FuzzWordTokens(f *testing.F) {
	for _, tt := range wordCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := WordTokens(s)
		if strings.Join(toks, "") != s {
			t.Fatalf("tokens of %q do not join back", s)
		}
		n := 0
		for _, tok := range toks {
			if tok == "" {
				t.Fatalf("empty token in %q", s)
			}
			if IsWordToken(tok) {
				n++
			}
		}
		if n != CountWords(s) {
			t.Fatalf("WordTokens(%q) has %d words, CountWords %d", s, n, CountWords(s))
		}
	})
}

// TestNinjsWordCountIsCountWords checks that the ninjs export counts the
// words of its plain body with CountWords.
func TestNinjsWordCountIsCountWords(t *testing.T) {
	a := NewArticle(fixtureNow)
	a.Headline = "Cargo"
	a.Body = "e.g. 3.5% of U.S. cargo"
	data, err := RenderNinjs(a, DefaultProfile(), RenderOptions{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	var n Ninjs
	if err := json.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	for _, b := range n.Bodies {
		if b.ContentType != "text/plain" {
			continue
		}
		if got, want := b.WordCount, CountWords(b.Value); got != want {
			t.Errorf("ninjs wordcount = %d, CountWords of its text = %d", got, want)
		}
		if !strings.HasPrefix(b.Value, "e.g. 3.5% of U.S. cargo\n") {
			t.Errorf("plain body = %q", b.Value)
		}
	}
}
