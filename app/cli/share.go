package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
	"github.com/dateline-news/dateline/storage/pgsync"
)

// The newsroom verbs of issue 14: sharing a draft on the server, and
// assigning it to an editor.
var (
	shareCommand = command{"share", "ID|SLUG --with USER [--unshare]",
		"share a draft on the newsroom server with a user (or stop sharing it); needs the server", runShare}
	assignCommand = command{"assign", "ID|SLUG --to USER  or  ID|SLUG --clear",
		"assign a draft to an editor (works offline; the assignment travels with the draft)", runAssign}
)

// editorCheckTimeout bounds how long assign waits for the server to
// confirm that the assignee is an editor; offline it goes on unchecked.
const editorCheckTimeout = 5 * time.Second

// runShare implements "dateline share": it syncs the library, so that the
// draft is on the server, and then shares it there. The server decides
// who may share (the owner, an editor of the draft's desk, an admin).
func runShare(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	with := fs.String("with", "", "the newsroom user to share the draft with (their login name)")
	unshare := fs.Bool("unshare", false, "stop sharing the draft with that user")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name one draft")
	}
	user := editor.NormalizeUserName(*with)
	if user == "" {
		return usage(env, c.name, "say who with --with USER")
	}
	if err := editor.CheckUserName(user); err != nil {
		return usage(env, c.name, "%s", editor.ErrorMessage(err))
	}
	store, a, ok := openDraft(ctx, env, fs.Arg(0))
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	lib, dsn, err := libraryServer(ctx, store)
	if err != nil {
		return fail(env, err)
	}
	if dsn == "" {
		return fail(env, editor.Errorf(editor.EUNAVAILABLE, "sharing happens on the newsroom server, and this library has none yet; connect with 'dateline sync --server DSN' first"))
	}
	// The draft must be on the server: push (and pull) first.
	if _, err := pgsync.Sync(ctx, lib, dsn); err != nil {
		return fail(env, editor.Errorf(editor.ErrorCode(err), "sharing needs the newsroom server: %s", editor.ErrorMessage(err)))
	}
	conn, err := pgsync.Connect(ctx, dsn)
	if err != nil {
		return fail(env, err)
	}
	defer conn.Close(context.Background())
	changed, err := pgsync.Share(ctx, conn, a.ID, user, !*unshare)
	if err != nil {
		return fail(env, err)
	}
	names, err := pgsync.SharedWith(ctx, conn, a.ID)
	if err != nil {
		return fail(env, err)
	}
	verb := "Shared"
	if *unshare {
		verb = "Stopped sharing"
	}
	if !changed {
		verb = "Already shared"
		if *unshare {
			verb = "Was not shared"
		}
	}
	fmt.Fprintf(env.Stdout, "%s “%s” with %s.\n", verb, articleName(a), user)
	if len(names) == 0 {
		fmt.Fprintln(env.Stdout, "It is shared with nobody.")
	} else {
		fmt.Fprintf(env.Stdout, "It is shared with %s.\n", strings.Join(names, ", "))
	}
	return ExitOK
}

// runAssign implements "dateline assign": the assignee is a field of the
// article, saved as a revision, so it works offline and the next sync
// takes it to the server (where it lets the editor see the draft). When
// the server is reachable, the assignee must be one of its editors.
func runAssign(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	to := fs.String("to", "", "the editor to assign the draft to (their newsroom login name)")
	clear := fs.Bool("clear", false, "assign the draft to nobody")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name one draft")
	}
	user := editor.NormalizeUserName(*to)
	if (user == "") == !*clear {
		return usage(env, c.name, "give --to USER or --clear")
	}
	if user != "" {
		if err := editor.CheckUserName(user); err != nil {
			return usage(env, c.name, "%s", editor.ErrorMessage(err))
		}
	}
	store, a, ok := openDraft(ctx, env, fs.Arg(0))
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	if user != "" {
		if err := checkEditor(ctx, env, store, user); err != nil {
			return fail(env, err)
		}
	}
	if a.AssignedTo == user {
		fmt.Fprintf(env.Stdout, "“%s” is already assigned to %s.\n", articleName(a), assigneeText(user))
		return ExitOK
	}
	a.AssignedTo = user
	if _, err := store.Save(ctx, a, editor.SaveOptions{Note: "assigned to " + assigneeText(user)}); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "Assigned “%s” to %s.\n", articleName(a), assigneeText(user))
	return ExitOK
}

// checkEditor refuses an assignee the newsroom server says is not an
// editor. Without a server, or with the server out of reach, the name is
// taken as typed and a note says it was not checked.
func checkEditor(ctx context.Context, env Env, store editor.Store, user string) error {
	_, dsn, err := libraryServer(ctx, store)
	if err != nil || dsn == "" {
		return err
	}
	cctx, cancel := context.WithTimeout(ctx, editorCheckTimeout)
	defer cancel()
	conn, err := pgsync.Connect(cctx, dsn)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dateline: %s is not checked against the newsroom server (%s)\n", user, editor.ErrorMessage(err))
		return nil
	}
	defer conn.Close(context.Background())
	editors, err := pgsync.Editors(cctx, conn)
	if err != nil {
		return err
	}
	if !slices.Contains(editors, user) {
		return editor.Errorf(editor.EINVALID, "%s is not an editor on the newsroom server; its editors are: %s", user, strings.Join(editors, ", "))
	}
	return nil
}

// libraryServer returns the library behind store and its newsroom server
// ("" when none is set).
func libraryServer(ctx context.Context, store editor.Store) (*storage.DB, string, error) {
	lib, ok := store.(*storage.DB)
	if !ok {
		return nil, "", editor.Errorf(editor.EINTERNAL, "this library cannot talk to a newsroom server")
	}
	dsn, err := lib.SyncSetting(ctx, storage.SyncServer)
	return lib, dsn, err
}

// assignFlags are list's and search's assignment filters.
type assignFlags struct {
	assignedTo *string
	filedToMe  *bool
}

func addAssignFlags(fs *flag.FlagSet) assignFlags {
	return assignFlags{
		assignedTo: fs.String("assigned-to", "", "only drafts assigned to this newsroom user"),
		filedToMe:  fs.Bool("filed-to-me", false, "only drafts filed and assigned to this library's newsroom user (the user it syncs as)"),
	}
}

// apply narrows opt by the flags. "Filed to me" needs the library's
// newsroom user: the login of the server it syncs with, which is known
// offline once the library has synced.
func (f assignFlags) apply(ctx context.Context, env Env, opt editor.ListOptions) (editor.ListOptions, error) {
	if u := editor.NormalizeUserName(*f.assignedTo); u != "" {
		if err := editor.CheckUserName(u); err != nil {
			return opt, err
		}
		opt.AssignedTo = u
	}
	if !*f.filedToMe {
		return opt, nil
	}
	store, ok := openReader(env)
	if !ok {
		return opt, errReported
	}
	defer store.Close()
	_, dsn, err := libraryServer(ctx, store)
	if err != nil {
		return opt, err
	}
	me := pgsync.UserOf(dsn)
	if dsn == "" || me == "" {
		return opt, editor.Errorf(editor.EINVALID, "this library has no newsroom user yet: --filed-to-me means the user it syncs as ('dateline sync --server DSN'); or use --assigned-to USER")
	}
	if opt.AssignedTo != "" && opt.AssignedTo != me {
		return opt, editor.Errorf(editor.EINVALID, "--filed-to-me is %s; it cannot be combined with --assigned-to %s", me, opt.AssignedTo)
	}
	return editor.FiledTo(opt, me), nil
}

// errReported is an error already printed.
var errReported = editor.Errorf(editor.EINTERNAL, "")

// listAssigned is listDrafts after the assignment filters.
func listAssigned(ctx context.Context, env Env, opt editor.ListOptions, asJSON bool, af assignFlags) int {
	opt, err := af.apply(ctx, env, opt)
	if err == errReported {
		return ExitFailure
	} else if err != nil {
		return fail(env, err)
	}
	return listDrafts(ctx, env, opt, asJSON)
}

// assigneeText names an assignee in a sentence: "nobody" for none.
func assigneeText(user string) string {
	if user == "" {
		return "nobody"
	}
	return user
}

// articleName is the draft's headline, or its slug when it has none.
func articleName(a *editor.Article) string {
	if strings.TrimSpace(a.Headline) != "" {
		return a.Headline
	}
	return a.Slug
}
