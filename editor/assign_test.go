package editor

import (
	"testing"
	"time"
)

func TestCheckUserName(t *testing.T) {
	for _, tt := range []struct {
		name string
		ok   bool
	}{
		{"ana", true}, {"ed_smith2", true}, {"_x", true},
		{"", false}, {"Ana", false}, {"2ana", false}, {"ana lima", false}, {"ana-lima", false},
		{"a234567890123456789012345678901234567890123456789012345678901234", false},
	} {
		if err := CheckUserName(tt.name); (err == nil) != tt.ok {
			t.Errorf("CheckUserName(%q) = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
	if got := NormalizeUserName("  Ana_Lima "); got != "ana_lima" {
		t.Errorf("NormalizeUserName = %q", got)
	}
}

func TestFiledTo(t *testing.T) {
	opt := FiledTo(ListOptions{Query: "port", Statuses: []Status{StatusDraft}}, "ed")
	if len(opt.Statuses) != 1 || opt.Statuses[0] != StatusFiled || opt.AssignedTo != "ed" || opt.Query != "port" {
		t.Fatalf("FiledTo = %+v", opt)
	}
}

func TestPresenceLine(t *testing.T) {
	for _, tt := range []struct {
		in   []Presence
		want string
	}{
		{nil, ""},
		{[]Presence{{User: "ana", Device: "ana-laptop", Ago: 70 * time.Second}}, "Ana also has this open (ana-laptop, 1 min ago)"},
		{[]Presence{{User: "ana", Device: "ana-laptop", Ago: 5 * time.Second}, {User: "ben", Device: "desk-3", Ago: 110 * time.Second}},
			"Ana (ana-laptop, just now) and Ben (desk-3, 1 min ago) also have this open"},
		{[]Presence{{User: "a", Device: "x"}, {User: "b", Device: "y", Ago: 3 * time.Minute}, {User: "c", Device: "z"}},
			"A (x, just now), B (y, 3 min ago) and C (z, just now) also have this open"},
	} {
		if got := PresenceLine(tt.in); got != tt.want {
			t.Errorf("PresenceLine(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
