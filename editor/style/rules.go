package style

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed rules.yaml
var rulesYAML []byte

// Severity says how much a finding matters. Errors make `dateline lint`
// exit with status 1.
type Severity string

// The severities, from the most serious.
const (
	// SeverityError is a mistake the copy must not go out with.
	SeverityError Severity = "error"
	// SeverityWarning is a departure from AP style to look at.
	SeverityWarning Severity = "warning"
	// SeverityInfo is a suggestion.
	SeverityInfo Severity = "info"
)

// Rule is one entry of the rule file: an id, a severity, the fields it
// reads, a message template ({text}, {want}) and the examples that show it
// firing and not firing.
type Rule struct {
	ID       string    `yaml:"id"`
	Severity Severity  `yaml:"severity"`
	Fields   []string  `yaml:"fields"`
	Message  string    `yaml:"message"`
	Words    []string  `yaml:"words"`
	Fires    []Example `yaml:"fires"`
	Passes   []Example `yaml:"passes"`
}

// Example is a small article a rule's examples are made of: body text, or
// the fields a dateline or byline rule reads.
type Example struct {
	Body        string   `yaml:"body"`
	Headline    string   `yaml:"headline"`
	Deck        string   `yaml:"deck"`
	Byline      []string `yaml:"byline"`
	BylineTitle string   `yaml:"byline_title"`
	Place       string   `yaml:"place"`
	Credit      string   `yaml:"credit"`
	Kind        string   `yaml:"kind"`
	Publisher   string   `yaml:"publisher"`
}

// UnmarshalYAML reads an example given as a plain string as body text.
func (e *Example) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		e.Body = n.Value
		return nil
	}
	type plain Example
	return n.Decode((*plain)(e))
}

// ruleFile is rules.yaml.
type ruleFile struct {
	Rules           []Rule            `yaml:"rules"`
	States          map[string]string `yaml:"states"`
	StateCodes      map[string]string `yaml:"state_codes"`
	StandaloneUS    []string          `yaml:"standalone_us"`
	StandaloneWorld []string          `yaml:"standalone_world"`
	NumberUnits     []string          `yaml:"number_units"`
	NumberBefore    []string          `yaml:"number_before"`
	NumberWords     []string          `yaml:"number_words"`
	SmallNumbers    []string          `yaml:"small_numbers"`
	Abbreviations   []string          `yaml:"abbreviations"`
}

// table is the rule file made ready for the checks.
type table struct {
	rules      []Rule
	byID       map[string]*Rule
	states     map[string]string // lower-case name → abbreviation ("" never)
	stateNames map[string]string // lower-case name → name
	codes      map[string]string // code → state name
	standalone map[string]bool   // every stand-alone city
	standWorld map[string]bool   // those outside the United States
	units      map[string]bool   // lower case
	before     map[string]bool   // lower case
	numWords   map[string]bool
	small      map[string]int
	abbrev     map[string]bool
	words      map[string]map[string]bool // rule id → its words, lower case
}

var (
	loadOnce sync.Once
	loaded   *table
	loadErr  error
)

// rulesTable parses the embedded rule file once.
func rulesTable() (*table, error) {
	loadOnce.Do(func() { loaded, loadErr = parseRules(rulesYAML) })
	return loaded, loadErr
}

// parseRules reads a rule file and checks that every rule has a check, a
// known severity and fields, and examples both ways.
func parseRules(src []byte) (*table, error) {
	var f ruleFile
	if err := yaml.Unmarshal(src, &f); err != nil {
		return nil, fmt.Errorf("style rules: %w", err)
	}
	t := &table{
		rules: f.Rules, byID: map[string]*Rule{},
		states: map[string]string{}, stateNames: map[string]string{}, codes: f.StateCodes,
		standalone: set(append(f.StandaloneUS, f.StandaloneWorld...), false), standWorld: set(f.StandaloneWorld, false), units: set(f.NumberUnits, true),
		before: set(f.NumberBefore, true), numWords: set(f.NumberWords, true),
		small: map[string]int{}, abbrev: set(f.Abbreviations, false), words: map[string]map[string]bool{},
	}
	for name, ab := range f.States {
		t.states[strings.ToLower(name)] = ab
		t.stateNames[strings.ToLower(name)] = name
	}
	for i, w := range f.SmallNumbers {
		t.small[strings.ToLower(w)] = i + 1
	}
	for i := range t.rules {
		r := &t.rules[i]
		switch {
		case r.ID == "":
			return nil, fmt.Errorf("style rules: rule %d has no id", i+1)
		case t.byID[r.ID] != nil:
			return nil, fmt.Errorf("style rules: %s is listed twice", r.ID)
		case r.Severity != SeverityError && r.Severity != SeverityWarning && r.Severity != SeverityInfo:
			return nil, fmt.Errorf("style rules: %s has severity %q (error, warning or info)", r.ID, r.Severity)
		case checks[r.ID] == nil:
			return nil, fmt.Errorf("style rules: %s has no check in checks.go", r.ID)
		case len(r.Fires) == 0 || len(r.Passes) == 0:
			return nil, fmt.Errorf("style rules: %s needs examples that fire and examples that pass", r.ID)
		case r.Message == "":
			return nil, fmt.Errorf("style rules: %s has no message", r.ID)
		}
		for _, fl := range r.Fields {
			if !validField(fl) {
				return nil, fmt.Errorf("style rules: %s reads unknown field %q", r.ID, fl)
			}
		}
		t.byID[r.ID] = r
		t.words[r.ID] = set(r.Words, true)
	}
	return t, nil
}

func set(ws []string, lower bool) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		if lower {
			w = strings.ToLower(w)
		}
		m[w] = true
	}
	return m
}

// Rules returns the rules of the embedded rule file, in file order. It
// panics if the embedded file is broken, which the package's tests rule
// out.
func Rules() []Rule {
	t, err := rulesTable()
	if err != nil {
		panic(err)
	}
	return append([]Rule(nil), t.rules...)
}
