package editor

import (
	"errors"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to a temporary file beside path and renames
// it into place, so that a full disk or a crash never leaves a
// half-written export where a good file was. The file is readable by
// everyone (0644). Failures are EUNAVAILABLE errors that name the file.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Errorf(EUNAVAILABLE, "cannot write to %s: %s", dir, PathErrorText(err))
	}
	name := tmp.Name()
	defer os.Remove(name) // a no-op after the rename
	if _, err = tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		return Errorf(EUNAVAILABLE, "cannot write %s: %s", filepath.Base(path), PathErrorText(err))
	}
	return nil
}

// PathErrorText is err's message without the "open /long/path:" prefix of
// an *os.PathError, for messages that name the file themselves.
func PathErrorText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
