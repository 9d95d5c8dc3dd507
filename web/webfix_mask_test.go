package web

import "testing"

func TestWebfixMaskEmail(t *testing.T) {
	for _, tc := range []struct{ email, want string }{
		{"annabel.smith@example.com", "a***h@example.com"},
		{"ann@example.com", "a***n@example.com"},
		{"al@example.com", "a***@example.com"}, // two letters: the second would give it all away
		{"a@example.com", "a***@example.com"},
		{"éloïse@example.fr", "é***e@example.fr"},
		{"not an address", "***"},
	} {
		if got := maskEmail(tc.email); got != tc.want {
			t.Errorf("maskEmail(%q) = %q, want %q", tc.email, got, tc.want)
		}
	}
}
