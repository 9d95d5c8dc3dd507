package web_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"triagedesk/triage"
)

// What a keyboard user does at a tab stop, in keyboardOnly's fill: type text, or press
// one of these keys.
const (
	space = "\x00space" // checks a radio or checkbox, presses a button
	down  = "\x00down"  // moves to (and checks) the next radio of a group
)

// tabStopsJS lists the tab stops of the form the selector names, in document order, as
// a keyboard user meets them: every field, link and button, a group of radios once (at
// its checked radio, else its first).
const tabStopsJS = `(sel => {
	const f = document.querySelector(sel);
	if (!f) return ["no form " + sel];
	const id = el => el.id || (el.tagName.toLowerCase() + ":" + (el.innerText || el.value || el.name || "").trim());
	const out = [], groups = new Set();
	for (const el of f.querySelectorAll("a[href], button, input, select, textarea")) {
		if (el.type === "hidden" || el.disabled || el.tabIndex < 0) continue;
		if (el.type === "radio") {
			if (groups.has(el.name)) continue;
			groups.add(el.name);
			out.push(id(f.querySelector("input[type=radio][name='" + el.name + "']:checked") || el));
			continue;
		}
		out.push(id(el));
	}
	return out;
})(%q)`

// focusJS describes the element with the focus: its tab-stop name, whether it is in the
// form, whether it is the form's submit button, and whether the focus can be seen: its
// look (outline, shadow, background, border; for a radio or checkbox, its label's
// drawn box) differs from its look without the focus.
const focusJS = `(sel => {
	const el = document.activeElement, f = document.querySelector(sel);
	if (!el || el === document.body) return {name: "", inForm: false, submit: false, visible: false};
	const name = el.id || (el.tagName.toLowerCase() + ":" + (el.innerText || el.value || el.name || "").trim());
	const look = e => {
		const parts = [];
		const lab = e.labels && e.labels[0];
		for (const [n, p] of [[e, null], [lab, "::before"], [lab, "::after"], [lab, null]]) {
			if (!n) continue;
			const s = getComputedStyle(n, p);
			parts.push([s.outlineStyle, s.outlineColor, s.outlineWidth, s.boxShadow, s.backgroundColor, s.borderColor].join(" "));
		}
		return parts.join(";");
	};
	const on = look(el);
	el.blur();
	const off = look(el);
	el.focus({preventScroll: true});
	return {name, inForm: !!f && f.contains(el), submit: !!f && f.contains(el) && el.type === "submit" && el.matches("button, input"), visible: on !== off};
})(%q)`

type focused struct {
	Name    string `json:"name"`
	InForm  bool   `json:"inForm"`
	Submit  bool   `json:"submit"`
	Visible bool   `json:"visible"`
}

// keyboardOnly fills in and sends the form the selector names with the keyboard alone,
// from a page just loaded: Tab from the top of the page into the form, then through
// each of its tab stops in document order, each with a focus that can be seen, doing
// fill's action at each stop named there (typing, Space, an arrow), until the submit
// button, which press (Enter or Space) sends. It fails the test when the order, a
// focus, or reaching the button goes wrong.
func (tb *tab) keyboardOnly(form string, fill map[string]string, press string) {
	tb.t.Helper()
	want := eval[[]string](tb, fmt.Sprintf(tabStopsJS, form))
	var got []string
	at := func() focused { return eval[focused](tb, fmt.Sprintf(focusJS, form)) }
	f := at()
	for i := 0; !f.InForm; i++ {
		if i == 80 {
			tb.t.Fatalf("eighty presses of Tab never reached the form %s on %s", form, tb.location())
		}
		tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
		f = at()
	}
	for {
		got = append(got, f.Name)
		if !f.Visible {
			tb.t.Errorf("%s: the focus on %s cannot be seen", tb.location(), f.Name)
		}
		switch v, ok := fill[f.Name]; {
		case !ok:
		case v == space:
			tb.do("press Space on "+f.Name, chromedp.KeyEvent(" "))
		case v == down:
			tb.do("press the down arrow on "+f.Name, chromedp.KeyEvent(kb.ArrowDown))
		default:
			tb.do("type into "+f.Name, chromedp.KeyEvent(v))
		}
		if f.Submit {
			break
		}
		tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
		if f = at(); !f.InForm {
			tb.t.Fatalf("%s: Tab left the form for %q before its button; the stops were %v, want %v", tb.location(), f.Name, got, want)
		}
	}
	// The stops up to the submit button, in order: a radio group counted at the radio
	// Tab reached it on.
	if n := len(got); n > len(want) || !slices.Equal(got, want[:n]) {
		tb.t.Errorf("%s: Tab went %v, want the form's order %v", tb.location(), got, want)
	}
	tb.t.Logf("%s: %d tab stops by keyboard: %v", form, len(got), got)
	key := kb.Enter
	if press == space {
		key = " "
	}
	tb.navigateBy("send the form by keyboard", chromedp.KeyEvent(key))
}

// Every form of the pages works by keyboard alone: sign up, sign in, your details,
// adding a child, every page of a request, and a reply to the practice. Tab reaches
// every field and button in order with a focus that can be seen, Space checks radios
// and checkboxes and presses buttons, Enter sends, and no mouse is used.
func TestKeyboardOnlyEveryForm(t *testing.T) {
	s := startSite(t)
	s.listed(t, "943 476 5919", "Ruth", "Jones", "1980-04-21", triage.Female)
	tb := newTab(t, phone)

	tb.open(s.URL + "/sign-up")
	tb.keyboardOnly(`form[action="/sign-up"]`, map[string]string{"email": "ruth@example.com", "password": patientPassword}, "")
	tb.mustSee("Check your email")
	tb.open(s.mail.Link("ruth@example.com", 1))
	tb.open(s.URL + "/sign-in")
	tb.keyboardOnly(`form[action="/sign-in"]`, map[string]string{"email": "ruth@example.com", "password": patientPassword}, space)
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("sign in by keyboard was refused: %+v", errs)
	}

	tb.open(s.URL + "/details")
	details := map[string]string{"nhs-number": "943 476 5919", "given-name": "Ruth", "family-name": "Jones",
		"dob-day": "21", "dob-month": "4", "dob-year": "1980", "sex-female": space}
	tb.keyboardOnly(`form[action="/details"]`, details, "")
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("your details by keyboard were refused: %+v", errs)
	}
	tb.mustSee("Waiting for the practice")
	s.verifyClaims(t)

	tb.open(s.URL + "/dependants/add")
	tb.keyboardOnly(`form[action="/dependants/add"]`, map[string]string{"nhs-number": "401 023 2137", "given-name": "Poppy", "family-name": "Jones",
		"dob-day": "3", "dob-month": "6", "dob-year": "2022", "sex-female": space, "relationship": "Mother"}, "")
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("adding a child by keyboard was refused: %+v", errs)
	}
	tb.mustSee("Poppy Jones")

	tb.open(s.URL + "/request/start")
	steps := []struct {
		step  string
		fill  map[string]string
		press string
		next  string
	}{
		{"who", map[string]string{"who-0": space}, "", "What is your request about?"},
		{"kind", map[string]string{"kind-medical": space}, space, "Do you have any of these now?"},
		{"red-flags", map[string]string{"flag-none": space}, "", "Have you measured a temperature?"},
		{"temperature", map[string]string{"temperature": "38.2"}, "", "pregnant"},
		{"pregnant", map[string]string{"pregnant-yes": down}, "", "Tell us about your request"},
		{"text", map[string]string{"text": "A rash on my arm for three days."}, space, "Add photos"},
		{"photos", nil, "", "How should the practice contact you?"},
		{"contact", map[string]string{"phone": "07700 900 982", "avoid": "not before 10am"}, "", "Check your request before sending it"},
		{"check", nil, space, "Your reference is"},
	}
	for _, st := range steps {
		tb.keyboardOnly(fmt.Sprintf(`form[action="/request/%s"]`, st.step), st.fill, st.press)
		if errs := tb.errorSummary(); len(errs) > 0 {
			t.Fatalf("request step %s by keyboard was refused: %+v", st.step, errs)
		}
		tb.mustSee(st.next)
	}
	r := onlyRequest(t, s)
	if r.Answers == nil || r.Answers.Pregnant != triage.No || r.Answers.TemperatureC != 38.2 || r.ContactAvoid != "not before 10am" {
		t.Errorf("what the keyboard sent: answers %+v, times to avoid %q", r.Answers, r.ContactAvoid)
	}

	if _, err := s.q.Act(context.Background(), triage.DefaultCalendar(), triage.Action{Kind: triage.ActRespond, RequestID: r.ID, BaseVersion: r.Version,
		Actor: "rita", Channel: triage.ChannelMessage, Message: "Is the rash raised?", AwaitReply: true}); err != nil {
		t.Fatal(err)
	}
	s.srv.Notify()
	tb.open(fmt.Sprintf("%s/requests/%d", s.URL, r.ID))
	tb.keyboardOnly(fmt.Sprintf(`form[action="/requests/%d/reply"]`, r.ID), map[string]string{"reply": "A little raised."}, space)
	tb.mustSee("Your reply has been sent", "A little raised.")
}
