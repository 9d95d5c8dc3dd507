package triage

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTemplateFill: whatever a manager writes in a template and the practice's
// details, filling it never panics, leaves no known placeholder it had a value for,
// names every one it could not fill, and a message it says is complete holds no
// placeholder the desk would refuse to send.
func FuzzTemplateFill(f *testing.F) {
	f.Add("Hello {first name}, call {practice phone} or book at {booking link}. {practice}", "Ruth", "Riverside", "01234 567890", "https://book.example")
	f.Add("{first name}{first name}{", "", "", "", "")
	f.Add("}{practice}{{first name}}", "  Ann  ", "A", "", "http://x")
	f.Add("{first_name} {unknown}", "Bo", "", "", "")
	f.Fuzz(func(t *testing.T, body, first, name, phone, link string) {
		p := Practice{Name: name, Phone: phone, BookingLink: link}
		for _, v := range []string{first, name, phone, link} {
			if strings.ContainsAny(v, "{}") {
				return // the practice's details are refused with braces (Practice.Validate), and a name has none
			}
		}
		text, missing := Fill(body, first, p)
		for _, m := range missing {
			if !strings.HasPrefix(m, "{") || !strings.HasSuffix(m, "}") || !strings.Contains(text, m) {
				t.Fatalf("Fill(%q) names %q missing, which is not a placeholder left in %q", body, m, text)
			}
		}
		for _, u := range Unfilled(text) {
			if !slices.Contains(missing, u) {
				t.Fatalf("Fill(%q) = %q leaves %s unfilled without saying so (missing %v)", body, text, u, missing)
			}
		}
		if len(missing) == 0 && len(Unfilled(text)) > 0 {
			t.Fatalf("Fill(%q) says it is complete, but %q holds %v", body, text, Unfilled(text))
		}
		tpl := Template{Name: "t", Body: body, Suits: UseRespond}
		if err := tpl.Validate(); err == nil {
			if !utf8.ValidString(body) && utf8.RuneCountInString(body) > MaxTemplateBody {
				t.Fatalf("a template over the limit passed")
			}
			for _, ph := range PlaceholdersIn(body) {
				if !slices.Contains(Placeholders, ph) {
					t.Fatalf("Validate passed %q with the unknown placeholder %s", body, ph)
				}
			}
		}
	})
}
