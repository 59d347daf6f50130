//go:build !(linux || darwin || freebsd)

package storage

import "os"

// unwritableReason is not implemented on this system: a library that
// cannot be written fails when Open first writes to it.
func unwritableReason(string) string { return "" }

// diskFull is not implemented on this system.
func diskFull(string) bool { return false }

// tryLock is not implemented on this system: it always succeeds, so one
// window per library and the cleaning of stale temporary files rest on the
// user there.
func tryLock(*os.File) (bool, error) { return true, nil }

// canLock is false: without locks, a temporary file in use by another
// process cannot be told from a stale one, so none is removed.
const canLock = false
