package editor

import (
	"regexp"
	"strings"
)

// userName is the form of a newsroom user name: a PostgreSQL role name in
// lower case, as "dateline server adduser" makes them.
var userName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// CheckUserName says whether name is a valid newsroom user name (the
// login a person syncs with, and what Article.AssignedTo holds): lower-case
// letters, digits and _, starting with a letter or _, at most 63
// characters. It returns an *Error with code EINVALID otherwise.
func CheckUserName(name string) error {
	if !userName.MatchString(name) {
		return Errorf(EINVALID, "user name %q: use lower-case letters, digits and _ (a PostgreSQL role name), at most 63 characters", name)
	}
	return nil
}

// NormalizeUserName turns what a person typed for a user name into the
// name: spaces around it dropped and letters lowered ("Ana " is "ana"),
// since PostgreSQL folds unquoted role names to lower case.
func NormalizeUserName(typed string) string {
	return strings.ToLower(strings.TrimSpace(typed))
}

// FiledTo narrows opt to the drafts filed to user: status filed and
// assigned to user. It is the one rule of the library's "Filed to me"
// (the window's filter and "dateline list --filed-to-me").
func FiledTo(opt ListOptions, user string) ListOptions {
	opt.Statuses = []Status{StatusFiled}
	opt.AssignedTo = user
	return opt
}
