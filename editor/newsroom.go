package editor

import (
	"context"
	"time"
)

// Newsroom is a library's link to its newsroom server (issue 14), as the
// window's background sync uses it: storage/pgsync's Client implements it
// for a storage library, and main hands it to the window beside the
// Store. The rule of sync lives in storage; this is only its handle.
type Newsroom interface {
	// Server returns the server's connection string the library
	// remembers, "" when it has none (it never holds a password).
	Server(ctx context.Context) (string, error)
	// Connect remembers dsn as the library's server. A server other than
	// the one remembered starts afresh: everything is pushed and pulled
	// again, which changes nothing twice. EINVALID for a malformed
	// address or one that holds a password.
	Connect(ctx context.Context, dsn string) error
	// Disconnect forgets the server: the library keeps every revision,
	// and a later Connect pushes and pulls from the start.
	Disconnect(ctx context.Context) error
	// Check tries dsn (with password, when not empty, for this attempt
	// only) and says in plain words what happened; it stores nothing.
	Check(ctx context.Context, dsn, password string) ServerCheck
	// StorePassword keeps password for dsn's server, database and user
	// where libpq looks for it (~/.pgpass or PGPASSFILE, mode 0600),
	// never in the library, and returns that file's name for people.
	StorePassword(dsn, password string) (string, error)
	// Sync pushes what the server lacks and pulls what the library
	// lacks. EUNAVAILABLE when the server cannot be reached (offline is
	// normal: nothing is lost and the next sync sends it), ENOTFOUND when
	// no server is remembered, EINVALID when the server refused (a wrong
	// password, no Dateline schema, no permission).
	Sync(ctx context.Context) (SyncReport, error)
	// Listen calls onPush once it listens (whatever was pushed before is
	// for a sync to read) and whenever someone pushes to the server
	// after, until ctx ends (nil) or the connection fails (an error).
	Listen(ctx context.Context, onPush func()) error
	// Waiting counts the library's revisions the server does not hold
	// yet.
	Waiting(ctx context.Context) (int, error)
	// Heads counts the draft's heads: 1 when its history is linear, more
	// when saves diverged and conflict tips wait for a person.
	Heads(ctx context.Context, draftID string) (int, error)
}

// SyncReport is what one sync did.
type SyncReport struct {
	// Server names the server for people: user@host:port/database.
	Server string
	// Pushed is how many revisions were sent, Pulled how many new ones
	// came into the library.
	Pushed, Pulled int
	// Waiting is how many revisions the server still lacks.
	Waiting int
	// At is when the sync completed.
	At time.Time
}

// ServerOutcome is the kind of answer a connection test got.
type ServerOutcome string

// The answers of a connection test.
const (
	// ServerReached: connected, and the server holds Dateline's schema.
	ServerReached ServerOutcome = "reached"
	// ServerWrongPassword: the server refused the password (or wanted one
	// and none was given).
	ServerWrongPassword ServerOutcome = "wrong_password"
	// ServerNoUser: the server knows no such user, or the user is not a
	// Dateline user (dateline server adduser).
	ServerNoUser ServerOutcome = "no_user"
	// ServerNoDatabase: the server has no database of that name.
	ServerNoDatabase ServerOutcome = "no_database"
	// ServerNotInitialised: the database has no Dateline schema yet
	// (dateline server init).
	ServerNotInitialised ServerOutcome = "not_initialised"
	// ServerUnreachable: no server answered at that address.
	ServerUnreachable ServerOutcome = "unreachable"
	// ServerRefused: any other refusal; Message says what.
	ServerRefused ServerOutcome = "refused"
)

// ServerCheck is the answer of a connection test: its kind and a sentence
// for the user.
type ServerCheck struct {
	Outcome ServerOutcome
	Message string
}

// Short is the few words the status bar gives for the outcome: "wrong
// password".
func (o ServerOutcome) Short() string {
	switch o {
	case ServerReached:
		return "reached"
	case ServerWrongPassword:
		return "wrong password"
	case ServerNoUser:
		return "unknown user"
	case ServerNoDatabase:
		return "no such database"
	case ServerNotInitialised:
		return "server not set up"
	case ServerUnreachable:
		return "server not reachable"
	}
	return "refused by the server"
}

// ServerRefusal is the error of a sync the server refused: the connection
// test's outcome, and the *Error (EINVALID, the whole sentence) it wraps.
type ServerRefusal struct {
	Outcome ServerOutcome
	Err     *Error
}

// Error implements the error interface.
func (e *ServerRefusal) Error() string { return e.Err.Error() }

// Unwrap gives the *Error, for ErrorCode and ErrorMessage.
func (e *ServerRefusal) Unwrap() error { return e.Err }
