// Package pgsync is Dateline's newsroom server: offline-first sync of every
// laptop's library through PostgreSQL (github.com/jackc/pgx/v5).
//
// The server is a meeting point, not a requirement for writing: each
// laptop keeps its whole library in SQLite (package storage) and syncs
// when it can. Revisions are immutable and keyed by their UUIDv7, so sync
// only ever adds: a push sends the revisions the server lacks, a pull
// brings the ones the laptop lacks, and both sides pick the same winning
// head by the same rule (storage.SyncApply, the server's push function):
// a save whose base is no longer the head is a conflict tip beside the
// winner, never lost.
//
// Files:
//   - migration/*.sql: the server schema, embedded and applied in order by
//     Init: tables (drafts, revisions, heads, profile, users), the roles,
//     row-level security, and push, the one PL/pgSQL function a push
//     calls (it locks the draft rows, inserts idempotently, recomputes the
//     heads and the winners, and notifies listeners), and visible_drafts,
//     the one rule of who sees what.
//   - server.go: Init (dateline server init) and AddUser (dateline server
//     adduser), connection strings (libpq conventions, never a password
//     kept in the library).
//   - sync.go: Sync, the client engine: push what the server lacks, pull
//     by transaction snapshot (pg_current_snapshot's xmin as the cursor,
//     so that a push still in flight during a pull is read by the next
//     one), the publication profile (an admin's change is shared, anyone
//     else's stays on their laptop), and Listen for LISTEN/NOTIFY.
//   - client.go: Client, the window's handle on the server
//     (editor.Newsroom: the remembered server, Sync and Listen on it, the
//     revisions waiting, a draft's heads) and CheckServer, the connection
//     test that says in plain words what happened; pgpass.go: StorePassword,
//     a password kept libpq's way (~/.pgpass or PGPASSFILE, mode 0600),
//     never in the library.
//   - pgtest/: a throwaway PostgreSQL cluster for tests (initdb as an
//     unprivileged user, a free port on 127.0.0.1).
package pgsync
