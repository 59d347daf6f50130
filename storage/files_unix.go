//go:build linux || darwin || freebsd

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// unwritableReason says why the existing library file at path cannot be
// written by this process (a read-only file, folder or mount), or returns
// "". access(2) answers for this user, root included: root may write a
// chmod-protected file but not a read-only mount.
func unwritableReason(path string) string {
	dir := filepath.Dir(path)
	for _, c := range []struct{ name, what string }{{path, "the file " + path}, {dir, "its folder " + dir}} {
		err := syscall.Access(c.name, 2) // W_OK
		switch {
		case err == nil:
			continue
		case errors.Is(err, syscall.EROFS):
			return "it is on a read-only disk"
		case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
			return c.what + " is not writable"
		}
	}
	return ""
}

// diskFull reports whether the file system holding path has no room left
// for this user.
func diskFull(path string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &st); err != nil {
		return false
	}
	return uint64(st.Bavail)*uint64(st.Bsize) < 64<<10
}

// tryLock takes an exclusive advisory lock (flock) on f without waiting.
// It reports false when another open file holds it. The operating system
// releases the lock when f is closed or its process dies, however it dies.
func tryLock(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// canLock is true: tryLock locks.
const canLock = true
