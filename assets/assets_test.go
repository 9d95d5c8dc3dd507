package assets

import (
	"fmt"
	"strings"
	"testing"
)

func TestDefaultEngineIsBuiltOnceFromTheEmbeddedRules(t *testing.T) {
	e := DefaultEngine()
	if e == nil || e.Version() == "" || e.Source() != RulesSource {
		t.Fatalf("default engine %v", e)
	}
	if DefaultEngine() != e {
		t.Error("DefaultEngine built a second engine; it should share the first")
	}
}

func TestBrokenBuiltInRulesPanicWithTheLine(t *testing.T) {
	defer func() {
		msg := fmt.Sprint(recover())
		if !strings.Contains(msg, "the built-in triage rules do not load") || !strings.Contains(msg, "rules.yaml line 1") {
			t.Errorf("panic %q, want one naming the file and line", msg)
		}
	}()
	mustEngine([]byte("version: ''\n"), "rules.yaml")
	t.Error("broken rules did not panic")
}
