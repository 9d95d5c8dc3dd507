package web

import "testing"

// TestWebfixMaskEmail: a masked address shows its owner enough to know it (the first
// letters, the domain's ending) and nobody else enough to tell whose it is: nothing of
// the name or the domain past its first letter.
func TestWebfixMaskEmail(t *testing.T) {
	for _, tc := range []struct{ email, want string }{
		{"annabel.smith@example.com", "a•••@e•••.com"},
		{"jo@gmail.com", "j•••@g•••.com"},
		{"a@example.com", "a•••@e•••.com"},
		{"éloïse@orange.fr", "é•••@o•••.fr"},
		{"sam@surgery.co.uk", "s•••@s•••.co.uk"},
		{"x@leeds.nhs.uk", "x•••@l•••.nhs.uk"},
		{"sam.jones@nhs.net", "s•••@n•••.net"},
		{"sam@mail.smiths-family.org", "s•••@m•••.org"}, // a family's own domain is hidden
		{"root@localhost", "r•••@l•••"},
		{"not an address", "•••"},
		{"@example.com", "•••"},
		{"ann@", "•••"},
	} {
		if got := maskEmail(tc.email); got != tc.want {
			t.Errorf("maskEmail(%q) = %q, want %q", tc.email, got, tc.want)
		}
	}
}
