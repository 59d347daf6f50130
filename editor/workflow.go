package editor

import (
	"fmt"
	"strings"
)

// transitions lists, for each status, the statuses a story may move to
// from it. A story normally moves draft → filed → editing → approved →
// published; the desk may send it back a step or more before publication.
// Once published it can only be corrected (again and again) or killed. A
// killed story is withdrawn for good.
var transitions = map[Status][]Status{
	StatusDraft:     {StatusFiled, StatusKilled},
	StatusFiled:     {StatusEditing, StatusDraft, StatusKilled},
	StatusEditing:   {StatusApproved, StatusFiled, StatusDraft, StatusKilled},
	StatusApproved:  {StatusPublished, StatusEditing, StatusKilled},
	StatusPublished: {StatusCorrected, StatusKilled},
	StatusCorrected: {StatusCorrected, StatusKilled},
	StatusKilled:    nil,
}

// NextStatuses returns the statuses a story in status s may move to, in
// workflow order. It returns nil for a killed or unknown status.
func (s Status) NextStatuses() []Status {
	return append([]Status(nil), transitions[s]...)
}

// CanTransition reports whether a story may move from one status to
// another.
func CanTransition(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// CheckTransition returns nil when a story may move from one status to
// another, and otherwise an *Error with code ECONFLICT (EINVALID for an
// unknown status) that says where the story can go instead.
func CheckTransition(from, to Status) error {
	switch {
	case !to.Valid():
		return Errorf(EINVALID, "unknown status %q", to)
	case !from.Valid():
		return Errorf(EINVALID, "unknown status %q", from)
	case CanTransition(from, to):
		return nil
	case from == to:
		return Errorf(ECONFLICT, "the story is already %s", from)
	case from == StatusKilled:
		return Errorf(ECONFLICT, "cannot move a killed story to %s: it has been withdrawn for good", to)
	}
	next := transitions[from]
	names := make([]string, len(next))
	for i, s := range next {
		names[i] = string(s)
	}
	return Errorf(ECONFLICT, "cannot move %s to %s; it can only go to %s", statusPhrase[from], to, orList(names))
}

// CheckReviewed returns nil when a may move to status to as far as its
// review goes, and otherwise an *Error with code ECONFLICT that says why: a
// story with open suggestions cannot be published until each is accepted
// or rejected, since nobody has decided what its text is. Callers check
// it beside CheckTransition, with the text about to move.
func CheckReviewed(a *Article, to Status) error {
	if to != StatusPublished {
		return nil
	}
	switch n := OpenSuggestions(a.Body); n {
	case 0:
		return nil
	case 1:
		return Errorf(ECONFLICT, "cannot publish: the story has 1 open suggestion; accept or reject it first (Review > Suggestions, or dateline suggestions --accept-all)")
	default:
		return Errorf(ECONFLICT, "cannot publish: the story has %d open suggestions; accept or reject them first (Review > Suggestions, or dateline suggestions --accept-all)", n)
	}
}

// statusPhrase names a story by its status inside a sentence.
var statusPhrase = map[Status]string{
	StatusDraft:     "a draft",
	StatusFiled:     "a filed story",
	StatusEditing:   "a story in editing",
	StatusApproved:  "an approved story",
	StatusPublished: "a published story",
	StatusCorrected: "a corrected story",
	StatusKilled:    "a killed story",
}

// CheckCorrection returns EINVALID when an article moving to corrected has
// no public correction note.
func CheckCorrection(a *Article) error {
	if a.Status == StatusCorrected && strings.TrimSpace(a.CorrectionNote) == "" {
		return Errorf(EINVALID, "a corrected story needs a public correction note, such as %q", "This story has been corrected to show that the strike lasted nine days, not eight.")
	}
	return nil
}

// orList joins words as "a", "a or b", "a, b or c".
func orList(words []string) string {
	switch len(words) {
	case 0:
		return "nothing else"
	case 1:
		return words[0]
	}
	return fmt.Sprintf("%s or %s", strings.Join(words[:len(words)-1], ", "), words[len(words)-1])
}
