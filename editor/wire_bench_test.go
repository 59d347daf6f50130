package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchWireCopy is a long piece of agency copy: the ANPA-1312 fixture's
// story repeated to about a megabyte, one paragraph a line.
func benchWireCopy(b *testing.B) []byte {
	in, err := os.ReadFile(filepath.Join("testdata", "wire", "ap-two-line-byline.txt"))
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(in)), "\n")
	head, body, foot := lines[:4], lines[4:6], lines[6:]
	var sb strings.Builder
	sb.WriteString(strings.Join(head, "\n") + "\n")
	for sb.Len() < 1<<20 {
		sb.WriteString(strings.Join(body, "\n") + "\n")
	}
	sb.WriteString(strings.Join(foot, "\n") + "\n")
	return []byte(sb.String())
}

// BenchmarkParseWireText measures the layered wire parser on a megabyte of
// agency copy; BenchmarkWireBaselineSplitLines is the baseline of the same
// run, splitting the same text into trimmed lines and nothing more.
func BenchmarkParseWireText(b *testing.B) {
	data := benchWireCopy(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseWireTextDetail(data, DefaultProfile()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWireBaselineSplitLines(b *testing.B) {
	data := benchWireCopy(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if len(splitWireLines(data)) == 0 {
			b.Fatal("no lines")
		}
	}
}
