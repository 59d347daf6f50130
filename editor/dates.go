package editor

import (
	"strconv"
	"strings"
	"time"
)

// This file holds the date rules: AP style dateline dates, the dates typed
// in the form's dateline field, and the days typed as list filters in the
// library pane and on the command line.

// apMonths are the AP style month names: Jan. Feb. Aug. Sept. Oct. Nov. Dec.
// abbreviated, March to July spelled out.
var apMonths = [...]string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// APDate renders t as an AP style dateline date, "Jan. 21" or "March 3",
// without ordinals or year.
func APDate(t time.Time) string {
	return apMonths[t.Month()-1] + " " + strconv.Itoa(t.Day())
}

// ParseAPDate parses an AP style month and day ("Jan. 21", "Sept. 3",
// "March 5"; also tolerant of "Jan 21", "January 21" and "Sep. 3") into a
// date in the given year.
func ParseAPDate(s string, year int) (time.Time, bool) {
	f := strings.Fields(strings.TrimSpace(s))
	if len(f) != 2 {
		return time.Time{}, false
	}
	m := strings.ToLower(strings.TrimSuffix(f[0], "."))
	day, err := strconv.Atoi(f[1])
	if err != nil || day < 1 || day > 31 {
		return time.Time{}, false
	}
	for i, name := range apMonths {
		full := time.Month(i + 1).String()
		n := strings.ToLower(strings.TrimSuffix(name, "."))
		if m == n || m == strings.ToLower(full) || (len(m) >= 3 && strings.HasPrefix(strings.ToLower(full), m)) {
			t := time.Date(year, time.Month(i+1), day, 0, 0, 0, 0, time.UTC)
			if t.Day() != day {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// DatelineYear is the year a dateline date typed without a year is read
// in: the dateline date's own year, else the publication or creation
// year, else the current one.
func DatelineYear(a *Article) int {
	switch {
	case !a.Dateline.Date.IsZero():
		return a.Dateline.Date.Year()
	case !a.Published.IsZero():
		return a.Published.Year()
	case !a.Created.IsZero():
		return a.Created.Year()
	}
	return time.Now().Year()
}

// ParseDatelineDate reads a dateline date typed as YYYY-MM-DD or in AP
// style ("Jan. 21", "March 5", also "Jan 21" and "January 21") in the
// given year. An empty text is no date; anything else gives an *Error with
// code EINVALID.
func ParseDatelineDate(s string, year int) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, ok := ParseAPDate(s, year); ok {
		return t, nil
	}
	return time.Time{}, Errorf(EINVALID, "not a date: type Jan. 21, March 5 or 2026-01-21")
}

// FormatDatelineDate shows a dateline date in AP style when it is in the
// given year, where ParseDatelineDate reads it back the same, and as
// YYYY-MM-DD otherwise.
func FormatDatelineDate(t time.Time, year int) string {
	switch {
	case t.IsZero():
		return ""
	case t.Year() == year:
		return APDate(t)
	}
	return t.Format("2006-01-02")
}

// ParseFilterDay reads a day typed as a list filter, YYYY-MM-DD, as the
// start of that day in local time; an empty text is no day. what names the
// field in the message of the *Error with code EINVALID, as in "the From
// date" or "--since".
func ParseFilterDay(s, what string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "%s wants a date like 2026-01-21, not %q", what, s)
	}
	return t, nil
}

// EndOfDay is the last instant of the day that starts at day, the bound a
// "to" filter day includes; the zero time stays zero. It counts calendar
// days, so a day with a daylight saving change ends at its midnight too.
func EndOfDay(day time.Time) time.Time {
	if day.IsZero() {
		return day
	}
	y, m, d := day.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, day.Location()).Add(-time.Nanosecond)
}
