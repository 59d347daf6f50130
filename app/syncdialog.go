package app

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// File › Connect to newsroom…: the server's host, port, database, user
// name and TLS mode, a connection test that says what happened in plain
// words, and Connect, which remembers the server in the library and
// starts the background sync (sync.go). A password typed here is never
// kept in the library: Connect offers to keep it in ~/.pgpass (or the
// file PGPASSFILE names), mode 0600, where libpq looks for it.

// sslModes are the TLS modes the dialog offers, the LAN's default first.
var sslModes = []string{"prefer", "require", "verify-full", "disable"}

// checkTimeout bounds a connection test.
const checkTimeout = 15 * time.Second

// serverAddress is a newsroom server as the dialog edits it.
type serverAddress struct {
	Host, Port, Database, User, SSLMode string
}

// dsn is the address as a libpq keyword/value connection string, without
// a password.
func (a serverAddress) dsn() string {
	var parts []string
	for _, kv := range [][2]string{{"host", a.Host}, {"port", a.Port}, {"dbname", a.Database}, {"user", a.User}, {"sslmode", a.SSLMode}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+dsnQuote(kv[1]))
		}
	}
	return strings.Join(parts, " ")
}

// dsnQuote quotes a value of a keyword/value connection string when it
// needs it, as libpq reads it.
func dsnQuote(v string) string {
	if v != "" && !strings.ContainsAny(v, ` '\`+"\t\n") {
		return v
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}

// label names the server for people: user@host:port/database.
func (a serverAddress) label() string {
	port := a.Port
	if port == "" {
		port = "5432"
	}
	return a.User + "@" + a.Host + ":" + port + "/" + a.Database
}

// check says what is missing or wrong in a, nil when it can be tried.
func (a serverAddress) check() error {
	switch {
	case a.Host == "":
		return editor.Errorf(editor.EINVALID, "Give the server's host name or address, such as news.example.org.")
	case a.Database == "":
		return editor.Errorf(editor.EINVALID, "Give the newsroom's database, such as dateline.")
	case a.User == "":
		return editor.Errorf(editor.EINVALID, "Give your user name on the server.")
	}
	if a.Port != "" {
		if n, err := strconv.Atoi(a.Port); err != nil || n < 1 || n > 65535 {
			return editor.Errorf(editor.EINVALID, "The port is a number from 1 to 65535; PostgreSQL's is 5432.")
		}
	}
	return nil
}

// parseServerAddress reads a connection string, keyword/value or URL
// (postgres://user@host:port/database?sslmode=…), into its fields; a
// missing port or sslmode takes PostgreSQL's default and the LAN's.
func parseServerAddress(dsn string) (serverAddress, error) {
	a := serverAddress{}
	dsn = strings.TrimSpace(dsn)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return a, editor.Errorf(editor.EINVALID, "server address %q: %v", dsn, err)
		}
		a.Host, a.Port = u.Hostname(), u.Port()
		a.Database = strings.TrimPrefix(u.Path, "/")
		a.User = u.User.Username()
		a.SSLMode = u.Query().Get("sslmode")
	} else {
		kv, err := parseKeywords(dsn)
		if err != nil {
			return a, err
		}
		a.Host, a.Port, a.Database, a.User, a.SSLMode = kv["host"], kv["port"], kv["dbname"], kv["user"], kv["sslmode"]
	}
	if a.Port == "" {
		a.Port = "5432"
	}
	if a.SSLMode == "" {
		a.SSLMode = "prefer"
	}
	return a, nil
}

// parseKeywords reads a libpq keyword/value string: key=value pairs
// separated by spaces, a value in single quotes with \' and \\.
func parseKeywords(s string) (map[string]string, error) {
	out := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\n")
		if s == "" {
			return out, nil
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return nil, editor.Errorf(editor.EINVALID, "server address: %q is not key=value", s)
		}
		key := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t")
		var val strings.Builder
		if strings.HasPrefix(s, "'") {
			i, closed := 1, false
			for ; i < len(s); i++ {
				switch c := s[i]; {
				case c == '\\' && i+1 < len(s):
					i++
					val.WriteByte(s[i])
				case c == '\'':
					closed = true
				default:
					val.WriteByte(c)
				}
				if closed {
					break
				}
			}
			if !closed {
				return nil, editor.Errorf(editor.EINVALID, "server address: a quote of %s is not closed", key)
			}
			s = s[i+1:]
		} else {
			end := strings.IndexAny(s, " \t\n")
			if end < 0 {
				end = len(s)
			}
			val.WriteString(s[:end])
			s = s[end:]
		}
		out[key] = val.String()
	}
}

// sideButton is a dialog button that Enter and Escape never press:
// dialogKey (dialogkeys.go) counts *widget.Button only. The connection
// test is one, so that Escape still means Cancel and Enter Connect.
type sideButton struct{ widget.Button }

func newSideButton(label string, tap func()) *sideButton {
	b := &sideButton{}
	b.Text, b.OnTapped = label, tap
	b.ExtendBaseWidget(b)
	return b
}

// connectDialog is File › Connect to newsroom….
type connectDialog struct {
	host, port, database, user, password *keyEntry
	sslmode                              *widget.Select
	result                               *widget.Label
	test                                 *sideButton
	connect                              *widget.Button
	dialog                               *dialog.CustomDialog
	// gen counts tests, so that an older answer arriving late is dropped.
	gen int
}

// address is what the dialog's fields say.
func (c *connectDialog) address() serverAddress {
	return serverAddress{
		Host: strings.TrimSpace(c.host.Text), Port: strings.TrimSpace(c.port.Text),
		Database: strings.TrimSpace(c.database.Text), User: strings.TrimSpace(c.user.Text), SSLMode: c.sslmode.Selected,
	}
}

// say shows a sentence under the fields, in the error colour when bad.
func (c *connectDialog) say(msg string, imp widget.Importance) {
	c.result.SetText(msg)
	c.result.Importance = imp
	c.result.Refresh()
}

// ShowConnectDialog opens File › Connect to newsroom…, filled with the
// library's server when it has one.
func (s *newsroomSync) ShowConnectDialog() *connectDialog {
	if s.link == nil {
		s.env.showError("Cannot connect to a newsroom server", editor.Errorf(editor.EINVALID, "this library cannot sync"))
		return nil
	}
	canvas := s.env.parent.Canvas()
	field := func(placeholder string) *keyEntry {
		e := newKeyEntry(func(k fyne.KeyName) bool {
			return (k == fyne.KeyReturn || k == fyne.KeyEnter || k == fyne.KeyEscape) && dialogKey(canvas, k)
		})
		e.SetPlaceHolder(placeholder)
		return e
	}
	c := &connectDialog{
		host: field("news.example.org"), port: field("5432"), database: field("dateline"),
		user: field("your user name on the server"), password: field("only to test, or to keep in ~/.pgpass"),
		sslmode: widget.NewSelect(sslModes, nil), result: widget.NewLabel(""),
	}
	c.password.Password = true
	c.result.Wrapping = fyne.TextWrapWord
	addr := serverAddress{Port: "5432", Database: "dateline", SSLMode: "prefer"}
	if s.dsn != "" {
		if a, err := parseServerAddress(s.dsn); err == nil {
			addr = a
		}
	}
	c.host.SetText(addr.Host)
	c.port.SetText(addr.Port)
	c.database.SetText(addr.Database)
	c.user.SetText(addr.User)
	c.sslmode.SetSelected(addr.SSLMode)
	if s.dsn != "" {
		c.say("Connected to "+s.server+". Change the fields and Connect to sync with another server.", widget.MediumImportance)
	}
	hint := widget.NewLabel("prefer suits a newsroom network; over the internet use verify-full, with the server's certificate (see the README).")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	c.test = newSideButton("Test connection", func() { s.testConnection(c) })
	form := widget.NewForm(
		widget.NewFormItem("Server", c.host),
		widget.NewFormItem("Port", c.port),
		widget.NewFormItem("Database", c.database),
		widget.NewFormItem("User name", c.user),
		widget.NewFormItem("Password", c.password),
		widget.NewFormItem("TLS (sslmode)", c.sslmode),
	)
	content := container.NewVBox(form, hint, container.NewHBox(c.test), c.result)
	c.dialog = dialog.NewCustomWithoutButtons("Connect to newsroom", content, s.env.parent)
	c.connect = widget.NewButton("Connect", func() { s.connectFromDialog(c) })
	c.connect.Importance = widget.HighImportance
	c.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", func() { c.dialog.Hide() }), c.connect})
	c.dialog.Resize(fyne.NewSize(560, 0))
	c.dialog.Show()
	canvas.Focus(c.host)
	return c
}

// testConnection tries the dialog's server on a worker and says what
// happened.
func (s *newsroomSync) testConnection(c *connectDialog) {
	addr := c.address()
	if err := addr.check(); err != nil {
		c.say(editor.ErrorMessage(err), widget.DangerImportance)
		return
	}
	c.gen++
	gen, dsn, password, link := c.gen, addr.dsn(), c.password.Text, s.link
	c.say("Testing "+addr.label()+"…", widget.MediumImportance)
	c.test.Disable()
	s.env.run(func() func() {
		ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
		defer cancel()
		chk := link.Check(ctx, dsn, password)
		return func() {
			if gen != c.gen {
				return
			}
			c.test.Enable()
			imp := widget.DangerImportance
			if chk.Outcome == editor.ServerReached {
				imp = widget.SuccessImportance
			}
			c.say(chk.Message, imp)
		}
	})
}

// connectFromDialog remembers the dialog's server, after offering to keep
// a typed password in the password file.
func (s *newsroomSync) connectFromDialog(c *connectDialog) {
	addr := c.address()
	if err := addr.check(); err != nil {
		c.say(editor.ErrorMessage(err), widget.DangerImportance)
		return
	}
	password := c.password.Text
	if password == "" {
		s.connectTo(c, addr, "")
		return
	}
	confirm := dialog.NewConfirm("Keep the password?",
		wrapText(fmt.Sprintf("Dateline never keeps a password in the library. Keep the password for %s in ~/.pgpass (or the file PGPASSFILE names), readable by you only, where Dateline and psql find it? Without it, sync asks the server without a password.", addr.label()), startErrorColumns),
		func(keep bool) {
			if keep {
				s.connectTo(c, addr, password)
			} else {
				s.connectTo(c, addr, "")
			}
		}, s.env.parent)
	confirm.SetConfirmText("Keep it")
	confirm.SetDismissText("Don't keep it")
	confirm.Show()
}

// connectTo keeps the password, when given, remembers the server and
// starts the background sync.
func (s *newsroomSync) connectTo(c *connectDialog, addr serverAddress, password string) {
	dsn, link := addr.dsn(), s.link
	c.connect.Disable()
	s.env.run(func() func() {
		where, err := "", error(nil)
		if password != "" {
			where, err = link.StorePassword(dsn, password)
		}
		if err == nil {
			err = link.Connect(context.Background(), dsn)
		}
		return func() {
			c.connect.Enable()
			if err != nil {
				c.say(editor.ErrorMessage(err), widget.DangerImportance)
				return
			}
			c.dialog.Hide()
			s.start(dsn)
			// Short enough for a laptop's status bar, beside the sync state.
			msg := "Connected to " + addr.label()
			if where != "" {
				msg += "; password kept in " + where
			}
			s.env.status(msg, false)
		}
	})
}
