package pgsync

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/editor"
)

// PassfilePath is where libpq (and pgx) read passwords: the file
// PGPASSFILE names, else ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on
// Windows).
func PassfilePath() (string, error) {
	if p := os.Getenv("PGPASSFILE"); p != "" {
		return p, nil
	}
	if runtime.GOOS == "windows" {
		if d := os.Getenv("APPDATA"); d != "" {
			return filepath.Join(d, "postgresql", "pgpass.conf"), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "no home folder for ~/.pgpass: %v", err)
	}
	return filepath.Join(home, ".pgpass"), nil
}

// StorePassword keeps password for the server, database and user of dsn
// in the password file (PassfilePath), libpq's way: one line
// host:port:database:user:password, with ':' and '\' escaped, in a file
// readable by its owner only (mode 0600; libpq ignores a file others can
// read). A line for the same host, port, database and user is replaced;
// every other line is kept. The file is replaced whole (written beside it,
// then renamed), so a crash leaves the old one or the new one. It returns
// the file's path.
func StorePassword(dsn, password string) (string, error) {
	if password == "" || strings.ContainsAny(password, "\r\n") {
		return "", editor.Errorf(editor.EINVALID, "a password for ~/.pgpass is one line, not empty")
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "", editor.Errorf(editor.EINVALID, "server %q: %v", Redact(dsn), err)
	}
	host := cfg.Host
	if strings.HasPrefix(host, "/") {
		host = "localhost" // libpq's name for a Unix socket in the password file
	}
	key := strings.Join([]string{passEscape(host), strconv.Itoa(int(cfg.Port)), passEscape(cfg.Database), passEscape(cfg.User)}, ":") + ":"
	path, err := PassfilePath()
	if err != nil {
		return "", err
	}
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return "", editor.Errorf(editor.EUNAVAILABLE, "read %s: %v", path, err)
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(old))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, key) {
			out.WriteString(line + "\n")
		}
	}
	out.WriteString(key + passEscape(password) + "\n")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "create the folder of %s: %v", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pgpass-*")
	if err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "write %s: %v", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close()
		return "", editor.Errorf(editor.EUNAVAILABLE, "write %s: %v", path, err)
	}
	if _, err := tmp.Write(out.Bytes()); err != nil {
		_ = tmp.Close()
		return "", editor.Errorf(editor.EUNAVAILABLE, "write %s: %v", path, err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return "", editor.Errorf(editor.EUNAVAILABLE, "write %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "write %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "write %s: %v", path, err)
	}
	return path, nil
}

// passEscape escapes a field of the password file.
func passEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `:`, `\:`).Replace(s)
}

// passfileName is path for messages: "~/.pgpass" when it is that file.
func passfileName(path string) string {
	if home, err := os.UserHomeDir(); err == nil && path == filepath.Join(home, ".pgpass") {
		return "~/.pgpass"
	}
	return path
}
