// Package assets holds what the binaries embed: the icon and the built-in triage rules.
// A practice may replace the rules with its own file; the built-in ones stay in force
// when that file is refused.
package assets

import (
	_ "embed"
	"fmt"

	"triagedesk/triage"
)

// Rules is the built-in rules file, assets/rules.yaml.
//
//go:embed rules.yaml
var Rules []byte

// RulesSource names the built-in rules in messages and on screen.
const RulesSource = "built-in rules (assets/rules.yaml)"

// DefaultEngine builds the triage engine from the built-in rules. The rules are tested
// to load, so a failure here is a broken build, not bad input.
func DefaultEngine() *triage.Engine {
	e, err := triage.NewEngine(Rules, RulesSource)
	if err != nil {
		panic(fmt.Sprintf("the built-in triage rules do not load: %v", err))
	}
	return e
}

// LoadEngine builds the engine from a practice's rules file when one is given. When the
// file is refused, it returns the built-in engine and the reason, so the caller can
// warn and carry on with rules that are known to be safe.
func LoadEngine(practiceRules []byte, source string) (*triage.Engine, error) {
	if practiceRules == nil {
		return DefaultEngine(), nil
	}
	e, err := triage.NewEngine(practiceRules, source)
	if err != nil {
		return DefaultEngine(), fmt.Errorf("the practice's rules were refused, so the built-in rules are in force: %w", err)
	}
	return e, nil
}
