package editor

import (
	"fmt"
	"regexp"
	"strings"
	"time"
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

// Presence is one other person who has a draft open, as the newsroom
// server last heard from their laptop: advisory, never a lock.
type Presence struct {
	// User is their newsroom user name, Device their laptop's name.
	User, Device string
	// Ago is how long ago their laptop last said so.
	Ago time.Duration
}

// PresenceLine is what the form says of the others who have a draft open:
// "Ana also has this open (ana-laptop, 1 min ago)"; with more people, "Ana
// (ana-laptop, 1 min ago) and Ben (desk-3, just now) also have this open";
// "" for nobody.
func PresenceLine(others []Presence) string {
	switch len(others) {
	case 0:
		return ""
	case 1:
		p := others[0]
		return fmt.Sprintf("%s also has this open (%s, %s)", displayUser(p.User), p.Device, agoText(p.Ago))
	}
	var parts []string
	for _, p := range others {
		parts = append(parts, fmt.Sprintf("%s (%s, %s)", displayUser(p.User), p.Device, agoText(p.Ago)))
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + " also have this open"
}

// displayUser is a user name as a sentence shows it: "ana" is "Ana".
func displayUser(name string) string {
	if name == "" {
		return "Someone"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// agoText says how long ago, to the minute: "just now", "1 min ago".
func agoText(d time.Duration) string {
	switch m := int(d / time.Minute); {
	case d < 30*time.Second:
		return "just now"
	case m <= 1:
		return "1 min ago"
	default:
		return fmt.Sprintf("%d min ago", m)
	}
}
