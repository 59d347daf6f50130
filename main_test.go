package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseGlobals(t *testing.T) {
	cases := []struct {
		args    []string
		want    globals
		rest    []string
		wantErr string
	}{
		{nil, globals{}, nil, ""},
		{[]string{"list"}, globals{}, []string{"list"}, ""},
		{[]string{"--library", "a.db", "list", "--json"}, globals{library: "a.db"}, []string{"list", "--json"}, ""},
		{[]string{"-library=b.db", "export", "--library", "x"}, globals{library: "b.db"}, []string{"export", "--library", "x"}, ""},
		{[]string{"--library=c.db"}, globals{library: "c.db"}, nil, ""},
		{[]string{"--help"}, globals{help: true}, nil, ""},
		{[]string{"-h"}, globals{help: true}, nil, ""},
		{[]string{"--version"}, globals{version: true}, nil, ""},
		{[]string{"--", "list"}, globals{}, []string{"list"}, ""},
		{[]string{"--library"}, globals{}, nil, "--library needs a file path"},
		{[]string{"--library="}, globals{}, nil, "--library needs a file path"},
		{[]string{"--libary", "x.db"}, globals{}, nil, "unknown flag -libary"},
	}
	for _, c := range cases {
		g, rest, err := parseGlobals(c.args)
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
