package triage

import (
	"slices"
	"strings"
)

// A past time read through (past_read_through: "last year", "in January") puts the red
// flag told in its clause in the past, but three readings of the words around it say
// the red flag is not over, and then the time speaks for nothing:
//   - it is a comparison: "crushing pain down my arm like I had last year", "worse than
//     last month" tells this pain by the earlier one;
//   - it is when the red flag began: "I started getting chest pain down my arm last
//     month" is the pain still going;
//   - after it the request says the red flag goes on or is back: "I had crushing chest
//     pain last year and it's back", "... and I'm still getting it", "same again now",
//     "it never went away".
//
// Each reads the sentence's structure (what word governs the time, what follows it),
// not a list of the patient's wordings; each errs towards keeping the red flag now.

// timeGoesOn reports whether past time m (of a concept read through) is a comparison,
// an onset, or is followed by a report that the red flag goes on or came back.
func timeGoesOn(toks []token, m match) bool {
	return timeCompared(toks, m) || timeIsOnset(toks, m) || mainToldNow(toks, m) || goesOnAfter(toks, m.to)
}

// subordinators open a clause inside a clause that the time after them belongs to:
// "I'm struggling to breathe after my operation last week" tells the breathing now
// and the operation last week.
var subordinators = map[string]bool{"after": true, "since": true, "following": true, "when": true, "because": true,
	"from": true, "post": true}

// mainToldNow reports whether past time m belongs to an inner clause while its
// clause's own words are in the present: the words before it, up to the last
// subordinator before it, hold a present verb or a participle and no past verb ("I'm
// struggling to breathe after my operation last week", "I can't breathe since my op
// last month", "severe chest pain spreading to my arm after my angioplasty last
// week"). A red flag told in the past ("I was struggling for every breath when I had covid in
// 2021", "I collapsed with chest pain in 2019") stays in the past, and so does one told
// without a verb of either ("seizure free for 3 years after my surgery last year"). Without a
// subordinator the time is the clause's own, a plan as often as the past ("she's
// having another baby in May"), and speaks as it did.
func mainToldNow(toks []token, m match) bool {
	first := clauseStart(toks, m.from)
	end := m.from
	sub := false
	for k := first; k < m.from; k++ {
		if subordinators[toks[k].norm] {
			end, sub = k, true
		}
	}
	if !sub || end == first {
		return false // no inner clause, or one fronted ("After my overdose when I was 19, ...")
	}
	now := false
	for k := first; k < end; k++ {
		w := toks[k].norm
		if pastVerb[w] {
			return false
		}
		if (w == "have" || w == "has" || w == "ive") && k+1 < len(toks) && toks[k+1].norm == "had" {
			return false
		}
		if presentVerb[w] || (participle(w) && verbalAt(toks, k, first)) {
			now = true
		}
	}
	return now
}

// participle reports whether w reads as a present participle, something going on
// ("spreading", "crushing", "struggling"), not "thing", "evening" or "morning".
func participle(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ing") && !notParticiple[w]
}

// verbalAt reports whether the participle at token k of the clause starting at first
// tells something going on, as a verb ("pain spreading to my arm", "struggling to
// breathe"), not as an adjective before its noun ("tearing sensation", "a crushing
// pain"): after a word that is not a determiner, or followed by a preposition.
func verbalAt(toks []token, k, first int) bool {
	if k+1 < len(toks) && toks[k+1].clause == toks[k].clause && verbFollow[toks[k+1].norm] {
		return true
	}
	return k > first && !determiner[toks[k-1].norm]
}

// verbFollow are the words after a participle that make it a verb ("struggling to",
// "gasping for", "spreading into").
var verbFollow = map[string]bool{"to": true, "for": true, "with": true, "up": true, "down": true, "in": true,
	"into": true, "across": true, "through": true, "out": true}

// determiner are the words before a participle that make it an adjective ("a tearing
// sensation").
var determiner = map[string]bool{"a": true, "an": true, "the": true, "my": true, "his": true, "her": true,
	"this": true, "that": true, "some": true, "very": true, "really": true, "severe": true}

// notParticiple are words in -ing that tell nothing going on.
var notParticiple = map[string]bool{"thing": true, "something": true, "nothing": true, "anything": true,
	"everything": true, "morning": true, "evening": true, "during": true, "spring": true, "ceiling": true,
	"building": true, "feeling": true, "wedding": true, "string": true, "king": true, "sibling": true}

// comparisonWords govern a past time as the term of a comparison: "like I had last
// year", "same as last month", "worse than in June".
var comparisonWords = map[string]bool{"like": true, "as": true, "same": true, "similar": true, "than": true}

// comparisonReach is how many words before a past time a comparison word may govern
// it from ("like the one I had last year").
const comparisonReach = 5

// timeCompared reports whether a comparison word governs past time m in its clause.
func timeCompared(toks []token, m match) bool {
	for k := m.from - 1; k >= 0 && k >= m.from-comparisonReach && toks[k].clause == toks[m.from].clause; k-- {
		if comparisonWords[toks[k].norm] {
			return true
		}
	}
	return false
}

// onsetWords tell that something began: with a past time in their clause, the time is
// when it began, not when it was ("started last week", "began in March", "came on
// last month").
var onsetWords = map[string]bool{"started": true, "start": true, "starts": true, "starting": true, "began": true,
	"begun": true, "begin": true, "developed": true, "onset": true}

// timeIsOnset reports whether past time m tells when something began: an onset word
// before it in its clause ("I started getting chest pain down my arm last month"), or
// "came on" just before it.
func timeIsOnset(toks []token, m match) bool {
	if wordBefore(toks, m.from, m.from, onsetWords) {
		return true
	}
	for k := m.from - 1; k > 0 && k >= m.from-2 && toks[k].clause == toks[m.from].clause; k-- {
		if toks[k].norm == "on" && toks[k-1].norm == "came" {
			return true
		}
	}
	return false
}

// goesOnAfter reports whether the words from token from on say that the red flag goes
// on or came back: a word of recurrence or continuation not denied ("again", "it's
// back", "worse", "ongoing"; not "hasn't happened again", "no worse"), "still" with
// what goes on ("still getting it", "it's still there"; not "still anxious about it"),
// "ever since" or "since then" not told as well ("I've had it ever since"; not "fine
// ever since"), a stop denied ("it never went away", "hasn't stopped"), "the same" now
// ("same again", "the same thing today"; not "same as usual"), or the red flag as "it"
// now ("I have it now").
func goesOnAfter(toks []token, from int) bool {
	for k := from; k < len(toks); k++ {
		w := toks[k].norm
		switch {
		case w == "again":
			if againOfIt(toks, k) && !deniedBefore(toks, k) {
				return true
			}
		case recurWords[w]:
			if ofIt(toks, k) && !deniedBefore(toks, k) {
				return true
			}
		case w == "another":
			if k+1 < len(toks) && anotherOf[toks[k+1].norm] && !deniedBefore(toks, k) {
				return true
			}
		case w == "back":
			if backIsReturn(toks, k) && ofIt(toks, k) {
				return true
			}
		case w == "still":
			// "I still can't", "it's still there"; the subject of the red flag or "it".
			if stillGoesOn(toks, k) && (ofIt(toks, k) || k > 0 && personWord[toks[k-1].norm]) {
				return true
			}
		case w == "since":
			// "had it ever since", not "fine ever since" nor "since then I get anxious".
			if k > 0 && toks[k-1].norm == "ever" && pronounNear(toks, k-1) {
				return true
			}
		case stopWords[w]:
			if deniedBefore(toks, k) && ofIt(toks, k) {
				return true
			}
		case w == "same":
			if k+1 < len(toks) && sameNow[toks[k+1].norm] {
				return true
			}
		case w == "now" || w == "today" || w == "tonight":
			// "I have it now", not "we're trying again now".
			if wordBefore(toks, k, 2, itSelf) {
				return true
			}
		}
	}
	return false
}

// recurWords say, undenied, that a red flag goes on or came back.
// "again" is read apart (againOfIt): "drive again" or "trying again" tells another
// thing done again, not the red flag.
var recurWords = map[string]bool{"returned": true, "recurred": true, "restarted": true, "worse": true,
	"worsening": true, "ongoing": true, "continuing": true, "continues": true, "persisting": true, "persists": true,
	"persistent": true, "constant": true, "recurring": true, "happening": true}

// anotherOf are the words after "another" that make it a second episode ("another
// one", "another attack"), not a second thing asked for ("another prescription").
var anotherOf = map[string]bool{"one": true, "attack": true, "episode": true, "bout": true, "turn": true, "time": true}

// backAfter are the words before "back" that make it a return ("it's back", "it came
// back"), not a body part ("my back").
var backAfter = map[string]bool{"its": true, "is": true, "are": true, "it": true, "come": true, "comes": true,
	"coming": true, "came": true, "theyre": true}

// backTo are the words after "came back" that make it a result or a return to a place
// ("came back normal", "fit to come back to work"), not the red flag back.
var backTo = map[string]bool{"to": true, "at": true, "home": true, "from": true, "in": true, "into": true,
	"for": true, "on": true}

// backIsReturn reports whether "back" at token k tells something returned: after a
// word of backAfter, not before a result or a place ("came back clear", "back to
// work"), and not "to come back" (a return to work or a place wanted).
func backIsReturn(toks []token, k int) bool {
	if k == 0 || !backAfter[toks[k-1].norm] {
		return false
	}
	if k+1 < len(toks) && (allClearWord[toks[k+1].norm] || backTo[toks[k+1].norm]) {
		return false
	}
	return !(k > 1 && toks[k-2].norm == "to")
}

// itWords are the words that stand for the red flag told before them ("it's back",
// "I still have it", "they're worse").
var itWords = map[string]bool{"it": true, "its": true, "they": true, "theyre": true, "them": true, "this": true,
	"same": true}

// itSelf are the words that stand for the red flag itself just before "now" ("I have
// it now"), without "they" or "this" that may be anything.
var itSelf = map[string]bool{"it": true, "its": true}

// itReach is how many words either side of a word of recurrence "it" may stand.
const itReach = 3

// pronounNear reports whether a word of itWords stands within itReach words of token k
// in its clause.
func pronounNear(toks []token, k int) bool {
	for j := k - itReach; j <= k+itReach; j++ {
		if j >= 0 && j < len(toks) && j != k && toks[j].clause == toks[k].clause && itWords[toks[j].norm] {
			return true
		}
	}
	return false
}

// ofIt reports whether a word of recurrence at token k speaks of the red flag told
// before: "it" or "they" near it ("it's getting worse", "I still have it"), or no
// subject of its own, the word opening its clause ("worse today", "and still can't").
// "my knee is getting worse" tells of the knee.
func ofIt(toks []token, k int) bool {
	return pronounNear(toks, k) || k-clauseStart(toks, k) <= 2
}

// allClearWord are the words of an all-clear told with "since" or a result ("fine ever
// since", "came back normal").
var allClearWord = map[string]bool{"fine": true, "well": true, "ok": true, "okay": true, "good": true, "great": true,
	"normal": true, "nothing": true, "clear": true, "negative": true, "alright": true, "all": true}

// stopWords, denied ("never went away", "hasn't stopped"), say the red flag goes on.
var stopWords = map[string]bool{"stopped": true, "gone": true, "went": true, "settled": true, "eased": true,
	"cleared": true, "resolved": true, "go": true, "stop": true, "settle": true, "ease": true}

// sameNow are the words after "same" that tell the same again now ("same again",
// "the same thing today"), not a comparison ("same as usual").
var sameNow = map[string]bool{"again": true, "now": true, "today": true, "tonight": true, "thing": true,
	"pain": true, "feeling": true, "symptoms": true, "happening": true, "is": true, "has": true}

// recurDenials are the words that, just before a word of recurrence, deny it ("not
// happened again", "no worse") or make it a condition ("if it happens again").
var recurDenials = map[string]bool{"not": true, "no": true, "never": true, "hasnt": true, "havent": true,
	"didnt": true, "wont": true, "isnt": true, "nothing": true, "if": true, "in": true, "case": true, "or": true}

// recurDenialReach is how many words before a word of recurrence a denial may stand.
const recurDenialReach = 3

// deniedBefore reports whether a denial or a condition stands just before token k in
// its clause.
func deniedBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-recurDenialReach && toks[j].clause == toks[k].clause; j-- {
		if recurDenials[toks[j].norm] || strings.HasSuffix(toks[j].norm, "nt") && toks[j].norm != "want" {
			return true
		}
	}
	return false
}

// stillGoesOn reports whether "still" at token k tells something going on: not after a
// past verb ("was still weak"), and followed within two words by a verb of the present,
// a word in -ing, "there" or "here" ("I still have it", "still getting it", "it's still
// there"), not by a feeling about it ("still anxious about it").
func stillGoesOn(toks []token, k int) bool {
	if k > 0 && pastVerb[toks[k-1].norm] {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+2 && toks[j].clause == toks[k].clause; j++ {
		w := toks[j].norm
		if presentVerb[w] || strings.HasSuffix(w, "ing") || w == "there" || w == "here" || w == "get" || w == "gets" || w == "hurts" {
			return true
		}
	}
	return false
}

// goesOn reports whether match m of scoped concept c is a past time read through
// (past_read_through) that timeGoesOn reads as the red flag going on: then it speaks
// for nothing.
func (ps *pastScope) goesOn(c int, m match) bool {
	return !ps.isForward(c) && !ps.isSentenceWide(c) && slices.Contains(ps.readThrough, c) && timeGoesOn(ps.toks, m)
}

// againOf are the words just before "again" that make it the red flag again: "it",
// "happening", "back", "same", "one" ("I have it again", "it's happening again", "the
// same again"), not another thing done again ("drive again", "trying again").
var againOf = map[string]bool{"it": true, "its": true, "here": true, "them": true, "this": true, "that": true, "happening": true,
	"happened": true, "started": true, "starting": true, "back": true, "same": true, "one": true, "pain": true}

// againOfIt reports whether "again" at token k tells the red flag again: after a word
// of againOf (up to two words before, in its clause). "We're trying again now" tells
// another thing done again.
func againOfIt(toks []token, k int) bool {
	return wordBefore(toks, k, 2, againOf)
}

// personWord are the subjects that, just before "still", make it the person still
// living the red flag ("I still can't breathe properly").
var personWord = map[string]bool{"i": true, "he": true, "she": true, "we": true, "you": true}
