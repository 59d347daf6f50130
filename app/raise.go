package app

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// One window per library: the window that holds a library's lock listens
// on a small local socket named after the lock, and a second start on the
// same library asks it to come to the front instead of opening another
// window. main takes the lock (storage.LockLibrary); this file only carries
// the request.

// raiseRequest is the one line a second start sends; raiseReply is the
// answer of a window that came to the front.
const (
	raiseRequest = "raise"
	raiseReply   = "ok"
)

// raiseAddress returns the socket address for key (the library's lock
// file): an abstract socket on Linux, which needs no writable folder, and
// a socket file in the temporary folder elsewhere. The user ID is part of
// the name, so two people's windows never answer each other.
func raiseAddress(key string) string {
	sum := sha256.Sum256([]byte(strconv.Itoa(os.Getuid()) + "\x00" + key))
	name := "dateline-" + hex.EncodeToString(sum[:12])
	if runtime.GOOS == "linux" {
		return "@" + name
	}
	return filepath.Join(os.TempDir(), name+".sock")
}

// listenForRaise serves raise requests for key until stop is called; each
// one calls raise. It fails when the address is taken, in which case a
// second start says which process has the library instead.
func listenForRaise(key string, raise func()) (stop func(), err error) {
	addr := raiseAddress(key)
	if !strings.HasPrefix(addr, "@") {
		_ = os.Remove(addr) // a stale socket file; the caller holds the library's lock
	}
	l, err := net.Listen("unix", addr)
	if err != nil {
		return nil, err
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(2 * time.Second))
				line, err := bufio.NewReader(c).ReadString('\n')
				if err != nil || strings.TrimSpace(line) != raiseRequest {
					return
				}
				raise()
				_, _ = c.Write([]byte(raiseReply + "\n"))
			}()
		}
	}()
	return func() { _ = l.Close() }, nil
}

// RaiseRunning asks the Dateline window that holds key (the library's lock
// file, storage.LibraryLock.Path) to come to the front. A nil error means
// it answered that it did.
func RaiseRunning(key string) error {
	c, err := net.DialTimeout("unix", raiseAddress(key), 2*time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte(raiseRequest + "\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if strings.TrimSpace(line) != raiseReply {
		return errors.New("the window did not answer")
	}
	return nil
}

// bringToFront shows w and asks the window manager to focus it.
func bringToFront(w fyne.Window) {
	fyne.Do(func() {
		w.Show()
		w.RequestFocus()
	})
}
