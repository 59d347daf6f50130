package app

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// Colleagues is what the window asks of the newsroom server besides sync:
// who this library's user is, the editors a draft can be assigned to, and
// presence. main wires storage/pgsync's Newsroom, which reads the server
// from the library; nil means no newsroom at all. Every method may block
// on the network and runs on a worker.
type Colleagues interface {
	// User is the library's newsroom user (its server login), "" when no
	// server is set. It needs no network.
	User(ctx context.Context) (string, error)
	// Editors are the users a draft can be assigned to.
	Editors(ctx context.Context) ([]string, error)
	// Announce says this laptop has the draft open and returns the others
	// who have it open.
	Announce(ctx context.Context, draftID string) ([]editor.Presence, error)
	// Leave says this laptop closed the draft.
	Leave(ctx context.Context, draftID string) error
}

// Presence timing: the open draft is announced every presenceEvery while
// a server is set; one call may take presenceTimeout.
const (
	presenceEvery   = 30 * time.Second
	presenceTimeout = 10 * time.Second
)

// presence announces the open draft to the newsroom server and shows who
// else has it open ("Ana also has this open (ana-laptop, 1 min ago)").
// It is advisory, never a lock: nothing waits for it, and when the server
// is out of reach the line simply goes away. The window calls Start when
// a draft opens and Stop when it closes; Start again after a server was
// set (the background sync can do so) begins the announcements. Its
// fields belong to the UI goroutine; the network calls run on workers.
type presence struct {
	src   Colleagues
	clock clock
	// run does work on a worker and then what it returns on the UI
	// goroutine (MainWindow.goJob); post hands a timer's tick to the UI
	// goroutine.
	run  func(work func() func())
	post func(func())
	// line is the form's presence line (articleForm.presenceLine).
	line *widget.Label

	draft     string
	announced bool
	gen       uint64
	timer     stopper
	// leaving counts Leave calls in flight, which Run waits for at exit.
	leaving sync.WaitGroup
}

// newPresenceLine is the form's line above the body that says who else
// has the draft open; hidden while nobody does.
func newPresenceLine() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.WarningImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// Start announces draftID now and every presenceEvery until Stop or a
// Start for another draft. A draft already being announced goes on as it
// is. Without a newsroom, or when the library has no server, it does
// nothing.
func (p *presence) Start(draftID string) {
	if p.src == nil || draftID == "" {
		p.Stop()
		return
	}
	if draftID == p.draft && (p.timer != nil || p.announced) {
		return
	}
	p.Stop()
	p.draft = draftID
	p.gen++
	p.tick(p.gen)
}

// tick announces the draft on a worker, shows the answer and sets the
// next tick. A library without a server ends the announcements.
func (p *presence) tick(gen uint64) {
	id, src := p.draft, p.src
	p.run(func() func() {
		ctx, cancel := context.WithTimeout(context.Background(), presenceTimeout)
		defer cancel()
		user, err := src.User(ctx)
		if err != nil || user == "" {
			return func() {
				if gen == p.gen {
					p.show("")
				}
			}
		}
		others, err := src.Announce(ctx, id)
		return func() {
			if gen != p.gen {
				return
			}
			if err == nil {
				p.announced = true
				p.show(editor.PresenceLine(others))
			} else {
				p.show("") // out of reach: say nothing rather than something old
			}
			p.timer = p.clock.AfterFunc(presenceEvery, func() {
				p.post(func() {
					if gen == p.gen {
						p.timer = nil
						p.tick(gen)
					}
				})
			})
		}
	})
}

// Stop ends the announcements, tells the server this laptop left the
// draft, and clears the line.
func (p *presence) Stop() {
	p.end()
	p.show("")
}

// end is Stop without touching the form: Run calls it once the window
// has closed.
func (p *presence) end() {
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	p.gen++
	if p.announced {
		id, src := p.draft, p.src
		p.leaving.Add(1)
		p.run(func() func() {
			defer p.leaving.Done()
			ctx, cancel := context.WithTimeout(context.Background(), presenceTimeout)
			defer cancel()
			_ = src.Leave(ctx, id) // advisory: the server forgets it in two minutes anyway
			return nil
		})
	}
	p.draft, p.announced = "", false
}

// waitLeft waits, at most d, for the Leave calls in flight: the window
// has closed and the process is about to end.
func (p *presence) waitLeft(d time.Duration) {
	done := make(chan struct{})
	go func() {
		p.leaving.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(d):
	}
}

// show puts line up in the form, or hides it when empty.
func (p *presence) show(line string) {
	if p.line == nil || (p.line.Text == line && p.line.Visible() == (line != "")) {
		return
	}
	p.line.SetText(line)
	showIf(p.line, line != "")
}
