package cli

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseGlobals(t *testing.T) {
	cases := []struct {
		args    []string
		want    Globals
		rest    []string
		wantErr string
	}{
		{nil, Globals{}, nil, ""},
		{[]string{"list"}, Globals{}, []string{"list"}, ""},
		{[]string{"--library", "a.db", "list", "--json"}, Globals{Library: "a.db"}, []string{"list", "--json"}, ""},
		{[]string{"-library=b.db", "export", "--library", "x"}, Globals{Library: "b.db"}, []string{"export", "--library", "x"}, ""},
		{[]string{"--library=c.db"}, Globals{Library: "c.db"}, nil, ""},
		{[]string{"--help"}, Globals{Help: true}, nil, ""},
		{[]string{"-h"}, Globals{Help: true}, nil, ""},
		{[]string{"--version"}, Globals{Version: true}, nil, ""},
		{[]string{"--", "list"}, Globals{}, []string{"list"}, ""},
		{[]string{"--library"}, Globals{}, nil, "--library needs a file path"},
		{[]string{"--library="}, Globals{}, nil, "--library needs a file path"},
		{[]string{"--libary", "x.db"}, Globals{}, nil, "unknown flag -libary"},
	}
	for _, c := range cases {
		g, rest, err := ParseGlobals(c.args)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%q: error %v, want %q", c.args, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.args, err)
			continue
		}
		if g != c.want || !reflect.DeepEqual(rest, c.rest) && len(rest)+len(c.rest) > 0 {
			t.Errorf("%q: got %+v %q, want %+v %q", c.args, g, rest, c.want, c.rest)
		}
	}
}
