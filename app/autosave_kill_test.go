package app

// The kill harness (issue 8): a child process drives the window's own
// autosave engine (autosaver, with the real clock and the real store) with
// a realistic typing stream and reports every keystroke; the parent
// SIGKILLs it at a random moment, reopens the library, runs the integrity
// check and measures how much typing was lost. CI runs
// DefaultKillTrials trials with go test; make soak runs 1,000
// (DATELINE_KILL_TRIALS). Target: at most a second of typing lost in every
// trial, integrity ok in every trial.

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// killChildEnv names the child's task: "library path|draft ID|seed".
const killChildEnv = "DATELINE_KILL_CHILD"

// DefaultKillTrials is how many trials go test (and so CI) runs.
const DefaultKillTrials = 200

// The kill harness's bounds.
const (
	// killMinDelay and killMaxDelay bound when a child is killed, after it
	// starts typing.
	killMinDelay = 300 * time.Millisecond
	killMaxDelay = 3 * time.Second
	// killMaxLost is the most typing a trial may lose.
	killMaxLost = time.Second
	// killParallel is how many children type at once; they mostly sleep
	// between keystrokes.
	killParallel = 8
)

func TestMain(m *testing.M) {
	if spec := os.Getenv(killChildEnv); spec != "" {
		if err := runKillChild(spec); err != nil {
			fmt.Fprintln(os.Stderr, "kill child:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// keystroke is one key of the typing stream: the rune and the pause
// before it.
type keystroke struct {
	r    rune
	wait time.Duration
}

// typingStream is a writer's typing: words of a newsroom vocabulary at 5
// to 10 characters a second, with a longer pause now and then after a
// sentence or a word, as a writer stops to think. The same seed gives the
// same stream, so that the parent knows the text the child typed.
func typingStream(seed uint64, length int) []keystroke {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	words := strings.Fields("the council said on Tuesday that harbour cranes would stay idle until talks resume and " +
		"workers voted to return after nine days of strike while ministers met in Nairobi to count losses")
	var keys []keystroke
	sentence := 0
	for len(keys) < length {
		w := words[rng.IntN(len(words))]
		sentence++
		text := w + " "
		if sentence > 6+rng.IntN(8) {
			text = w + ". "
			sentence = 0
		}
		for i, r := range text {
			wait := time.Duration(100+rng.IntN(101)) * time.Millisecond // 5 to 10 characters a second
			if i == 0 && len(keys) > 0 {
				switch {
				case keys[len(keys)-2].r == '.' && rng.IntN(2) == 0:
					wait += time.Duration(400+rng.IntN(1100)) * time.Millisecond // a pause after a sentence
				case rng.IntN(12) == 0:
					wait += time.Duration(200+rng.IntN(600)) * time.Millisecond // a pause to think
				}
			}
			keys = append(keys, keystroke{r: r, wait: wait})
		}
	}
	return keys
}

// streamText is the text the first n keystrokes type.
func streamText(keys []keystroke) string {
	var b strings.Builder
	for _, k := range keys {
		b.WriteRune(k.r)
	}
	return b.String()
}

// runKillChild is the child: it opens the library, loads the draft and
// types the stream into it through the autosaver on an owner goroutine of
// its own, as the window's UI goroutine would, printing "ready" once and
// then "k <µs since typing started> <body length>" after each keystroke
// is in the draft. It types until it is killed.
func runKillChild(spec string) error {
	parts := strings.Split(spec, "|")
	if len(parts) != 3 {
		return fmt.Errorf("bad %s %q", killChildEnv, spec)
	}
	seed, err := strconv.ParseUint(parts[2], 10, 64)
	if err != nil {
		return err
	}
	store, err := storage.Open(parts[0])
	if err != nil {
		return err
	}
	art, err := store.Get(context.Background(), parts[1])
	if err != nil {
		return err
	}

	loop := make(chan func(), 1024)
	post := func(f func()) { loop <- f }
	s := &autosaver{
		store: store, clock: realClock{}, delay: DefaultAutosaveDelay, maxWait: DefaultAutosaveMaxWait,
		current: func() *editor.Article { return art },
		goJob: func(work func() func()) {
			go func() {
				if done := work(); done != nil {
					post(done)
				}
			}()
		},
	}
	s.timer.post = post
	s.reset(editor.NewID())

	out := os.Stdout // unbuffered: each line is one write
	fmt.Fprintln(out, "ready")
	start := time.Now()
	go func() {
		for _, k := range typingStream(seed, 200) {
			time.Sleep(k.wait)
			done := make(chan struct{})
			post(func() {
				art.Body += string(k.r)
				s.changed()
				fmt.Fprintf(out, "k %d %d\n", time.Since(start).Microseconds(), len(art.Body))
				close(done)
			})
			<-done
		}
		post(func() { s.save(func(bool) { close(loop) }) })
	}()
	for f := range loop {
		f()
	}
	return nil
}

// killResult is one trial's outcome.
type killResult struct {
	lost    time.Duration
	typed   int // keystrokes reported
	stored  int // characters in the library
	killed  time.Duration
	problem string
}

func TestKillHarness(t *testing.T) {
	trials := DefaultKillTrials
	if s := os.Getenv("DATELINE_KILL_TRIALS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("DATELINE_KILL_TRIALS=%q is not a positive number", s)
		}
		trials = n
	}
	results := make([]killResult, trials)
	sem := make(chan struct{}, killParallel)
	var wg sync.WaitGroup
	for i := range trials {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = killTrial(t, i)
		}()
	}
	wg.Wait()

	var lost []time.Duration
	failures := 0
	for i, r := range results {
		if r.problem != "" {
			failures++
			t.Errorf("trial %d (killed after %v, %d keystrokes, %d characters stored): %s", i, r.killed.Round(time.Millisecond), r.typed, r.stored, r.problem)
			continue
		}
		lost = append(lost, r.lost)
		if r.lost > killMaxLost {
			failures++
			t.Errorf("trial %d (killed after %v): %v of typing lost, more than %v", i, r.killed.Round(time.Millisecond), r.lost.Round(time.Millisecond), killMaxLost)
		}
	}
	slices.Sort(lost)
	pct := func(p float64) time.Duration {
		if len(lost) == 0 {
			return 0
		}
		return lost[min(len(lost)-1, int(p*float64(len(lost))))]
	}
	zero := 0
	for _, l := range lost {
		if l == 0 {
			zero++
		}
	}
	report := fmt.Sprintf("kill harness: %d trials, %d failed, integrity ok in %d; typing lost p50 %d ms, p95 %d ms, max %d ms; nothing lost in %d",
		trials, failures, len(lost), pct(0.50).Milliseconds(), pct(0.95).Milliseconds(), pct(1).Milliseconds(), zero)
	t.Log(report)
	if path := os.Getenv("DATELINE_KILL_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(report+"\n"), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// killTrial runs one child on a fresh library, kills it, and measures.
func killTrial(t *testing.T, i int) killResult {
	var res killResult
	fail := func(format string, args ...any) killResult {
		res.problem = fmt.Sprintf(format, args...)
		return res
	}
	seed := uint64(time.Now().UnixNano()) ^ uint64(i)<<32
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	path := filepath.Join(t.TempDir(), "library.db")
	store, err := storage.Open(path)
	if err != nil {
		return fail("create library: %v", err)
	}
	a := editor.NewArticle(time.Now())
	a.Headline = "Kill trial " + strconv.Itoa(i)
	a.Slug = "kill-trial-" + strconv.Itoa(i)
	if _, err := store.Create(context.Background(), a, editor.SaveOptions{}); err != nil {
		return fail("create draft: %v", err)
	}
	if err := store.Close(); err != nil {
		return fail("close library: %v", err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s|%s|%d", killChildEnv, path, a.ID, seed))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fail("pipe: %v", err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fail("start child: %v", err)
	}
	ready := make(chan struct{})
	var lines []string
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == "ready" {
				close(ready)
				continue
			}
			lines = append(lines, sc.Text())
		}
	}()
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return fail("the child never started typing: %s", stderr.String())
	}
	res.killed = killMinDelay + time.Duration(rng.Int64N(int64(killMaxDelay-killMinDelay)))
	time.Sleep(res.killed)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		return fail("kill: %v", err)
	}
	<-read
	_ = cmd.Wait()

	// The keystrokes the child reported.
	type key struct {
		at     time.Duration
		length int
	}
	var keys []key
	for _, l := range lines {
		var us int64
		var n int
		if _, err := fmt.Sscanf(l, "k %d %d", &us, &n); err != nil {
			return fail("child said %q: %v", l, err)
		}
		keys = append(keys, key{time.Duration(us) * time.Microsecond, n})
	}
	res.typed = len(keys)

	// The library as the next start finds it.
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		return fail("open raw: %v", err)
	}
	var integrity string
	err = raw.QueryRow(`PRAGMA integrity_check`).Scan(&integrity)
	_ = raw.Close()
	if err != nil || integrity != "ok" {
		return fail("integrity_check: %q, %v", integrity, err)
	}
	db, err := storage.Open(path)
	if err != nil {
		return fail("reopen: %v", err)
	}
	defer db.Close()
	if problems, err := db.Check(context.Background()); err != nil || len(problems) != 0 {
		return fail("check: %v, %v", problems, err)
	}
	got, err := db.Get(context.Background(), a.ID)
	if err != nil {
		return fail("get: %v", err)
	}
	res.stored = len(got.Body)
	text := streamText(typingStream(seed, 200))
	if !strings.HasPrefix(text, got.Body) {
		return fail("stored body %q is not what was typed (%q…)", got.Body, text[:min(len(text), len(got.Body)+10)])
	}
	// Lost typing: from the first keystroke not in the library to the
	// last one typed.
	for _, k := range keys {
		if k.length > len(got.Body) {
			res.lost = keys[len(keys)-1].at - k.at
			break
		}
	}
	if n := len(keys); n > 0 && keys[n-1].length < len(got.Body) {
		return fail("the library holds %d characters, more than the %d typed", len(got.Body), keys[n-1].length)
	}
	return res
}
