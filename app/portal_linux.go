//go:build linux

package app

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/godbus/dbus/v5"
)

// The XDG desktop portal's FileChooser, spoken to directly over the
// session bus: OpenFile and SaveFile return a request handle, and the
// answer comes as that request's Response signal
// (https://flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.FileChooser.html).
const (
	portalName      = "org.freedesktop.portal.Desktop"
	portalPath      = "/org/freedesktop/portal/desktop"
	portalChooser   = "org.freedesktop.portal.FileChooser"
	portalRequest   = "org.freedesktop.portal.Request"
	portalCancelled = 1
)

// xdgPortal is a systemChooser on a session bus connection of its own.
type xdgPortal struct {
	conn *dbus.Conn
}

// portalTokens numbers the requests of the process.
var portalTokens atomic.Uint64

// newSystemChooser returns the desktop portal's file chooser, or nil when
// no session bus is reachable or no portal runs on it (nor can be started
// by it). DATELINE_FILE_DIALOG=dateline (or its old value, fyne) always
// uses Dateline's own dialog.
func newSystemChooser() systemChooser {
	if v := os.Getenv("DATELINE_FILE_DIALOG"); v == "dateline" || v == "fyne" || os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return nil
	}
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return nil
	}
	var has bool
	if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, portalName).Store(&has); err != nil || !has {
		var names []string
		if conn.BusObject().Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&names) != nil || !contains(names, portalName) {
			_ = conn.Close()
			return nil
		}
	}
	return &xdgPortal{conn: conn}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// portalFilter is the portal's (sa(us)) filter: a name and its patterns,
// 0 marking a glob pattern.
type portalFilter struct {
	Name  string
	Rules []portalRule
}

type portalRule struct {
	Kind    uint32
	Pattern string
}

// OpenFiles implements systemChooser.
func (p *xdgPortal) OpenFiles(parent, title, filterName string, patterns []string, multiple bool) ([]string, error) {
	opts := map[string]dbus.Variant{"modal": dbus.MakeVariant(true), "multiple": dbus.MakeVariant(multiple)}
	if len(patterns) > 0 {
		f := portalFilter{Name: filterName}
		for _, pat := range patterns {
			f.Rules = append(f.Rules, portalRule{0, pat})
		}
		opts["filters"] = dbus.MakeVariant([]portalFilter{f})
		opts["current_filter"] = dbus.MakeVariant(f)
	}
	return p.request("OpenFile", parent, title, opts)
}

// SaveFile implements systemChooser.
func (p *xdgPortal) SaveFile(parent, title, name string) (string, error) {
	opts := map[string]dbus.Variant{"modal": dbus.MakeVariant(true), "current_name": dbus.MakeVariant(name)}
	paths, err := p.request("SaveFile", parent, title, opts)
	if err != nil || len(paths) == 0 {
		return "", err
	}
	return paths[0], nil
}

// request calls method with a handle token and waits for the answer on
// the request's path. The signal is subscribed to before the call, so an
// answer that comes at once is not missed.
func (p *xdgPortal) request(method, parent, title string, opts map[string]dbus.Variant) ([]string, error) {
	token := fmt.Sprintf("dateline%d_%d", os.Getpid(), portalTokens.Add(1))
	opts["handle_token"] = dbus.MakeVariant(token)
	sender := strings.ReplaceAll(strings.TrimPrefix(p.conn.Names()[0], ":"), ".", "_")
	want := dbus.ObjectPath(portalPath + "/request/" + sender + "/" + token)

	signals := make(chan *dbus.Signal, 4)
	p.conn.Signal(signals)
	defer p.conn.RemoveSignal(signals)
	match := []dbus.MatchOption{dbus.WithMatchInterface(portalRequest), dbus.WithMatchMember("Response")}
	if err := p.conn.AddMatchSignal(match...); err != nil {
		return nil, err
	}
	defer func() { _ = p.conn.RemoveMatchSignal(match...) }()

	var handle dbus.ObjectPath
	call := p.conn.Object(portalName, portalPath).Call(portalChooser+"."+method, 0, parent, title, opts)
	if err := call.Store(&handle); err != nil {
		return nil, err
	}
	for s := range signals {
		if s.Path != handle && s.Path != want || s.Name != portalRequest+".Response" {
			continue
		}
		return portalAnswer(s.Body)
	}
	return nil, errors.New("the session bus closed")
}

// portalAnswer reads a Response signal's body: a status and the results,
// whose "uris" are the chosen files.
func portalAnswer(body []any) ([]string, error) {
	if len(body) != 2 {
		return nil, errors.New("the desktop portal gave an answer of an unknown form")
	}
	status, _ := body[0].(uint32)
	if status == portalCancelled {
		return nil, nil
	}
	if status != 0 {
		return nil, fmt.Errorf("the desktop portal ended the dialog (status %d)", status)
	}
	results, _ := body[1].(map[string]dbus.Variant)
	v, ok := results["uris"]
	if !ok {
		return nil, nil
	}
	uris, _ := v.Value().([]string)
	var paths []string
	for _, u := range uris {
		path, ok := fileURIPath(u)
		if !ok {
			return nil, fmt.Errorf("the desktop portal chose %q, which is not a local file", u)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// nativeWindowID is the portal's name for w: "x11:" and its X window ID
// in hex, so that the chooser opens over it; "" when unknown.
func nativeWindowID(w fyne.Window) string {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return ""
	}
	id := ""
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok && x.WindowHandle != 0 {
			id = fmt.Sprintf("x11:%x", x.WindowHandle)
		}
	})
	return id
}
