package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// LockSuffix names the file beside a library that a Dateline window (or a
// restore) locks while it has the library open: library.db.lock.
const LockSuffix = ".lock"

// LibraryLock is the hold one Dateline window, or one restore, has on a
// library: an exclusive flock on the file LIBRARY.lock, which says which
// process holds it. The operating system lets go of the lock when the
// process ends, however it ends, so a crash leaves no stale lock. The
// command line's other commands do not take it and work beside a window.
type LibraryLock struct {
	f    *os.File // nil where no lock file could be made (a read-only folder)
	path string
}

// LockedError is the error LockLibrary returns when another process holds
// the library's lock.
type LockedError struct {
	// Library is the library file.
	Library string
	// PID and Host name the holder, as it wrote them in the lock file;
	// PID is 0 when the lock file could not be read.
	PID  int
	Host string
	// What the holder is doing: "window" or "restore".
	What string
}

// Error says which process has the library.
func (e *LockedError) Error() string {
	who := ""
	if e.PID > 0 {
		who = fmt.Sprintf(" (process %d on %s)", e.PID, e.Host)
	}
	switch e.What {
	case "window":
		return fmt.Sprintf("the library %s is already open in a Dateline window%s", e.Library, who)
	case "restore":
		return fmt.Sprintf("the library %s is being restored from a backup%s", e.Library, who)
	}
	return fmt.Sprintf("the library %s is in use by another Dateline process%s", e.Library, who)
}

// LockLibrary takes the library's lock for what ("window" or "restore")
// without waiting. If another process holds it, the error is a
// *LockedError. A library whose folder cannot hold a lock file (a
// read-only folder or disk) cannot be written either, so it is not locked:
// the returned lock holds nothing.
func LockLibrary(libraryPath, what string) (*LibraryLock, error) {
	lib, err := realPath(libraryPath)
	if err != nil {
		return nil, editor.Errorf(editor.EINVALID, "library path %s: %v", libraryPath, err)
	}
	l := &LibraryLock{path: lib + LockSuffix}
	writable := true
	f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		writable = false
		if f, err = os.Open(l.path); errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return l, nil
		} else if err != nil {
			return nil, editor.Errorf(editor.EUNAVAILABLE, "lock the library %s: %v", lib, errors.Unwrap(err))
		}
	}
	ok, err := tryLock(f)
	if err != nil {
		_ = f.Close()
		return nil, editor.Errorf(editor.EUNAVAILABLE, "lock the library %s: %v", lib, err)
	}
	if !ok {
		defer f.Close()
		b := make([]byte, 512)
		n, _ := f.ReadAt(b, 0)
		e := &LockedError{Library: lib}
		if fields := strings.Fields(string(b[:n])); len(fields) >= 3 {
			e.PID, _ = strconv.Atoi(fields[0])
			e.Host, e.What = fields[1], fields[2]
		}
		return nil, e
	}
	if writable {
		host, _ := os.Hostname()
		if host == "" {
			host = "this-computer"
		}
		_ = f.Truncate(0)
		_, _ = f.WriteAt([]byte(fmt.Sprintf("%d %s %s\n", os.Getpid(), strings.ReplaceAll(host, " ", "-"), what)), 0)
	}
	l.f = f
	return l, nil
}

// Path returns the lock file's path.
func (l *LibraryLock) Path() string {
	return l.path
}

// Release lets go of the lock. The lock file stays: removing it could
// let two processes lock two different files of the same name.
func (l *LibraryLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		_ = f.Truncate(0) // writable files only; a stale name is never shown
	}
	return f.Close()
}
