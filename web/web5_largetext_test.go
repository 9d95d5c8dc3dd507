package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// smallTargets is run in the page: every control a patient taps that is under 44 ×
// 44 CSS pixels. A link inside a sentence is exempt (it is as tall as the line it is
// in, and the sentence around it keeps taps apart); a link alone on its line is not.
// Checkboxes and radios are measured as the design system's 44-pixel input they are.
const smallTargets = `(() => {
	const out = [];
	for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")) {
		if (el.closest(".nhsuk-u-visually-hidden, .nhsuk-skip-link, [hidden]")) continue;
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		if (el.tagName === "A") {
			const p = el.parentElement, own = el.innerText.trim();
			if (p && p.innerText.trim() !== own && !p.matches("li, td, th, .nhsuk-header__service")) continue; // in a sentence
		}
		if (r.width < 44 || r.height < 43.5) {
			out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + JSON.stringify((el.innerText || el.value || el.name || "").trim().slice(0, 30)) + " is " + Math.round(r.width) + " × " + Math.round(r.height) + " px");
		}
	}
	return out.slice(0, 10);
})()`

// Every page at 375 × 812, with the text at 100% and at 200%: nothing scrolls
// sideways or reaches past the edge (the header's links, the request list), every
// control a patient taps is at least 44 pixels each way, and text that wraps in the
// request list's stacked cells reads from the left.
func TestWeb5EveryPageOnAPhoneWithLargeText(t *testing.T) {
	n := 0
	visitEveryPage(t, func(tb *tab, name string) {
		n++
		page := fmt.Sprintf("%02d-%s", n, name)
		tb.do("a phone held upright", chromedp.EmulateViewport(phone, phoneHeight))
		defer tb.resize(tb.width)
		defer tb.largeText(100)
		for _, size := range []int{100, 200} {
			tb.largeText(size)
			for _, p := range eval[[]string](tb, fitProblems) {
				t.Errorf("%s with text at %d%%: %s", page, size, p)
			}
			for _, p := range eval[[]string](tb, smallTargets) {
				t.Errorf("%s with text at %d%%: too small to tap: %s", page, size, p)
			}
			for _, p := range eval[[]string](tb, raggedStackedCells) {
				t.Errorf("%s with text at %d%%: a stacked cell's text reads from the right: %s", page, size, p)
			}
		}
	})
}
