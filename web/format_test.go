package web

import "testing"

// Dates of birth are written as people write them, not as the database keeps them.
func TestLongDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1980-04-21", "21 April 1980"},
		{"2024-12-01", "1 December 2024"},
		{"not a date", "not a date"},
		{"", ""},
	} {
		if got := longDate(c.in); got != c.want {
			t.Errorf("longDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
