package triage

import (
	"strings"
	"testing"
)

// TestWordScopes: scoped features read a word as denied within its clause after a
// denying word, and as past in a clause with a long-past time, up to a word of now;
// words of inability, a denying word that is itself the red flag ("not breathing") and
// recent times leave it said.
func TestWordScopes(t *testing.T) {
	names := map[byte]string{scopeSaid: "said", scopeDenied: "denied", scopePast: "past"}
	for _, c := range []struct {
		text string
		want map[string]byte
	}{
		{"No chest pain or breathlessness", map[string]byte{"chest": scopeDenied, "pain": scopeDenied, "breathlessness": scopeDenied}},
		{"no cough, crushing chest pain", map[string]byte{"cough": scopeDenied, "crushing": scopeSaid, "chest": scopeSaid}},
		{"I don't have chest pain but my arm is numb", map[string]byte{"chest": scopeDenied, "arm": scopeSaid, "numb": scopeSaid}},
		{"no fever and now chest pain", map[string]byte{"fever": scopeDenied, "chest": scopeSaid}},
		{"can't breathe", map[string]byte{"breathe": scopeSaid}},
		{"my baby won't wake up", map[string]byte{"wake": scopeSaid}},
		{"had a stroke 3 years ago", map[string]byte{"stroke": scopePast}},
		{"history of angina, chest pain now", map[string]byte{"angina": scopePast, "chest": scopeSaid}},
		{"had a clot 3 years ago and now my calf is swollen", map[string]byte{"clot": scopePast, "calf": scopeSaid, "swollen": scopeSaid}},
		{"a clot in 2019", map[string]byte{"clot": scopeSaid}}, // a year alone: which are past changes after training
		// A denying word that is itself the red flag denies nothing.
		{"my husband is not breathing", map[string]byte{"breathing": scopeSaid}},
		{"mum is not responding", map[string]byte{"responding": scopeSaid}},
		{"bad back and no feeling down below", map[string]byte{"feeling": scopeSaid, "below": scopeSaid}},
		{"never had a headache like this", map[string]byte{"headache": scopeSaid}},
		{"nothing is shifting this chest pain", map[string]byte{"chest": scopeSaid, "pain": scopeSaid}},
		{"used to get angina but this pain is crushing", map[string]byte{"angina": scopePast, "pain": scopeSaid, "crushing": scopeSaid}},
		{"not breathing any differently, no chest pain", map[string]byte{"chest": scopeDenied}},
		{"took 40 paracetamol an hour ago", map[string]byte{"paracetamol": scopeSaid}},
		{"chest pain since last night", map[string]byte{"chest": scopeSaid}},
	} {
		var buf featureBuf
		Features(c.text, 18, true, &buf)
		got := map[string]byte{}
		norm := string(buf.norm)
		for _, w := range strings.Fields(norm) {
			at := strings.Index(norm, " "+w+" ") + 1
			got[w] = buf.scope[at]
		}
		for w, want := range c.want {
			if got[w] != want {
				t.Errorf("%q: %q is %s, want %s", c.text, w, names[got[w]], names[want])
			}
		}
	}
}

// TestScopedFeaturesSetADenialApart: scoped, "no chest pain" shares no feature of the
// pain with "chest pain"; unscoped (the models before 2026.12.8) they share them, and
// the unscoped features are those every older model was trained on.
func TestScopedFeaturesSetADenialApart(t *testing.T) {
	shared := func(a, b string, scoped bool) int {
		var fa, fb featureBuf
		Features(a, 18, scoped, &fa)
		Features(b, 18, scoped, &fb)
		in := map[uint32]bool{}
		for _, x := range fa.buckets {
			in[x] = true
		}
		n := 0
		for _, x := range fb.buckets {
			if in[x] {
				n++
			}
		}
		return n
	}
	if n := shared("no chest pain", "chest pain", false); n < 5 {
		t.Errorf("unscoped, \"no chest pain\" shares %d features with \"chest pain\", want the pain's", n)
	}
	if n := shared("nothing else, no chest pain", "chest pain", true); n != 0 {
		t.Errorf("scoped, a denied chest pain shares %d features with \"chest pain\", want none", n)
	}
	var a, b featureBuf
	Features("Crushing chest pain, can't breathe", 18, false, &a)
	Features("Crushing chest pain, can't breathe", 18, true, &b)
	if len(a.buckets) != len(b.buckets) {
		t.Fatalf("scoped and unscoped features of a text with nothing denied differ in number: %d, %d", len(a.buckets), len(b.buckets))
	}
	for i := range a.buckets {
		if a.buckets[i] != b.buckets[i] {
			t.Fatalf("scoped features of a text with nothing denied differ from unscoped at %d", i)
		}
	}
}
