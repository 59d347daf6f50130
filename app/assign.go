package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// editorsTimeout bounds how long Assign to editor… waits for the server's
// list of editors before it offers a typed name alone.
const editorsTimeout = 5 * time.Second

// assigneeRow is the form's "Assigned to" row: who the draft is assigned
// to, and a button that opens Draft › Assign to editor….
type assigneeRow struct {
	object *fyne.Container
	name   *widget.Label
	button *widget.Button
	// onAssign, when set, opens the chooser (MainWindow.assignToEditor).
	onAssign func()
}

func newAssigneeRow() *assigneeRow {
	r := &assigneeRow{name: widget.NewLabel("Nobody")}
	r.button = widget.NewButton("Assign…", func() {
		if r.onAssign != nil {
			r.onAssign()
		}
	})
	r.object = container.NewBorder(nil, nil, nil, r.button, r.name)
	return r
}

// set shows the assignee.
func (r *assigneeRow) set(user string) {
	text := user
	if user == "" {
		text = "Nobody"
	}
	r.name.SetText(text)
}

// assignChooser is the open Assign to editor… chooser, kept for tests.
type assignChooser struct {
	*chooser
	// names are the users of the chooser's rows; typed is the row of the
	// name being typed, the last one.
	names []string
	typed int
}

// assignToEditor offers the newsroom's editors (or, with the server out
// of reach, the name typed) in a chooser; the one chosen is written into
// the draft, which saves it as a revision: assignment works offline and
// travels with the draft through sync. done, when set, gets the chooser
// once it shows (tests).
func (w *MainWindow) assignToEditor(done func(*assignChooser)) {
	if w.article == nil {
		w.setStatus("Open a draft to assign it to an editor.", true)
		return
	}
	id := w.article.ID
	news := w.opt.Colleagues
	w.goJob(func() func() {
		var editors []string
		var err error
		if news == nil {
			err = editor.Errorf(editor.EUNAVAILABLE, "no newsroom server")
		} else {
			ctx, cancel := context.WithTimeout(context.Background(), editorsTimeout)
			editors, err = news.Editors(ctx)
			cancel()
		}
		return func() {
			if w.article == nil || w.article.ID != id {
				return
			}
			c := w.showAssignChooser(editors, err)
			if done != nil {
				done(c)
			}
		}
	})
}

// showAssignChooser opens the chooser: the editors (the current assignee
// marked), Nobody when the draft is assigned, and last the name being
// typed, which is what is left when the server's list is not at hand.
func (w *MainWindow) showAssignChooser(editors []string, listErr error) *assignChooser {
	current := w.article.AssignedTo
	ac := &assignChooser{}
	if listErr != nil {
		editors = nil
	}
	var items []choice
	for _, e := range editors {
		hint := "editor"
		if e == current {
			hint = "assigned now"
		}
		items = append(items, choice{label: e, hint: hint})
		ac.names = append(ac.names, e)
	}
	if current != "" {
		items = append(items, choice{label: "Nobody", hint: "take the assignment back"})
		ac.names = append(ac.names, "")
	}
	typedHint := "type an editor's user name"
	if listErr != nil {
		typedHint = "the newsroom server is out of reach: type the user name"
	}
	items = append(items, choice{label: "", hint: typedHint})
	ac.typed = len(items) - 1
	ac.names = append(ac.names, "")

	title := "Assign “" + articleHeadline(w.article) + "” to…"
	ac.chooser = showChooser(w.Window, title, "Type to filter, or type a user name", items, func(i int) {
		name := ac.names[i]
		if i == ac.typed {
			name = editor.NormalizeUserName(ac.all[ac.typed].label)
			if name == "" {
				w.setStatus("Type the user name of the editor to assign the draft to.", true)
				return
			}
			if err := editor.CheckUserName(name); err != nil {
				w.setStatus("Not assigned: "+editor.ErrorMessage(err), true)
				return
			}
		}
		w.assign(name)
	})
	// The last row is whatever is typed, so that a name the list lacks can
	// be chosen with Enter too.
	filter := ac.query.OnChanged
	ac.query.OnChanged = func(q string) {
		ac.all[ac.typed].label = strings.TrimSpace(q)
		if q != "" {
			ac.all[ac.typed].hint = "assign to this user name"
		} else {
			ac.all[ac.typed].hint = typedHint
		}
		filter(q)
	}
	return ac
}

// assign writes the assignee into the open draft as an edit (saved by the
// autosave, as any edit is) and shows it.
func (w *MainWindow) assign(user string) {
	if w.article == nil || w.article.AssignedTo == user {
		return
	}
	w.edit(func(a *editor.Article) { a.AssignedTo = user })
	w.form.assignee.set(user)
	if user == "" {
		w.setStatus("Assigned to nobody.", false)
	} else {
		w.setStatus("Assigned to "+user+"; the next sync takes it to the newsroom.", false)
	}
}

// filedToMeFilter is the library browser's "Filed to me" check: the
// drafts filed and assigned to this library's newsroom user
// (editor.FiledTo). The user is the login of the server the library syncs
// with (Newsroom.User), which is known offline once a server is set; it is
// read each time the check is switched on.
type filedToMeFilter struct {
	check *widget.Check
	news  Colleagues
	// me is the user read when the check went on; err says why there is
	// none.
	me  string
	err error
}

func newFiledToMeFilter(b *libraryBrowser, news Colleagues) *filedToMeFilter {
	f := &filedToMeFilter{news: news}
	f.check = widget.NewCheck("Filed to me", func(on bool) {
		if !on {
			b.reloadNow()
			return
		}
		b.env.run(func() func() {
			me, err := "", error(nil)
			if news != nil {
				me, err = news.User(context.Background())
			}
			if err == nil && me == "" {
				err = editor.Errorf(editor.EUNAVAILABLE, "Filed to me needs your newsroom user: connect this library to the newsroom server first")
			}
			return func() {
				f.me, f.err = me, err
				b.reloadNow()
			}
		})
	})
	return f
}

// apply narrows opt to the drafts filed to the user while the check is on.
func (f *filedToMeFilter) apply(opt editor.ListOptions) (editor.ListOptions, error) {
	if !f.check.Checked {
		return opt, nil
	}
	if f.err != nil {
		return opt, f.err
	}
	if f.me == "" {
		return opt, editor.Errorf(editor.EUNAVAILABLE, "reading your newsroom user…")
	}
	return editor.FiledTo(opt, f.me), nil
}

// clear switches the check off without a reload of its own.
func (f *filedToMeFilter) clear() {
	f.check.Checked = false
	f.check.Refresh()
}
