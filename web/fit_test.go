package web_test

import (
	"fmt"
	"testing"
)

// fitProblems is run in the page: what scrolls sideways or wraps badly at the
// viewport's width. The page may not be wider than the viewport; no visible element
// may reach past its right edge (the skip link, visually hidden text and, on a phone, a
// responsive table's header row are off-screen on purpose); the header's links, when they wrap, wrap into even rows, never one
// link alone on a row under a full one; and, at the browser's usual text size, the page's
// heading takes at most four lines, so that what the page is for, and the first thing to
// do on it, are on the first screen (with text at 200% more lines are expected).
const fitProblems = `(() => {
	const W = window.innerWidth, out = [];
	const sw = document.documentElement.scrollWidth;
	if (sw > W) out.push("the page is " + sw + " px wide in a " + W + " px window");
	for (const el of document.querySelectorAll("body *")) {
		if (el.closest(".nhsuk-u-visually-hidden, .nhsuk-skip-link, [hidden]") || (el.closest(".nhsuk-table-responsive .nhsuk-table__head") && W < 769)) continue;
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		if (r.right > W + 0.5) {
			const what = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
			out.push(what + " reaches " + Math.round(r.right) + " px: " + (el.innerText || "").slice(0, 40).replace(/\s+/g, " "));
		}
	}
	const rows = new Map();
	for (const li of document.querySelectorAll(".nhsuk-header__navigation-item")) {
		const top = Math.round(li.getBoundingClientRect().top);
		rows.set(top, (rows.get(top) || 0) + 1);
	}
	const counts = [...rows.values()];
	if (counts.length > 1 && Math.max(...counts) - Math.min(...counts) > 1) {
		out.push("the header's links wrap unevenly: " + counts.join(" on one row, ") + " on the next");
	}
	const usualText = parseFloat(getComputedStyle(document.documentElement).fontSize) <= 16;
	for (const h of usualText ? document.querySelectorAll("main h1") : []) {
		const lh = parseFloat(getComputedStyle(h).lineHeight), lines = Math.round(h.getBoundingClientRect().height / lh);
		if (lines > 4) out.push("the heading takes " + lines + " lines: " + (h.innerText || "").slice(0, 40).replace(/\s+/g, " "));
	}
	return out.slice(0, 8);
})()`

// fits fails the test for anything on the page that scrolls sideways or wraps badly
// at 320 and at 375 pixels wide, then puts the tab back at its width.
func (tb *tab) fits(page string) {
	tb.t.Helper()
	was := tb.width
	defer tb.resize(was)
	for _, w := range []int{narrow, phone} {
		tb.resize(w)
		for _, p := range eval[[]string](tb, fitProblems) {
			tb.t.Errorf("%s at %d px: %s", page, w, p)
		}
	}
}

// Every page fits a phone 320 and 375 pixels wide: nothing scrolls sideways, nothing
// reaches past the edge, and the header's links do not leave one alone on a row.
func TestEveryPageFitsAt320And375(t *testing.T) {
	n := 0
	visitEveryPage(t, func(tb *tab, name string) {
		n++
		tb.fits(fmt.Sprintf("%02d-%s", n, name))
	})
}
