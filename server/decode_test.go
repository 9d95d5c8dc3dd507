package server

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzCheckJSON: checkJSON accepts only what encoding/json reads as exactly one valid
// value, and refuses every object with a key twice.
func FuzzCheckJSON(f *testing.F) {
	for _, s := range []string{`{"kind":"admin","text":"x"}`, `{"a":1}{"a":2}`, `{"a":1,"A":2}`, `{"a":{"b":1,"b":2}}`, `[{"a":1},{"a":1}]`, ` 7 `, `{"a":[1,{"c":[]}],"b":"\u00e9"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if checkJSON(body) != nil {
			return
		}
		if !json.Valid(body) {
			t.Fatalf("checkJSON accepted %q, which is not valid JSON", body)
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber() // one value is about its shape: a number past float64's range is still one value
		var v any
		if err := dec.Decode(&v); err != nil || dec.More() {
			t.Fatalf("checkJSON accepted %q, which is not exactly one value", body)
		}
		// Two keys that encoding/json would put in one field must have been refused:
		// reading into a map keeps one entry per exact key, so compare the counts.
		var raw map[string]json.RawMessage
		if json.Unmarshal(body, &raw) == nil {
			seen := map[string]bool{}
			for k := range raw {
				if seen[foldKey(k)] {
					t.Fatalf("checkJSON accepted %q with keys equal but for case", body)
				}
				seen[foldKey(k)] = true
			}
		}
	})
}
