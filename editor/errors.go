package editor

import (
	"errors"
	"fmt"
)

// Error codes returned by editor and Store operations. Callers branch on the
// code with ErrorCode; the message is meant for the user.
const (
	// EINVALID means the input failed validation or could not be parsed.
	EINVALID = "invalid"
	// ENOTFOUND means the requested draft, revision or file does not exist.
	ENOTFOUND = "not_found"
	// ECONFLICT means the operation clashes with existing state, such as a
	// duplicate slug or UUID, or an illegal workflow transition.
	ECONFLICT = "conflict"
	// ESTALE means a save was based on a revision that is no longer the
	// draft's newest: someone else saved the draft meanwhile. Nothing was
	// overwritten; Store.Save kept the text as a conflicting revision
	// beside the head and returns that revision with the error.
	ESTALE = "stale"
	// EUNAVAILABLE means a resource could not be used right now: a locked
	// library, a full disk, a missing display.
	EUNAVAILABLE = "unavailable"
	// EINTERNAL means an unexpected failure; the message carries details.
	EINTERNAL = "internal"
)

// Error is a domain error with a machine-readable Code and a human-readable
// Message that the GUI and CLI show as they are.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return e.Message
}

// Errorf builds an *Error with the given code and a formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or
// err.Error() for any other error, and "" for nil.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
