// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb
// into a temporary folder, owned by an unprivileged user when the tests
// run as root (runuser -u postgres, else nobody), a server on a free port
// of 127.0.0.1 with trust authentication, and Stop to remove it all. It
// finds the server binaries under /usr/lib/postgresql/*/bin (Debian's
// postgresql package; make test-deps installs it) or on PATH.
package pgtest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrNoPostgres is returned by Start when no PostgreSQL binaries are
// installed.
var ErrNoPostgres = errors.New("PostgreSQL server binaries not found (install the postgresql package: make test-deps)")

// Cluster is a running throwaway cluster.
type Cluster struct {
	Bin  string // folder of initdb, pg_ctl, postgres
	Dir  string // the temporary folder: data/ and the socket
	Port int
	run  []string // command prefix: runuser -u USER -- when root
	mu   sync.Mutex
}

// FindBin returns the folder of the newest installed initdb.
func FindBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", ErrNoPostgres
}

// Start creates and starts a cluster. The superuser is "postgres" with
// trust authentication on 127.0.0.1 only.
func Start() (*Cluster, error) {
	bin, err := FindBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "dateline-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Bin: bin, Dir: dir}
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root.
		name := "postgres"
		u, err := user.Lookup(name)
		if err != nil {
			name = "nobody"
			if u, err = user.Lookup(name); err != nil {
				_ = os.RemoveAll(dir)
				return nil, fmt.Errorf("no unprivileged user (postgres or nobody) to run PostgreSQL as")
			}
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			_ = os.RemoveAll(dir)
			return nil, err
		}
		c.run = []string{"runuser", "-u", name, "--"}
	}
	if out, err := c.cmd("initdb", "-D", c.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C").CombinedOutput(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	conf := "listen_addresses = '127.0.0.1'\nunix_socket_directories = '" + dir + "'\nfsync = off\n" +
		"synchronous_commit = off\nfull_page_writes = off\nmax_connections = 300\nshared_buffers = 64MB\n"
	f, err := os.OpenFile(filepath.Join(c.data(), "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	_, err = f.WriteString(conf)
	_ = f.Close()
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	if err := c.Restart(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	c.watchdog()
	return c, nil
}

// watchdog starts a small shell loop that stops the server and removes
// the cluster once this process is gone, so that a test binary killed on
// a timeout leaves no PostgreSQL running. After a normal Stop it finds
// nothing to do and ends within a second of the process.
func (c *Cluster) watchdog() {
	stop := strings.Join(append(append([]string{}, c.run...), filepath.Join(c.Bin, "pg_ctl"), "-D", c.data(), "-m", "immediate", "stop"), " ")
	script := fmt.Sprintf("while kill -0 %d 2>/dev/null; do sleep 1; done; if [ -d %s ]; then %s >/dev/null 2>&1; rm -rf %s; fi",
		os.Getpid(), c.data(), stop, c.Dir)
	cmd := exec.Command("sh", "-c", script)
	if err := cmd.Start(); err == nil {
		go func() { _ = cmd.Wait() }()
	}
}

func (c *Cluster) data() string { return filepath.Join(c.Dir, "data") }

func (c *Cluster) cmd(tool string, args ...string) *exec.Cmd {
	argv := append(append(append([]string{}, c.run...), filepath.Join(c.Bin, tool)), args...)
	return exec.Command(argv[0], argv[1:]...)
}

// freePort asks the kernel for a free port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Restart starts the stopped server, on the same port as before once it
// had one.
func (c *Cluster) Restart() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Port == 0 {
		p, err := freePort()
		if err != nil {
			return err
		}
		c.Port = p
	}
	out, err := c.cmd("pg_ctl", "-D", c.data(), "-w", "-t", "60", "-l", filepath.Join(c.Dir, "log"),
		"-o", "-p "+strconv.Itoa(c.Port), "start").CombinedOutput()
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(c.Dir, "log"))
		return fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return nil
}

// StopServer stops the server, fast (open sessions are cut), keeping the
// cluster for Restart.
func (c *Cluster) StopServer() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	out, err := c.cmd("pg_ctl", "-D", c.data(), "-w", "-t", "60", "-m", "fast", "stop").CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// Stop stops the server and removes the cluster.
func (c *Cluster) Stop() error {
	err := c.StopServer()
	// Wait for the postmaster's pid file to go, then remove everything.
	for i := 0; i < 50; i++ {
		if _, e := os.Stat(filepath.Join(c.data(), "postmaster.pid")); errors.Is(e, os.ErrNotExist) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if rmErr := os.RemoveAll(c.Dir); err == nil {
		err = rmErr
	}
	return err
}

// DSN returns a connection string for the database db as user.
func (c *Cluster) DSN(db, user string) string {
	return fmt.Sprintf("host=127.0.0.1 port=%d dbname=%s user=%s sslmode=disable", c.Port, db, user)
}

// Required reports whether a missing PostgreSQL must fail the tests rather
// than skip them: in CI (CI=true) it must.
func Required() bool {
	return strings.EqualFold(os.Getenv("CI"), "true") || os.Getenv("DATELINE_REQUIRE_POSTGRES") == "1"
}
