package app

import (
	"context"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// DefaultAutosaveMaxWait is how long after the first unsaved change the
// draft is saved even while the typing goes on. It leaves the save itself
// time to land within a second of that change, so that a crash during
// steady typing loses at most a second of it.
const DefaultAutosaveMaxWait = 800 * time.Millisecond

// autosaver is the edit loop's save engine: it tracks unsaved edits of the
// open draft, saves them about a debounce delay after the last edit and at
// most maxWait after the first unsaved one, one save at a time on a worker,
// and tells the actions that wait for the draft to be stored whether it
// was. Saves of one editing session coalesce in the store (SaveOptions).
//
// It uses no Fyne: the window drives it from the UI goroutine and the kill
// harness (autosave_kill_test.go) from a goroutine of its own, through the
// clock, goJob and debounce post functions they give it. All its fields
// belong to that owner goroutine.
type autosaver struct {
	store   editor.Store
	clock   clock
	delay   time.Duration
	maxWait time.Duration
	// current returns the open draft, nil when none is open. Each save
	// stores a clone of it.
	current func() *editor.Article
	// goJob runs work on a worker goroutine and then the function it
	// returns on the owner goroutine.
	goJob func(work func() func())
	// saving, when set, is told that a save starts (the window says so).
	saving func()
	// done, when set, is told each save's result on the owner goroutine,
	// before the waiting actions: snap is the copy saved, with a.Slug and
	// a.BaseRevision as stored, rev the revision written (a conflicting
	// one beside the head when err has code ESTALE), and current whether
	// snap is still the open draft of the same session.
	done func(snap *editor.Article, rev *editor.Revision, err error, current bool)

	// session identifies the editing session on the open draft.
	session string
	// gen changes with every reset, so that a save of an earlier session
	// leaves the new one alone.
	gen uint64
	// dirty is set when the open draft has edits not yet stored.
	dirty bool
	// edits counts edits, so that a save knows whether it stored the latest.
	edits uint64
	// inFlight is set while a save runs on a worker.
	inFlight bool
	// due is set when a save came due while another was in flight.
	due bool
	// err is the error of the last save, nil after one that stored the
	// text (a conflict stores it too, beside the head).
	err error
	// waiting are the actions that wait for the draft to be stored:
	// switching drafts, creating one, closing. Each is told whether it was.
	waiting []func(saved bool)
	timer   debounce
	// next, when set, are the options of the next save instead of the
	// session's: a review decision saved as a revision of its own.
	next *editor.SaveOptions
}

// reset starts a new editing session: no unsaved edits, no pending save.
func (s *autosaver) reset(session string) {
	s.timer.stop()
	s.session = session
	s.gen++
	s.dirty = false
	s.due = false
	s.err = nil
}

// stop cancels a pending autosave.
func (s *autosaver) stop() { s.timer.stop() }

// changed records an edit of the open draft and schedules its save.
func (s *autosaver) changed() {
	s.dirty = true
	s.edits++
	s.timer.scheduleMax(s.clock, s.delay, s.maxWait, func() { s.save(nil) })
}

// saveAs stores the open draft's unsaved edits as a revision saved with
// opt instead of the session's options (a review decision is a revision
// of its own), and then calls then like save. With no unsaved edits it
// does nothing.
func (s *autosaver) saveAs(opt editor.SaveOptions, then func(saved bool)) {
	if !s.dirty {
		return
	}
	s.next = &opt
	s.save(then)
}

// save stores the open draft if it has unsaved edits and then calls then,
// if not nil, with whether the draft is now stored. A failed save keeps the
// draft dirty: the text stays open and the next edit tries again.
func (s *autosaver) save(then func(saved bool)) {
	if !s.dirty && !s.inFlight {
		if then != nil {
			then(true)
		}
		return
	}
	if then != nil {
		s.waiting = append(s.waiting, then)
	}
	if s.inFlight {
		s.due = true // finish starts the next save
		return
	}
	s.start()
}

func (s *autosaver) start() {
	s.timer.stop()
	s.due = false
	cur := s.current()
	if cur == nil {
		s.dirty = false
		s.finishWaiting(true)
		return
	}
	snap := cur.Clone()
	snap.Updated = s.clock.Now()
	edits, gen := s.edits, s.gen
	opt := editor.SaveOptions{Kind: editor.RevisionEdit, Session: s.session}
	if s.next != nil {
		opt, s.next = *s.next, nil
	}
	s.inFlight = true
	if s.saving != nil {
		s.saving()
	}
	s.goJob(func() func() {
		rev, err := saveWithUniqueSlug(context.Background(), s.store, snap, opt)
		return func() { s.finish(snap, edits, gen, rev, err) }
	})
}

// finish takes a save's result on the owner goroutine.
func (s *autosaver) finish(snap *editor.Article, edits, gen uint64, rev *editor.Revision, err error) {
	s.inFlight = false
	cur := s.current()
	current := gen == s.gen && cur != nil && cur.ID == snap.ID
	stored := err == nil || editor.ErrorCode(err) == editor.ESTALE
	if !stored {
		if s.done != nil {
			s.done(snap, rev, err, current) // s.err is still the one before
		}
		s.err = err
		s.finishWaiting(false)
		return
	}
	s.err = nil
	if current {
		cur.BaseRevision, cur.BaseSaved = snap.BaseRevision, snap.BaseSaved
		if edits == s.edits {
			s.dirty = false
		}
	}
	if s.done != nil {
		s.done(snap, rev, err, current)
	}
	if s.dirty && (len(s.waiting) > 0 || s.due) {
		s.start() // someone waits for the newest text, or its time came
		return
	}
	if !s.dirty {
		s.finishWaiting(true)
	}
}

func (s *autosaver) finishWaiting(saved bool) {
	waiting := s.waiting
	s.waiting = nil
	for _, f := range waiting {
		f(saved)
	}
}
