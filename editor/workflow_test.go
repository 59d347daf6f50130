package editor

import (
	"strings"
	"testing"
)

func TestCheckTransition(t *testing.T) {
	allowed := map[[2]Status]bool{}
	for _, pair := range [][2]Status{
		{StatusDraft, StatusFiled}, {StatusDraft, StatusKilled},
		{StatusFiled, StatusEditing}, {StatusFiled, StatusDraft}, {StatusFiled, StatusKilled},
		{StatusEditing, StatusApproved}, {StatusEditing, StatusFiled}, {StatusEditing, StatusDraft}, {StatusEditing, StatusKilled},
		{StatusApproved, StatusPublished}, {StatusApproved, StatusEditing}, {StatusApproved, StatusKilled},
		{StatusPublished, StatusCorrected}, {StatusPublished, StatusKilled},
		{StatusCorrected, StatusCorrected}, {StatusCorrected, StatusKilled},
	} {
		allowed[pair] = true
	}
	// Every pair of statuses, so that a change to the table shows here.
	for _, from := range Statuses {
		for _, to := range Statuses {
			err := CheckTransition(from, to)
			if got, want := err == nil, allowed[[2]Status{from, to}]; got != want {
				t.Errorf("CheckTransition(%s, %s) = %v, want allowed=%v", from, to, err, want)
			}
			if got, want := CanTransition(from, to), allowed[[2]Status{from, to}]; got != want {
				t.Errorf("CanTransition(%s, %s) = %v, want %v", from, to, got, want)
			}
			if err != nil && ErrorCode(err) != ECONFLICT {
				t.Errorf("CheckTransition(%s, %s) code = %s, want %s", from, to, ErrorCode(err), ECONFLICT)
			}
		}
	}
}

func TestCheckTransitionMessages(t *testing.T) {
	for _, tt := range []struct {
		from, to Status
		code     string
		want     string
	}{
		{StatusPublished, StatusEditing, ECONFLICT, "cannot move a published story to editing; it can only go to corrected or killed"},
		{StatusDraft, StatusPublished, ECONFLICT, "cannot move a draft to published; it can only go to filed or killed"},
		{StatusEditing, StatusPublished, ECONFLICT, "cannot move a story in editing to published; it can only go to approved, filed, draft or killed"},
		{StatusKilled, StatusDraft, ECONFLICT, "cannot move a killed story to draft: it has been withdrawn for good"},
		{StatusFiled, StatusFiled, ECONFLICT, "the story is already filed"},
		{StatusDraft, "lost", EINVALID, `unknown status "lost"`},
		{"", StatusDraft, EINVALID, `unknown status ""`},
	} {
		err := CheckTransition(tt.from, tt.to)
		if got := ErrorCode(err); got != tt.code {
			t.Errorf("CheckTransition(%q, %q) code = %q, want %q", tt.from, tt.to, got, tt.code)
		}
		if got := ErrorMessage(err); got != tt.want {
			t.Errorf("CheckTransition(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestNextStatuses(t *testing.T) {
	if got, want := len(StatusKilled.NextStatuses()), 0; got != want {
		t.Fatalf("killed has %d next statuses, want %d", got, want)
	}
	next := StatusDraft.NextStatuses()
	next[0] = StatusPublished // the caller's copy must not change the table
	if !CanTransition(StatusDraft, StatusFiled) || CanTransition(StatusDraft, StatusPublished) {
		t.Fatal("NextStatuses returned the table itself")
	}
	// Every status but killed can move somewhere, and killed is reachable
	// from every status but killed.
	for _, s := range Statuses {
		if s != StatusKilled && !CanTransition(s, StatusKilled) {
			t.Errorf("%s cannot be killed", s)
		}
	}
}

func TestCheckCorrection(t *testing.T) {
	a := &Article{Status: StatusCorrected}
	err := CheckCorrection(a)
	if got, want := ErrorCode(err), EINVALID; got != want {
		t.Fatalf("code = %q, want %q", got, want)
	}
	if !strings.Contains(ErrorMessage(err), "public correction note") {
		t.Fatalf("message = %q", ErrorMessage(err))
	}
	a.CorrectionNote = "This story has been corrected."
	if err := CheckCorrection(a); err != nil {
		t.Fatal(err)
	}
	if err := CheckCorrection(&Article{Status: StatusPublished}); err != nil {
		t.Fatal(err)
	}
}

func TestCheckReviewed(t *testing.T) {
	a := &Article{Status: StatusApproved, Body: "The harbor{++ will++}{>>@Ed 2026-12-01T10:00Z<<} close {~~soon~>today~~}."}
	err := CheckReviewed(a, StatusPublished)
	if ErrorCode(err) != ECONFLICT || !strings.Contains(ErrorMessage(err), "2 open suggestions") {
		t.Fatalf("CheckReviewed with suggestions = %v, want ECONFLICT naming 2 open suggestions", err)
	}
	if err := CheckReviewed(a, StatusEditing); err != nil {
		t.Errorf("sending a story under review back to editing: %v", err)
	}
	a.Body = AcceptAll(a.Body) + "{==close==}{>>@Ed 2026-12-01T10:00Z: open comment<<}"
	if err := CheckReviewed(a, StatusPublished); err != nil {
		t.Errorf("comments alone block publication: %v", err)
	}
}
