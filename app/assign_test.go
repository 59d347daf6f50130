package app

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/editor"
)

// fakeNewsroom is a newsroom server for window tests: a user, editors,
// and who else has each draft open; it records what the window told it.
type fakeNewsroom struct {
	mu        sync.Mutex
	user      string
	editors   []string
	editorErr error
	others    map[string][]editor.Presence
	announced []string
	left      []string
}

func (n *fakeNewsroom) User(context.Context) (string, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.user, nil
}

func (n *fakeNewsroom) Editors(context.Context) ([]string, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.editors, n.editorErr
}

func (n *fakeNewsroom) Announce(_ context.Context, id string) ([]editor.Presence, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.announced = append(n.announced, id)
	return n.others[id], nil
}

func (n *fakeNewsroom) Leave(_ context.Context, id string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.left = append(n.left, id)
	return nil
}

func (n *fakeNewsroom) calls() (announced, left []string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.announced), slices.Clone(n.left)
}

func (n *fakeNewsroom) setOthers(id string, ps []editor.Presence) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.others[id] = ps
}

// TestPresenceLine: with a server set, the open draft is announced when it
// opens and every 30 s; the form says who else has it open, and the line
// goes when they close it; switching drafts leaves the old one.
func TestPresenceLine(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Harbor strike ends", "Body.")
	b := seed(t, store, clk, "Council vote", "Body.")
	news := &fakeNewsroom{user: "ben", others: map[string][]editor.Presence{}}
	news.setOthers(b.ID, []editor.Presence{{User: "ana", Device: "ana-laptop", Ago: 70 * time.Second}})
	w := newTestWindow(t, store, clk, Options{Colleagues: news})
	if w.article == nil || w.article.ID != b.ID {
		t.Fatalf("the newest draft is not open")
	}
	line := w.form.presenceLine
	if got, want := line.Text, "Ana also has this open (ana-laptop, 1 min ago)"; got != want || !line.Visible() {
		t.Fatalf("presence line = %q (visible %v), want %q", got, line.Visible(), want)
	}

	// Ana closes it: the next announcement, 30 s on, clears the line.
	news.setOthers(b.ID, nil)
	w.advance(10 * time.Second)
	if !line.Visible() {
		t.Fatalf("the line went before the next announcement")
	}
	w.advance(presenceEvery)
	if line.Visible() || line.Text != "" {
		t.Fatalf("after ana left, the line says %q", line.Text)
	}
	announced, _ := news.calls()
	if len(announced) != 2 {
		t.Fatalf("announced %d times in 40 s, want 2: %v", len(announced), announced)
	}

	// Another draft: the old one is left, the new one announced.
	w.OpenDraft(a.ID)
	w.settle()
	announced, left := news.calls()
	if !slices.Equal(left, []string{b.ID}) || announced[len(announced)-1] != a.ID {
		t.Fatalf("after switching, left %v and announced %v", left, announced)
	}
	// Closing the draft (to Trash) leaves it, and the timer stops.
	w.MoveToTrash()
	w.settle()
	if _, left = news.calls(); !slices.Equal(left, []string{b.ID, a.ID}) {
		t.Fatalf("after closing, left %v", left)
	}
	n := len(announced)
	w.advance(3 * presenceEvery)
	if announced, _ = news.calls(); len(announced) != n {
		t.Fatalf("announcements went on after the draft closed: %v", announced)
	}
}

// TestPresenceWithoutServer: a library with no server announces nothing
// and shows no line.
func TestPresenceWithoutServer(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Harbor strike ends", "Body.")
	news := &fakeNewsroom{others: map[string][]editor.Presence{}}
	w := newTestWindow(t, store, clk, Options{Colleagues: news})
	w.advance(3 * presenceEvery)
	if announced, _ := news.calls(); len(announced) != 0 {
		t.Fatalf("announced without a server: %v", announced)
	}
	if w.form.presenceLine.Visible() {
		t.Fatalf("presence line shows without a server")
	}
}

// TestAssignToEditor: Draft › Assign to editor… offers the server's
// editors from the keyboard; the choice is saved in the draft; with the
// server out of reach a typed name is taken.
func TestAssignToEditor(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Harbor strike ends", "Body.")
	news := &fakeNewsroom{user: "ana", editors: []string{"ed", "eve"}, others: map[string][]editor.Presence{}}
	w := newTestWindow(t, store, clk, Options{Colleagues: news})

	var c *assignChooser
	w.assignToEditor(func(ac *assignChooser) { c = ac })
	w.settle()
	if c == nil {
		t.Fatal("no chooser")
	}
	if got := c.shownLabels(); !slices.Equal(got, []string{"ed", "eve", ""}) {
		t.Fatalf("rows = %q, want the editors and the typed row", got)
	}
	test.Type(c.query, "ev")
	if got := c.shownLabels(); !slices.Equal(got, []string{"eve", "ev"}) {
		t.Fatalf("rows after typing = %q", got)
	}
	c.key(fyne.KeyReturn)
	w.settle()
	if w.article.AssignedTo != "eve" || w.form.assignee.name.Text != "eve" {
		t.Fatalf("assigned to %q, form shows %q", w.article.AssignedTo, w.form.assignee.name.Text)
	}
	w.advance(5 * time.Second) // the autosave
	if got := mustGet(t, store, a.ID).AssignedTo; got != "eve" {
		t.Fatalf("stored assignee = %q", got)
	}

	// Offline: the typed name, normalised, is the choice.
	news.mu.Lock()
	news.editorErr = editor.Errorf(editor.EUNAVAILABLE, "cannot reach the newsroom server")
	news.mu.Unlock()
	w.assignToEditor(func(ac *assignChooser) { c = ac })
	w.settle()
	if got := c.shownLabels(); !slices.Equal(got, []string{"Nobody", ""}) || !strings.Contains(c.all[c.typed].hint, "out of reach") {
		t.Fatalf("offline rows = %q, hint %q", got, c.all[c.typed].hint)
	}
	test.Type(c.query, "Zed")
	c.key(fyne.KeyReturn)
	w.settle()
	if w.article.AssignedTo != "zed" {
		t.Fatalf("typed assignee = %q", w.article.AssignedTo)
	}
	// A name that cannot be a user is refused, and nothing changes.
	w.assignToEditor(func(ac *assignChooser) { c = ac })
	w.settle()
	test.Type(c.query, "not a name!")
	c.key(fyne.KeyReturn)
	w.settle()
	if w.article.AssignedTo != "zed" || !strings.Contains(w.StatusText(), "Not assigned") {
		t.Fatalf("bad name: assignee %q, status %q", w.article.AssignedTo, w.StatusText())
	}
	// Nobody takes the assignment back.
	w.assignToEditor(func(ac *assignChooser) { c = ac })
	w.settle()
	test.Type(c.query, "nobody")
	c.key(fyne.KeyReturn)
	w.settle()
	if w.article.AssignedTo != "" || w.form.assignee.name.Text != "Nobody" {
		t.Fatalf("after Nobody: %q, form %q", w.article.AssignedTo, w.form.assignee.name.Text)
	}
}

// TestFiledToMeFilter: the library's "Filed to me" shows the drafts filed
// and assigned to the library's newsroom user, and says what is missing
// when the library has no user.
func TestFiledToMeFilter(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	ctx := context.Background()
	mk := func(headline, assignee string, filed bool) {
		t.Helper()
		a := seed(t, store, clk, headline, "Body.")
		a = mustGet(t, store, a.ID)
		a.AssignedTo = assignee
		if _, err := store.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if filed {
			if _, err := store.Transition(ctx, a.ID, editor.StatusFiled, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk("Mine and filed", "ed", true)
	mk("Mine, still a draft", "ed", false)
	mk("Filed to eve", "eve", true)
	mk("Filed to nobody", "", true)
	news := &fakeNewsroom{user: "ed", others: map[string][]editor.Presence{}}
	w := newTestWindow(t, store, clk, Options{Colleagues: news})
	b := w.browser
	b.filedToMe.check.SetChecked(true)
	w.settle()
	if got := summaryHeadlines(w.library.items); got != "Mine and filed" {
		t.Fatalf("Filed to me lists %q", got)
	}
	if got := w.library.count.Text; got != "1 draft matches · 1 filed" {
		t.Fatalf("count line = %q", got)
	}
	b.filedToMe.check.SetChecked(false)
	w.settle()
	if len(w.library.items) != 4 {
		t.Fatalf("after Filed to me is off, %d drafts", len(w.library.items))
	}

	news.mu.Lock()
	news.user = ""
	news.mu.Unlock()
	b.filedToMe.check.SetChecked(true)
	w.settle()
	if got := w.library.count.Text; !strings.Contains(got, "connect this library to the newsroom server") {
		t.Fatalf("without a user, the count line says %q", got)
	}
}

func summaryHeadlines(list []editor.Summary) string {
	var hs []string
	for _, s := range list {
		hs = append(hs, s.Headline)
	}
	return strings.Join(hs, " | ")
}
