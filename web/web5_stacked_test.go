package web_test

// raggedStackedCells is run in the page: the links and paragraphs in a table's cells,
// stacked on a phone, whose lines do not all begin at the left of their box, as
// right-aligned text that wraps does not. A patient reading with large text finds each
// line's start at the same place, as everywhere else on the pages.
const raggedStackedCells = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".nhsuk-table-responsive .nhsuk-table__cell :is(a, p)")) {
		const box = el.getBoundingClientRect();
		if (box.width === 0) continue;
		const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		let ragged = false;
		for (let n = walk.nextNode(); n && !ragged; n = walk.nextNode()) {
			if (n.parentElement.closest(".nhsuk-u-visually-hidden") || !n.textContent.trim()) continue;
			range.selectNodeContents(n);
			for (const line of range.getClientRects()) {
				if (line.width > 0 && line.left - box.left > 1) {
					ragged = true;
					break;
				}
			}
		}
		if (ragged) {
			out.push(el.tagName.toLowerCase() + " " + JSON.stringify(el.innerText.trim().slice(0, 30)) + " has lines that begin " + "right of its left edge, at " + Math.round(box.width) + " px wide");
		}
	}
	return out.slice(0, 10);
})()`
