// Package assets holds what the binaries embed: the icon and the built-in triage rules.
// A practice may replace the rules with its own file; the built-in ones stay in force
// when that file is refused.
package assets

import (
	_ "embed"
	"fmt"
	"sync"

	"triagedesk/triage"
)

// Rules is the built-in rules file, assets/rules.yaml.
//
//go:embed rules.yaml
var Rules []byte

// SecondOpinion is the built-in second opinion, assets/second-opinion.gob: the model of
// the labelled requests that may raise the rules' priority, never lower it. It is built
// by `triagectl train` from triage/testdata/*.jsonl.
//
//go:embed second-opinion.gob
var SecondOpinion []byte

// DefaultSecondOpinion returns the built-in model, loaded once. The model is tested to
// load, so a panic here is a broken build, not bad input.
func DefaultSecondOpinion() *triage.SecondOpinion { return defaultOpinion() }

var defaultOpinion = sync.OnceValue(func() *triage.SecondOpinion {
	m, err := triage.LoadSecondOpinion(SecondOpinion)
	if err != nil {
		panic(fmt.Sprintf("the built-in second opinion does not load: %v", err))
	}
	return m
})

// RulesSource names the built-in rules in messages and on screen.
const RulesSource = "built-in rules (assets/rules.yaml)"

// DefaultEngine returns the triage engine of the built-in rules with the built-in second
// opinion. It is built once and
// shared: an Engine never changes, and building one takes a few milliseconds that a
// caller classifying request by request should not pay each time. The rules are tested
// to load, so a panic here is a broken build, not bad input.
func DefaultEngine() *triage.Engine { return defaultEngine() }

var defaultEngine = sync.OnceValue(func() *triage.Engine { return mustEngine(Rules, RulesSource) })

// RulesEngine returns the engine of the built-in rules alone, without the second
// opinion: for measuring what each part contributes.
func RulesEngine() *triage.Engine { return defaultEngine().WithSecondOpinion(nil) }

// mustEngine builds an engine from rules that must load.
func mustEngine(rules []byte, source string) *triage.Engine {
	e, err := triage.NewEngine(rules, source)
	if err != nil {
		panic(fmt.Sprintf("the built-in triage rules do not load: %v", err))
	}
	return e.WithSecondOpinion(DefaultSecondOpinion())
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
	// The second opinion reads the words, not the rules: it serves a practice's own
	// rules as it serves the built-in ones, and still only raises.
	return e.WithSecondOpinion(DefaultSecondOpinion()), nil
}
