package web_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var templateAction = regexp.MustCompile(`\{\{[^}]*\}\}`)

// classValues are the values of every class attribute in a template, actions and all:
// a quote inside an action ({{if .Err "phone"}}) does not end the value.
func classValues(html string) []string {
	var out []string
	for {
		i := strings.Index(html, `class="`)
		if i < 0 {
			return out
		}
		html = html[i+len(`class="`):]
		depth, end := 0, -1
		for j := 0; j < len(html) && end < 0; j++ {
			switch {
			case strings.HasPrefix(html[j:], "{{"):
				depth++
				j++
			case strings.HasPrefix(html[j:], "}}"):
				depth--
				j++
			case html[j] == '"' && depth == 0:
				end = j
			}
		}
		if end < 0 {
			return out
		}
		out = append(out, html[:end])
		html = html[end:]
	}
}

// madeInGo are the classes a template completes from Go ("nhsuk-tag--{{.Tag}}"), with
// every ending the Go code gives them (statusTag, the claim-status template).
var madeInGo = map[string][]string{
	"nhsuk-tag--": {"blue", "orange", "green", "grey", "red"},
}

// The shipped stylesheet is the design system's purged to what the templates use
// (scripts/vendor-css.sh): every class a template uses must still be in it, or a page
// loses its look without any other test noticing.
func TestEveryTemplateClassIsInTheShippedCSS(t *testing.T) {
	e := newEnv(t)
	res, err := http.Get(e.http.URL + "/static/nhsuk-frontend.min.css")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	css, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || len(css) == 0 {
		t.Fatalf("the stylesheet: %d, %d bytes", res.StatusCode, len(css))
	}
	has := func(class string) bool {
		return regexp.MustCompile(`\.` + regexp.QuoteMeta(class) + `([^a-zA-Z0-9_-]|$)`).Match(css)
	}
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates found (%v)", err)
	}
	seen := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, value := range classValues(string(b)) {
			// A class completed by an action ("nhsuk-tag--{{.Tag}}") is kept whole; other
			// actions ({{if …}} nhsuk-input--error{{end}}) only separate classes.
			attr := regexp.MustCompile(`([a-z0-9_-]+)\{\{\.[A-Za-z]+\}\}`).ReplaceAllString(value, "$1* ")
			for _, c := range strings.Fields(templateAction.ReplaceAllString(attr, " ")) {
				if strings.HasSuffix(c, "*") {
					prefix := strings.TrimSuffix(c, "*")
					ends, ok := madeInGo[prefix]
					if !ok {
						t.Errorf("%s: the class %s{{…}} is completed in Go; list its endings in madeInGo", filepath.Base(f), prefix)
					}
					for _, end := range ends {
						seen[prefix+end] = filepath.Base(f)
					}
					continue
				}
				seen[c] = filepath.Base(f)
			}
		}
	}
	if len(seen) < 50 {
		t.Fatalf("found only %d classes in the templates: the test's reading of them is broken", len(seen))
	}
	for c, f := range seen {
		if !has(c) {
			t.Errorf("%s uses the class %s, which the shipped stylesheet does not have: run scripts/vendor-css.sh", f, c)
		}
	}
}
