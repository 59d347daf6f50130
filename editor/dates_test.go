package editor

import (
	"testing"
	"time"
	_ "time/tzdata" // the DST case needs Europe/Berlin everywhere
)

func TestParseDatelineDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"2026-01-21", "2026-01-21"},
		{"Jan. 21", "2025-01-21"},
		{"Sept. 3", "2025-09-03"},
		{"Sep. 3", "2025-09-03"},
		{"March 5", "2025-03-05"},
		{"january 21", "2025-01-21"},
		{"Feb. 29", "error"},
		{"Feb. 30", "error"},
		{"2026-13-01", "error"},
		{"yesterday", "error"},
		{"21 Jan", "error"},
	} {
		got, err := ParseDatelineDate(tc.in, 2025)
		switch {
		case tc.want == "error":
			if ErrorCode(err) != EINVALID {
				t.Errorf("ParseDatelineDate(%q) = %v, %v; want EINVALID", tc.in, got, err)
			}
		case err != nil:
			t.Errorf("ParseDatelineDate(%q): %v", tc.in, err)
		case tc.want == "" && !got.IsZero():
			t.Errorf("ParseDatelineDate(%q) = %v, want no date", tc.in, got)
		case tc.want != "" && got.Format("2006-01-02") != tc.want:
			t.Errorf("ParseDatelineDate(%q) = %s, want %s", tc.in, got.Format("2006-01-02"), tc.want)
		}
	}
	for _, d := range []time.Time{
		time.Date(2025, time.September, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2024, time.March, 5, 0, 0, 0, 0, time.UTC),
		{},
	} {
		s := FormatDatelineDate(d, 2025)
		if got, err := ParseDatelineDate(s, 2025); err != nil || !got.Equal(d) {
			t.Errorf("%v shown as %q reads back as %v, %v", d, s, got, err)
		}
	}
}

func TestDatelineYear(t *testing.T) {
	a := &Article{Created: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)}
	if got := DatelineYear(a); got != 2023 {
		t.Errorf("created only: %d", got)
	}
	a.Published = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	if got := DatelineYear(a); got != 2024 {
		t.Errorf("published: %d", got)
	}
	a.Dateline.Date = time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	if got := DatelineYear(a); got != 2025 {
		t.Errorf("dated: %d", got)
	}
}

func TestParseFilterDay(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{" 2026-01-21 ", "2026-01-21"},
		{"2026-02-30", "error"},
		{"21.01.2026", "error"},
		{"Jan. 21", "error"},
	} {
		got, err := ParseFilterDay(tc.in, "--since")
		switch {
		case tc.want == "error":
			if ErrorCode(err) != EINVALID || ErrorMessage(err) != `--since wants a date like 2026-01-21, not "`+tc.in+`"` {
				t.Errorf("ParseFilterDay(%q) error %v", tc.in, err)
			}
		case err != nil:
			t.Errorf("ParseFilterDay(%q): %v", tc.in, err)
		case tc.want == "":
			if !got.IsZero() {
				t.Errorf("ParseFilterDay(%q) = %v, want no day", tc.in, got)
			}
		case got.Format("2006-01-02 15:04") != tc.want+" 00:00" || got.Location() != time.Local:
			t.Errorf("ParseFilterDay(%q) = %v, want local midnight of %s", tc.in, got, tc.want)
		}
	}
}

func TestEndOfDay(t *testing.T) {
	if !EndOfDay(time.Time{}).IsZero() {
		t.Error("EndOfDay of no day is a day")
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, day := range []time.Time{
		time.Date(2026, 1, 21, 0, 0, 0, 0, berlin),
		time.Date(2026, 3, 29, 0, 0, 0, 0, berlin),  // 23 hours long
		time.Date(2026, 10, 25, 0, 0, 0, 0, berlin), // 25 hours long
	} {
		end := EndOfDay(day)
		if end.Day() != day.Day() || !end.Add(time.Nanosecond).Equal(time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, berlin)) {
			t.Errorf("EndOfDay(%v) = %v", day, end)
		}
	}
}
