package triage

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of what the patient wrote: its normalised form (lower case, no
// apostrophes, common misspellings corrected) and where it stands in the original text.
type token struct {
	norm       string
	start, end int // byte offsets in the original text
	clause     int // commas, semicolons and "but" start a new clause
	sentence   int // full stops, question marks and new lines start a new sentence
	number     bool
	// narrow marks a negating word a narrow rephrasing wrote ("no longer" as "not"):
	// it denies only the word right after it, what stopped, not the rest of its clause.
	narrow bool
	// asked marks the words of a sentence that ends with a question mark.
	asked bool
	class string // "@medicine" when the word is one of a word class of the rules file, else ""
	// word, cls and pre are the vocab ids of norm, of class and of norm's first three
	// letters, or -1 where the rules name none (Engine.lookUp sets them).
	word, cls, pre int32
}

// wordClass is a class of words the rules can name as one word ("@medicine"): patients
// name hundreds of medicines, and a rule about side effects should not need every one.
// A word belongs when it is one of names or ends with one of suffixes ("ramipril" and
// "lisinopril" by "pril").
type wordClass struct {
	name     string // with its "@"
	names    map[string]bool
	suffixes []string
}

// holds reports whether w is one of the class's words, or ends in one of its suffixes,
// as it stands: a reading that asks of one class (undone_after's @undo_tail) needs no
// plural folded in, only the words the rules file lists.
func (c wordClass) holds(w string) bool {
	if c.names[w] {
		return true
	}
	for _, suf := range c.suffixes {
		if len(w) >= len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// classOf returns the first class the word belongs to, or "". A plural belongs where
// its singular does: "statins", "inhalers".
func classOf(w string, classes []wordClass) string {
	if c := classOfWord(w, classes); c != "" || len(w) < 5 || !strings.HasSuffix(w, "s") {
		return c
	}
	return classOfWord(w[:len(w)-1], classes)
}

func classOfWord(w string, classes []wordClass) string {
	for _, c := range classes {
		if c.holds(w) {
			return c.name
		}
	}
	return ""
}

// tokenize splits text into words. Numbers are words of their own ("38.5c" is "38.5"
// and "c") so temperatures and ages can be read.
func tokenize(text string, spellings map[string]string, breakers map[string]bool, classes []wordClass) []token {
	toks := make([]token, 0, len(text)/5+1)
	clause, sentence := 0, 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r):
			start := i
			simple := true // a to z only: the word is its own normal form, no copy to make
			for i < len(text) {
				if c := text[i]; 'a' <= c && c <= 'z' {
					i++
					continue
				}
				r, size = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) && (!(r == '\'' || r == '’') || i+size >= len(text) || !isLetterAt(text, i+size)) {
					break
				}
				simple = false // a capital, another alphabet's letter, or an apostrophe inside
				i += size
			}
			w := text[start:i]
			if !simple {
				w = lowerLetters(w)
			}
			if fixed, ok := spellings[w]; ok {
				w = fixed
			}
			if breakers[w] && len(toks) > 0 && toks[len(toks)-1].clause == clause {
				clause++
			}
			toks = append(toks, token{norm: w, start: start, end: i, clause: clause, sentence: sentence, class: classOf(w, classes)})
		case unicode.IsDigit(r):
			start := i
			for i < len(text) && (isDigitAt(text, i) || (text[i] == '.' && i+1 < len(text) && isDigitAt(text, i+1))) {
				i++
			}
			toks = append(toks, token{norm: text[start:i], start: start, end: i, clause: clause, sentence: sentence, number: true})
		default:
			switch {
			case endsSentence(r):
				if r == '?' {
					markAsked(toks, text[:i])
				}
				if len(toks) > 0 && toks[len(toks)-1].sentence == sentence {
					sentence++
					clause++
				}
			case endsClause(r, text, i):
				if len(toks) > 0 && toks[len(toks)-1].clause == clause {
					clause++
				}
			}
			i += size
		}
	}
	return toks
}

// markAsked marks asked the words of the sentence a question mark at the end of
// before closes: the sentence of the last word, when only spaces, other question or
// exclamation marks, quotes and closing brackets stand between ("is it serious?",
// "is that normal!?", "(is it?)").
func markAsked(toks []token, before string) {
	if len(toks) == 0 {
		return
	}
	last := len(toks) - 1
	if strings.Trim(before[toks[last].end:], " ?!\")") != "" {
		return
	}
	for k := last; k >= 0 && toks[k].sentence == toks[last].sentence; k-- {
		toks[k].asked = true
	}
}

// endsSentence reports whether r ends a sentence: full stops, question and exclamation
// marks and new lines.
func endsSentence(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '\n'
}

// endsClause reports whether the character r at text[at] ends a clause within a
// sentence: commas, semicolons, colons, brackets, long dashes, and a dash between
// spaces, which joins two clauses as a comma does ("told to ring 999 if it got worse -
// my lips have gone blue"); one inside a word ("pins-and-needles") does not. The rules'
// tokenizer and the second opinion's scoped features both read clauses by it.
func endsClause(r rune, text string, at int) bool {
	switch r {
	case ',', ';', ':', '(', ')', '–', '—':
		return true
	case '-':
		return at > 0 && text[at-1] == ' ' && at+1 < len(text) && text[at+1] == ' '
	}
	return false
}

// rephrasing is a way of saying a thing in words that the rules read as other, fewer
// words (rules file: rephrasings): "can no longer feel" says what "cant feel" says, so
// every phrase written with "cant" reads it, and "no longer" negates as "not" does.
type rephrasing struct {
	from, to []string // normalised words; to has no more words than from
	narrow   bool     // its words deny only the word right after them (rules file: narrow_negations)
}

// rephrase returns toks with each rephrasing of byFirst (by its first word, longest
// first) said within one clause read as its other words. Each new word keeps the place
// of the word it replaces, and the last takes the rest, so a reason still shows the
// patient's own words.
func rephrase(toks []token, byFirst map[string][]rephrasing) []token {
	if len(byFirst) == 0 {
		return toks
	}
	var out []token // nil until a rephrasing is found: most texts hold none
	for i := 0; i < len(toks); i++ {
		r, ok := rephrasingAt(toks, i, byFirst[toks[i].norm])
		if !ok {
			if out != nil {
				out = append(out, toks[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(toks)), toks[:i]...)
		}
		for k, w := range r.to {
			t := toks[i+k]
			t.norm, t.class, t.number, t.narrow = w, "", false, r.narrow
			if k == len(r.to)-1 {
				t.end = toks[i+len(r.from)-1].end
			}
			out = append(out, t)
		}
		i += len(r.from) - 1
	}
	if out == nil {
		return toks
	}
	return out
}

// rephrasingAt returns the first of rs said at token i, within its clause.
func rephrasingAt(toks []token, i int, rs []rephrasing) (rephrasing, bool) {
	for _, r := range rs {
		if i+len(r.from) > len(toks) {
			continue
		}
		ok := true
		for k, w := range r.from {
			if t := toks[i+k]; t.norm != w || t.clause != toks[i].clause {
				ok = false
				break
			}
		}
		if ok {
			return r, true
		}
	}
	return rephrasing{}, false
}

// lowerLetters is a word's letters in lower case, without its apostrophes ("Can't"
// is "cant").
func lowerLetters(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isDigitAt(s string, i int) bool { return s[i] >= '0' && s[i] <= '9' }

// normalizePhrase turns a phrase of the rules file into words as tokenize makes them.
func normalizePhrase(p string, spellings map[string]string) []string {
	var words []string
	for _, f := range strings.Fields(strings.ToLower(p)) {
		if f == "?" || slices.Contains(numberPatterns, f) || strings.HasPrefix(f, "@") {
			words = append(words, f)
			continue
		}
		star := strings.HasSuffix(f, "*")
		f = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
				return r
			}
			return -1
		}, f)
		f = strings.Trim(f, ".")
		if f == "" {
			continue
		}
		if fixed, ok := spellings[f]; ok && !star {
			f = fixed
		}
		if star {
			f += "*"
		}
		words = append(words, f)
	}
	return words
}

var (
	monthWords = map[string]float64{"month": 1, "months": 1, "mth": 1, "mths": 1, "mnth": 1, "mnths": 1, "mo": 1, "mos": 1,
		"week": 12.0 / 52, "weeks": 12.0 / 52, "wk": 12.0 / 52, "wks": 12.0 / 52, "day": 12.0 / 365, "days": 12.0 / 365}
	celsiusWords    = map[string]bool{"c": true, "celsius": true, "centigrade": true, "degrees": true, "degree": true, "deg": true, "oc": true}
	fahrenheitWords = map[string]bool{"f": true, "fahrenheit": true, "of": false}
)

// numberWords are the numbers a baby's age is spelt with: "three and a half months old".
var numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// ageLeads are the words after which "N months" is an age, not a duration.
var ageLeads = map[string]bool{"is": true, "aged": true, "age": true, "only": true, "baby": true, "babys": true,
	"hes": true, "shes": true, "just": true, "now": true, "son": true, "daughter": true, "boy": true, "girl": true,
	"newborn": true, "twins": true, "have": true, "has": true, "nearly": true, "almost": true}

// ageLimits, just before an age, make it a limit a safety net names, not the baby's
// age ("999 if he gets to 38 before he's 3 months old. He's 9 weeks").
var ageLimits = map[string]bool{"before": true, "under": true, "below": true, "until": true, "till": true,
	"than": true, "over": true}

// monthsFromText reads a baby's age in months from the text ("my 7 week old", "she is
// 4 months"). A patient aged 0 whose months are not given is taken as a newborn, so a
// fever is not under-triaged for want of a number.
func monthsFromText(toks []token, age int) int {
	if age >= 2 {
		return age * 12
	}
	for i, t := range toks {
		if t.norm == "newborn" {
			return 0
		}
		word, spelt := numberWords[t.norm]
		if (!t.number && !spelt) || i+1 >= len(toks) {
			continue
		}
		// "3 and a half months", "3 and half months": the unit comes after the half.
		unit, half := i+1, 0.0
		if i+4 < len(toks) && toks[i+1].norm == "and" && toks[i+2].norm == "a" && toks[i+3].norm == "half" {
			unit, half = i+4, 0.5
		} else if i+3 < len(toks) && toks[i+1].norm == "and" && toks[i+2].norm == "half" {
			unit, half = i+3, 0.5
		}
		per, ok := monthWords[toks[unit].norm]
		if !ok {
			continue
		}
		next := ""
		if unit+1 < len(toks) && toks[unit+1].clause == toks[unit].clause {
			next = toks[unit+1].norm
		}
		old := next == "old" || next == "olds" || next == "baby"
		aged := i > 0 && ageLeads[toks[i-1].norm]
		if (i > 0 && ageLimits[toks[i-1].norm]) || (i > 1 && aged && ageLimits[toks[i-2].norm]) {
			continue // "a fever before he's 3 months old is 999": a limit, not his age
		}
		// "5mo, hot all night", "9 months, 38.9": a request that opens with an age said
		// on its own gives the baby's age, as a form's first box would.
		opens := i == 0 && next == ""
		if !old && !aged && !opens {
			continue // "a cough for 3 weeks" is not an age
		}
		n, err := strconv.ParseFloat(t.norm, 64)
		if spelt {
			n, err = word, nil
		}
		if err != nil {
			continue
		}
		return int((n + half) * per)
	}
	if age == 1 {
		return 12
	}
	return 0
}

// notTemperatureUnits follow numbers that are never temperatures.
var notTemperatureUnits = map[string]bool{"weeks": true, "week": true, "days": true, "day": true, "hours": true,
	"hrs": true, "hour": true, "minutes": true, "mins": true, "years": true, "yrs": true, "year": true,
	"times": true, "mg": true, "ml": true, "mcg": true, "tablets": true, "pills": true, "puffs": true, "kg": true}

// tabletWords follow a number that counts tablets, which notTemperatureUnits also lists.
var tabletWords = map[string]bool{"tablets": true, "pills": true, "mg": true, "ml": true, "mcg": true, "puffs": true}

// temperatureLimits, just before a number, make it a limit a safety net names, never
// a temperature taken.
var temperatureLimits = map[string]bool{"than": true, "below": true, "under": true}

// temperatureWords mark a nearby bare number as a temperature.
var temperatureWords = map[string]bool{"temperature": true, "temp": true, "temps": true, "fever": true,
	"feverish": true, "thermometer": true, "hot": true}

// temperature returns the highest body temperature the text gives, in °C, and the
// token that gives it; 0 and -1 when there is none. A number counts when it is marked
// as degrees or follows a word about temperature, so "39 weeks pregnant" is not a fever.
func temperature(toks []token) (float64, int) {
	best, at := 0.0, -1
	for i, t := range toks {
		if !t.number {
			continue
		}
		v, err := strconv.ParseFloat(t.norm, 64)
		if err != nil {
			continue
		}
		next := ""
		if i+1 < len(toks) && toks[i+1].sentence == t.sentence {
			next = toks[i+1].norm
		}
		if monthWords[next] > 0 || notTemperatureUnits[next] {
			continue // "40 days", "39 weeks pregnant", "38 tablets"
		}
		if i > 0 && temperatureLimits[toks[i-1].norm] && (!keptUnder(toks, i) || v <= normalC || v >= feverC) {
			// "999 if it goes higher than 38": a safety net's limit, not a reading. Kept
			// under a number ("stayed under 37.5") it is the highest reading taken, and
			// says there was no fever; but not when that is low ("stayed under 36" may
			// be too cold) or a fever ("stayed under 38.5" says nothing of how high).
			continue
		}
		// A word about temperature shortly before or after makes a bare number one:
		// "temp 39", "hot all day, 39", "39 on the ear thermometer".
		context := false
		for k := max(i-4, 0); k < len(toks) && k <= i+4; k++ {
			if k != i && toks[k].sentence == t.sentence && temperatureWords[toks[k].norm] {
				context = true
			}
		}
		c := 0.0
		switch {
		case v >= 35 && v <= 43.5 && (celsiusWords[next] || context || strings.Contains(t.norm, ".")):
			c = v
		case v >= 95 && v <= 110 && (fahrenheitWords[next] || context):
			c = (v - 32) * 5 / 9
		}
		if c > best {
			best, at = c, i
		}
	}
	return best, at
}

// keptVerbs, before "under" or "below" and a number, tell readings taken that stayed
// under it ("her temp stayed under 37.5", "ketones have been below 0.6"): the number is
// the highest of them, not a safety net's limit.
var keptVerbs = map[string]bool{"stayed": true, "stays": true, "stay": true, "staying": true, "kept": true,
	"been": true, "remained": true, "remains": true}

// keptUnder reports whether the number at token i is the ceiling readings kept under:
// "stayed under 0.6", "has been below 37.5". A reading that may only be under it
// ("should stay under 38", "999 if it goes under 88") is not read: keptVerbs holds no
// verb of a wish or a condition but "stay", and "stay" after "should" or "to" is read
// as neither.
func keptUnder(toks []token, i int) bool {
	if i < 2 || toks[i-2].sentence != toks[i].sentence || !keptVerbs[toks[i-2].norm] {
		return false
	}
	if w := toks[i-1].norm; w != "under" && w != "below" {
		return false
	}
	if toks[i-2].norm == "stay" && (i < 3 || toks[i-3].sentence != toks[i].sentence || !keptSubject[toks[i-3].norm]) {
		return false
	}
	return true
}

// keptSubject, before "stay under", make it a report ("they stay under 0.6", "it does
// stay under 38"), not a wish ("should stay under", "to stay under").
var keptSubject = map[string]bool{"they": true, "it": true, "does": true, "do": true, "always": true, "still": true}

// ketoneWords name a ketone reading ("ketones 0.9", "blood ketones are 1.2").
var ketoneWords = map[string]bool{"ketones": true, "ketone": true, "keytones": true, "ketones's": true}

// ketoneFiller may stand between a ketone word and its number ("ketones are only 0.4").
var ketoneFiller = map[string]bool{"are": true, "is": true, "was": true, "were": true, "of": true, "at": true,
	"only": true, "level": true, "levels": true, "reading": true, "just": true, "about": true, "around": true}

// keptWindow is how many words after a ketone word a reading kept under a number may
// end ("ketones every 2 hours and they've stayed under 0.6").
const keptWindow = 10

// ketoneReading is the highest blood ketone reading the text gives, in mmol/L, and
// whether it gives one: a number under 10 just after a ketone word.
func ketoneReading(toks []token) (float64, bool) {
	best, said := 0.0, false
	for i, t := range toks {
		if !ketoneWords[t.norm] {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+keptWindow && toks[k].sentence == t.sentence; k++ {
			if toks[k].number && keptUnder(toks, k) {
				// "ketones checked every 2 hours have stayed under 0.6"
				if v, err := strconv.ParseFloat(toks[k].norm, 64); err == nil && v < 10 {
					best, said = max(best, v), true
				}
				break
			}
		}
		for k := i + 1; k < len(toks) && k <= i+3 && toks[k].sentence == t.sentence; k++ {
			if !toks[k].number {
				if ketoneFiller[toks[k].norm] {
					continue
				}
				break
			}
			if v, err := strconv.ParseFloat(toks[k].norm, 64); err == nil && v < 10 {
				best, said = max(best, v), true
			}
			break
		}
	}
	return best, said
}

// oxygenWords name an oxygen saturation reading for certain ("sats 88", "oxygen 84").
var oxygenWords = map[string]bool{"sats": true, "sat": true, "saturation": true, "saturations": true,
	"saturating": true, "oxygen": true, "oximeter": true, "oxymeter": true, "oximetre": true, "spo": true}

// oxygenDevices name what shows the reading once an oxygen word has been said ("the
// finger monitor says 82"), or the reading itself ("it is reading 84").
var oxygenDevices = map[string]bool{"monitor": true, "probe": true, "machine": true, "reading": true,
	"readings": true, "number": true, "numbers": true, "o": true, "level": true, "levels": true, "alarm": true}

// oxygenLeads stand just before a reading told after the oxygen word's sentence ("her
// oxygen should not drop below 86. It's 80 now"; "it's been beeping at 85").
var oxygenLeads = map[string]bool{"its": true, "theyre": true, "on": true, "at": true, "reading": true,
	"reads": true, "showing": true, "says": true, "to": true, "getting": true, "been": true}

// notReadingLeads, just before a number, make it a threshold or a usual level, not a
// reading now ("below 92", "less than 88", "usually 88").
var notReadingLeads = map[string]bool{"below": true, "under": true, "than": true, "above": true, "over": true,
	"target": true, "usually": true, "normally": true, "usual": true, "normal": true, "between": true,
	"baseline": true, "least": true, "most": true, "if": true, "around": true}

// notReadingTails, just after a number, make it a threshold ("92 or below").
var notReadingTails = map[string]bool{"below": true, "under": true, "less": true, "lower": true, "above": true, "over": true}

// oxygenReadings are the tokens of every oxygen saturation reading (a whole number from
// 50 to 100) the text gives, with their values. A number is a reading when an oxygen
// word is said in its sentence or the one before and the number stands just after it or
// after what shows it ("sats 88", "the finger monitor says 82"), just before a percent
// sign or "on the monitor", or after a word that tells a reading in the next sentence
// ("It's 80 now", "it is 80"). A threshold ("if my sats go below 92", "92 or below"), a usual level
// and a blood pressure ("165/95") are not readings.
func oxygenReadings(text string, age int, toks []token) (at []int, pct []int) {
	said := map[int]bool{} // sentences with an oxygen word
	for i, t := range toks {
		if isOxygenWord(toks, i) {
			said[t.sentence] = true
		}
	}
	if len(said) == 0 {
		return nil, nil
	}
	for i, t := range toks {
		if !t.number || strings.Contains(t.norm, ".") || !(said[t.sentence] || said[t.sentence-1]) {
			continue
		}
		v, err := strconv.Atoi(t.norm)
		if err != nil || v < 50 || v > 100 || (t.start > 0 && text[t.start-1] == '/') {
			continue
		}
		next := nextInClause(toks, i)
		if notTemperatureUnits[next] || monthWords[next] > 0 || wordBefore(toks, i, 2, notReadingLeads) ||
			((next == "or" || next == "and") && i+2 < len(toks) && notReadingTails[toks[i+2].norm]) {
			continue
		}
		if oxygen, listed := listedReading(text, toks, i); listed {
			if oxygen {
				at, pct = append(at, i), append(pct, v)
			}
			continue
		}
		if otherReadingOwns(toks, i) || (namedAfter(toks, i) && charAfter(text, t) != '%') {
			continue
		}
		if saturationAgain(text, age, toks, i, at) || namedOver(toks, i) {
			at, pct = append(at, i), append(pct, v)
			continue
		}
		percent := charAfter(text, t) == '%' || next == "percent"
		after := oxygenNameBefore(toks, i, 4) || wordBefore(toks, i, 3, oxygenDevices)
		itIs := i > 1 && (toks[i-1].norm == "is" || toks[i-1].norm == "are") && (toks[i-2].norm == "it" || toks[i-2].norm == "they")
		if !(percent || after || itIs || wordBefore(toks, i, 3, oxygenLeads)) {
			continue
		}
		at, pct = append(at, i), append(pct, v)
	}
	return at, pct
}

// otherReadingWords name a reading that is not the oxygen saturation ("pulse 70",
// "heart rate was 78", "BP 130", "temp 38", "sugar 6", "aged 70"): a number told with one
// of them belongs to it, even beside an oxygen word ("sats 98% and pulse 70").
var otherReadingWords = map[string]bool{"pulse": true, "pulses": true, "heart": true, "hr": true, "heartrate": true,
	"heartbeat": true, "heartbeats": true, "beat": true, "beating": true, "pr": true, "bpm": true,
	"bp": true, "pressure": true, "systolic": true, "diastolic": true, "temp": true, "temperature": true,
	"sugar": true, "sugars": true, "glucose": true, "bm": true, "bms": true, "ketones": true, "rr": true,
	"resp": true, "respiratory": true, "respirations": true, "weight": true, "weighs": true, "aged": true, "age": true}

// otherReadingUnits, just after a number, make it a heart rate ("70 bpm").
var otherReadingUnits = map[string]bool{"bpm": true, "beats": true}

// otherReadingAfter, just after a number, name the reading it is told with when the
// oxygen word before has its own number already ("sats 98 and 70 pulse").
var otherReadingAfter = map[string]bool{"pulse": true, "heart": true, "hr": true, "heartrate": true}

// readingFillers stand between a reading's name and its number ("pulse is 70", "heart
// rate was about 78", "pulse of 66").
var readingFillers = map[string]bool{"rate": true, "is": true, "was": true, "were": true, "are": true,
	"of": true, "at": true, "about": true, "now": true, "just": true, "then": true, "still": true,
	"currently": true, "reading": true, "reads": true, "says": true, "been": true, "s": true, "its": true,
	"his": true, "her": true, "my": true, "their": true, "the": true, "a": true, "rest": true, "resting": true}

// secondReadingKeeps, said just before a number told after a saturation's own number,
// tell the saturation again, changed or taken another time or way ("sats 98 then 84",
// "oxygen 96 and dropping, 84", "sats 97 walking 84"): the number is still the
// saturation's. Any other word there names another reading ("sats 98 and PR 72").
var secondReadingKeeps = map[string]bool{"then": true, "now": true, "later": true, "after": true, "since": true,
	"before": true, "again": true, "but": true, "to": true, "down": true, "up": true, "only": true, "just": true,
	"drop": true, "drops": true, "dropped": true, "dropping": true, "fell": true, "falls": true, "falling": true,
	"fallen": true, "dipped": true, "dips": true, "dipping": true, "sank": true, "sinking": true, "went": true,
	"goes": true, "going": true, "gone": true, "got": true, "gets": true, "getting": true, "came": true, "coming": true,
	"keeps": true, "kept": true, "stays": true, "stayed": true, "staying": true, "sat": true, "sits": true,
	"hovering": true, "hovers": true, "low": true, "lower": true, "lowest": true, "under": true, "below": true,
	"between": true, "around": true, "about": true, "nearly": true, "almost": true, "barely": true, "sometimes": true,
	"occasionally": true, "briefly": true, "today": true, "tonight": true, "morning": true, "afternoon": true,
	"evening": true, "night": true, "overnight": true, "earlier": true, "yesterday": true, "am": true, "pm": true,
	"mins": true, "minutes": true, "hour": true, "hours": true, "ago": true, "rest": true, "resting": true,
	"walking": true, "walk": true, "exercise": true, "exertion": true, "moving": true, "standing": true,
	"sitting": true, "lying": true, "asleep": true, "sleeping": true, "awake": true, "air": true, "oxygen": true,
	"on": true, "off": true, "finger": true, "fingers": true, "toe": true, "ear": true, "hand": true, "other": true,
	"monitor": true, "probe": true, "machine": true, "oximeter": true, "reading": true, "readings": true, "it": true,
	"its": true, "is": true, "was": true, "are": true, "were": true, "shes": true, "hes": true, "im": true,
	"lowish": true, "worse": true, "worst": true, "recovered": true, "coughing": true, "crying": true, "feeding": true,
	"upstairs": true, "downstairs": true, "stairs": true, "outside": true, "inside": true, "indoors": true,
	"outdoors": true, "bed": true, "shower": true, "toilet": true, "loo": true, "sleep": true, "exercising": true,
	"walked": true, "active": true, "activity": true, "effort": true, "talking": true, "eating": true,
	"drinking": true, "laughing": true, "crawling": true, "playing": true, "running": true, "ambulance": true,
	"paramedics": true, "hospital": true, "nurse": true, "doctor": true, "gp": true, "home": true}

// listLinkers join two readings told as a list ("sats 98 and PR 72", "sats 98 & HR 70").
var listLinkers = map[string]bool{"and": true, "with": true, "plus": true, "n": true}

// pulseOxWords, after "pulse", make it the oximeter ("pulse ox", "pulse oximeter").
var pulseOxWords = map[string]bool{"ox": true, "oxi": true, "oxy": true, "oximeter": true, "oxymeter": true,
	"oximetre": true, "oximetry": true, "oxometer": true}

// otherReadingOwns reports whether the number at token i is told as a reading other
// than the oxygen saturation: the first word before it in its sentence, over
// readingFillers only, names another reading ("sats 98 and pulse 70", "heart rate is
// 74"); the number is told in beats ("sats 98 and 70 bpm"); or it is told before the
// pulse's name once the oxygen word before it has its own number ("sats 98 and 70
// pulse", "98% sats, 70 pulse"). A number told straight after an oxygen word ("sats 84
// pulse 120", "pulse 120 and sats 84", "her sats have gone down to 84 pulse 120") is
// the oxygen's, and so is one after "pulse ox".
func otherReadingOwns(toks []token, i int) bool {
	k := i - 1
	for ; k >= 0 && toks[k].sentence == toks[i].sentence; k-- {
		w := toks[k].norm
		if isOxygenWord(toks, k) {
			return false
		}
		if otherReadingWords[w] {
			return !(w == "pulse" && k+1 < len(toks) && pulseOxWords[toks[k+1].norm])
		}
		if !readingFillers[w] {
			break
		}
	}
	if k >= 0 && toks[k].sentence == toks[i].sentence && namesSecondReading(toks, k) {
		return true
	}
	next := nextInClause(toks, i)
	if otherReadingUnits[next] {
		return true
	}
	if !otherReadingAfter[next] {
		return false
	}
	for k := i - 1; k >= 0 && toks[k].sentence == toks[i].sentence; k-- {
		if isOxygenWord(toks, k) {
			return k > 0 && toks[k-1].number && toks[k-1].sentence == toks[k].sentence
		}
		if toks[k].number {
			// a number between the oxygen word and this one is the oxygen's own
			return oxygenWordBefore(toks, k)
		}
	}
	return false
}

// saturationAgain reports whether the number at token i tells the saturation again,
// taken another time or way: a saturation reading (one of at) stands before it in its
// sentence or the one before ("the sats were 96. This evening 86 on our machine"), and
// no other reading's name stands between (otherReadingWords,
// otherReadingNames), whatever else does: "spo2 97, after 10 min 86", "94 yesterday, 85
// today", "oxygen 95 earlier then 86". A number between that is a time ("after 10 min",
// "at 3pm") is passed over; any other number between is another reading's, and so is
// this one. Two numbers joined by nothing but "and" or a comma ("sats 98, 72") are a
// list of two readings, the second most likely the pulse an oximeter shows beside the
// saturation, not the saturation again. A number told with another reading's unit ("75
// kg", "86 years old", "86/50"), told as an age ("mum is 86", "turned 86", "I'm 73" of a
// patient of 73) or set as a condition ("if it drops to 86") is not the saturation's.
func saturationAgain(text string, age int, toks []token, i int, at []int) bool {
	if readingUnits[nextInClause(toks, i)] || charAfter(text, toks[i]) == '/' || ageByVerb(toks, i) ||
		(i > 0 && beWords[toks[i-1].norm] && toks[i].norm == strconv.Itoa(age)) {
		return false
	}
	plain := true // only list linkers and commas so far
	for j := i - 1; j >= 0 && toks[j].sentence >= toks[i].sentence-1; j-- {
		w := toks[j].norm
		switch {
		case isOxygenWord(toks, j):
			plain = false // the saturation named again ("sats 97 on air, oxygen on 86")
		case toks[j].number && slices.Contains(at, j):
			return !plain || arrowBetween(text, toks, j, i)
		case toks[j].number && timeNumber(toks, j):
			plain = false
		case toks[j].number, otherReadingWords[w], otherReadingNames[w], conditionWords[w]:
			return false
		case !listLinkers[w]:
			plain = false
		}
	}
	return false
}

// otherReadingNames, beside otherReadingWords, name a measure whose number is not the
// saturation's, between a saturation and a number told after it: "sats 98 and my peak
// flow 350", "sats 96, BMI 31", "oxygen 97, 75 kg".
var otherReadingNames = map[string]bool{"peak": true, "flow": true, "pefr": true, "bmi": true, "height": true,
	"cholesterol": true, "hba1c": true, "inr": true, "egfr": true, "score": true, "news": true, "rate": true,
	"weigh": true, "weighed": true, "kg": true, "kgs": true, "kilos": true, "lbs": true, "stone": true,
	"breaths": true, "mmol": true, "cm": true, "years": true, "yrs": true, "old": true, "born": true}

// readingUnits, just after a number, make it a measure other than a saturation ("75 kg",
// "86 years old", "88 bpm", "90 mins").
var readingUnits = map[string]bool{"kg": true, "kgs": true, "kilo": true, "kilos": true, "lb": true, "lbs": true,
	"pounds": true, "stone": true, "st": true, "cm": true, "mm": true, "mmol": true, "mg": true, "mcg": true,
	"ml": true, "years": true, "yrs": true, "yr": true, "year": true, "yo": true, "y": true, "old": true,
	"bpm": true, "beats": true, "breaths": true, "degrees": true, "degree": true, "deg": true, "c": true,
	"f": true, "units": true, "litres": true, "liters": true, "l": true, "lpm": true, "min": true, "mins": true,
	"minutes": true, "hour": true, "hours": true, "hrs": true, "sec": true, "secs": true, "seconds": true,
	"am": true, "pm": true, "days": true, "day": true, "weeks": true, "week": true, "times": true,
	"tablets": true, "puffs": true, "percentile": true, "points": true}

// ageVerbs, just before a number, tell an age after a person ("mum is 86") or on their
// own ("turned 86").
var ageVerbs = map[string]bool{"is": true, "turned": true, "turns": true, "turning": true}

// beWords, just before the patient's own age, tell it ("I'm 73 and tired").
var beWords = map[string]bool{"im": true, "am": true, "is": true, "hes": true, "shes": true, "aged": true}

// personNouns name a person whose number, told with "is", is an age ("mum is 86").
var personNouns = map[string]bool{"mum": true, "mom": true, "mother": true, "dad": true, "father": true,
	"nan": true, "nana": true, "nanna": true, "gran": true, "granny": true, "grandma": true, "grandad": true,
	"grandpa": true, "grandmother": true, "grandfather": true, "husband": true, "wife": true, "partner": true,
	"who": true, "aunt": true, "uncle": true, "brother": true, "sister": true, "son": true, "daughter": true,
	"patient": true, "resident": true, "she": true, "he": true}

// conditionWords, before a number, set it as a condition, not a reading ("if it drops to 86").
var conditionWords = map[string]bool{"if": true, "unless": true, "should": true}

// timeNumber reports whether the number at token j tells a time, not a reading: a unit of
// time follows it ("10 min", "3pm", "2 days"), or it is a clock hour after "at" ("at 3").
func timeNumber(toks []token, j int) bool {
	if w := nextInClause(toks, j); timeUnits[w] || monthWords[w] > 0 || w == "oclock" {
		return true
	}
	v, err := strconv.Atoi(toks[j].norm)
	return err == nil && v <= 24 && j > 0 && (toks[j-1].norm == "at" || toks[j-1].norm == "by")
}

// listedReading reads the number at token i as one of a list of numbers told after a
// list of the readings' names, in order: "oxygen and heart rate on the finger monitor: 83
// and 125" and "heart rate and sats: 125, 83" give 83 to the oxygen and 125 to the heart
// rate. The numbers are joined by "and" (or another list linker) or a comma (listJoined);
// the names are, before the first number in its sentence (over any words but a number),
// the oxygen words and otherReadingWords, one name each ("heart rate" and "pulse ox" are
// one). listed says whether the number is in such a list with as many names as numbers,
// of two or more; oxygen whether its name is the oxygen's.
func listedReading(text string, toks []token, i int) (oxygen, listed bool) {
	// The run of numbers around i: number (and number)...
	run := []int{i}
	for a := i; ; {
		b, ok := listJoined(text, toks, a, -1)
		if !ok {
			break
		}
		run, a = append([]int{b}, run...), b
	}
	for a := i; ; {
		b, ok := listJoined(text, toks, a, +1)
		if !ok {
			break
		}
		run, a = append(run, b), b
	}
	if len(run) < 2 {
		return false, false
	}
	first := run[0]
	var names []bool // by name, from the last: whether it is the oxygen's
	for k := first - 1; k >= 0 && k >= first-listedReach && toks[k].sentence == toks[i].sentence && !toks[k].number; k-- {
		w := toks[k].norm
		switch {
		case isOxygenWord(toks, k):
			names = append(names, true)
		case w == "pulse" && k+1 < len(toks) && pulseOxWords[toks[k+1].norm]:
			// "pulse ox": its "ox" is the name
		case w == "heart" && k+1 < len(toks) && (toks[k+1].norm == "rate" || toks[k+1].norm == "beat"):
			names = append(names, false)
		case otherReadingWords[w] && w != "beat":
			names = append(names, false)
		}
	}
	if len(names) != len(run) {
		return false, false
	}
	slices.Reverse(names)
	return names[slices.Index(run, i)], true
}

// listJoined returns the number joined to the number at token a in a list, before it
// (step -1) or after it (step +1), in its sentence: the next number over one list linker
// ("83 and 125") or over only a comma or "&" ("125, 83").
func listJoined(text string, toks []token, a, step int) (int, bool) {
	lo, hi := a, a+step
	if step < 0 {
		lo, hi = a+step, a
	}
	if lo < 0 || hi >= len(toks) || toks[lo].sentence != toks[hi].sentence {
		return 0, false
	}
	if toks[lo].number && toks[hi].number {
		sep := text[toks[lo].end:toks[hi].start]
		return a + step, strings.Trim(sep, " ") != "" && strings.Trim(sep, " ,&") == ""
	}
	b := a + 2*step
	if b < 0 || b >= len(toks) || !toks[b].number || toks[b].sentence != toks[a].sentence || !listLinkers[toks[a+step].norm] {
		return 0, false
	}
	return b, true
}

// listedReach is how many words before a list of numbers its names may stand ("oxygen and
// heart rate on the finger monitor: 83 and 125").
const listedReach = 10

// oxygenWordBefore reports whether an oxygen word stands before token k in its sentence.
func oxygenWordBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && toks[j].sentence == toks[k].sentence; j-- {
		if isOxygenWord(toks, j) {
			return true
		}
	}
	return false
}

// namesSecondReading reports whether word k, said just before a number, names a
// reading of its own told after a saturation's number in a list: "sats 98 and PR 72",
// "SpO2 97% heartbeat 68", "oxygen 99 ticker 70". The saturation's number is a whole
// number told right after an oxygen word (over readingFillers), then at most one list
// linker; a word of secondReadingKeeps ("sats 98 then 84", "sats 97 walking 84") tells
// the saturation again and names nothing.
func namesSecondReading(toks []token, k int) bool {
	if toks[k].number || secondReadingKeeps[toks[k].norm] || listLinkers[toks[k].norm] || isOxygenWord(toks, k) || oxygenDevices[toks[k].norm] ||
		oxygenLeads[toks[k].norm] || notReadingLeads[toks[k].norm] {
		return false
	}
	j := k - 1
	if j >= 0 && listLinkers[toks[j].norm] {
		j--
	}
	if j < 0 || !toks[j].number || toks[j].sentence != toks[k].sentence || strings.Contains(toks[j].norm, ".") {
		return false
	}
	for j--; j >= 0 && toks[j].sentence == toks[k].sentence; j-- {
		if isOxygenWord(toks, j) {
			return true
		}
		if !readingFillers[toks[j].norm] {
			return false
		}
	}
	return false
}

// isOxygenWord reports whether token k names the oxygen saturation ("sats", "O2"): the
// "2" of "O2" and "SpO2" is part of the name, not a number told.
func isOxygenWord(toks []token, k int) bool {
	w := toks[k].norm
	return oxygenWords[w] || (w == "o" && k+1 < len(toks) && toks[k+1].norm == "2") ||
		(w == "2" && k > 0 && (toks[k-1].norm == "o" || toks[k-1].norm == "spo")) ||
		(k > 0 && toks[k-1].sentence == toks[k].sentence &&
			((toks[k-1].norm == "finger" && fingerDevices[w]) || (toks[k-1].norm == "pulse" && pulseOxWords[w])))
}

// fingerDevices, after "finger", name the pulse oximeter, whose number is the
// saturation ("Finger probe: 94", "the finger monitor says 82").
var fingerDevices = map[string]bool{"probe": true, "monitor": true, "clip": true, "sensor": true, "thing": true,
	"oximeter": true, "machine": true, "reader": true}

// namedOver reports whether the number at token i is told just after an oxygen word,
// over at most four words that tell a reading or its change (readingFillers,
// secondReadingKeeps), across a colon or a comma in its sentence: "sats: 84", "Finger
// probe: 94 yesterday", "sats dropping, 95 an hour ago".
func namedOver(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5 && toks[k].sentence == toks[i].sentence && !toks[k].number; k-- {
		if isOxygenWord(toks, k) {
			return true
		}
		if w := toks[k].norm; !readingFillers[w] && !secondReadingKeeps[w] {
			return false
		}
	}
	return false
}

// oxygenNameBefore reports whether an oxygen word (isOxygenWord: "sats", "O2", "finger
// probe", "pulse ox") stands one of the back words before token i, in its clause.
func oxygenNameBefore(toks []token, i, back int) bool {
	for k := i - 1; k >= 0 && k >= i-back && toks[k].clause == toks[i].clause; k-- {
		if isOxygenWord(toks, k) {
			return true
		}
	}
	return false
}

// namedAfter reports whether the number at token i is named as another reading after
// it in its clause, over readingFillers and namingLinks only ("86 for the heart rate", "86
// which was my heart rate", "86 is my husband's pulse"), by a name with no number of its
// own after it ("86 pulse 124" names 124).
func namedAfter(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+6 && toks[k].clause == toks[i].clause; k++ {
		w := toks[k].norm
		if w == "pulse" && k+1 < len(toks) && pulseOxWords[toks[k+1].norm] {
			return false // "84 on the pulse ox": the oximeter
		}
		if otherReadingWords[w] || otherReadingNames[w] {
			for j := k + 1; j < len(toks) && toks[j].clause == toks[i].clause; j++ {
				if toks[j].number {
					return false
				}
				if !readingFillers[toks[j].norm] && !otherReadingWords[toks[j].norm] {
					break
				}
			}
			return true
		}
		if !readingFillers[w] && !namingLinks[w] {
			return false
		}
	}
	return false
}

// namingLinks may stand between a number and the name of what it measures, told after
// it ("86 for the heart rate", "86 which was my pulse", "86 is my husband's pulse").
var namingLinks = map[string]bool{"for": true, "which": true, "that": true, "thats": true, "being": true,
	"husbands": true, "wifes": true, "mums": true, "dads": true, "sons": true, "daughters": true, "partners": true,
	"own": true, "actually": true}

// plainPair reports whether only list linkers (and commas) stand between tokens a and b,
// with no arrow: "97 and 86", "98, 72" are two readings an oximeter shows side by side.
func plainPair(text string, toks []token, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if !listLinkers[toks[k].norm] {
			return false
		}
	}
	return !arrowBetween(text, toks, a, b)
}

// arrowBetween reports whether an arrow stands between tokens a and b ("97 -> 86",
// "97 → 86"): a change told, never a pair side by side.
func arrowBetween(text string, toks []token, a, b int) bool {
	return strings.ContainsAny(text[toks[a].end:toks[b].start], ">→")
}

// charAfter is the byte just after token t in text, 0 at the text's end: a "%", "/" or
// "-" glued to a number tells what it is.
func charAfter(text string, t token) byte {
	if t.end < len(text) {
		return text[t.end]
	}
	return 0
}

// toldAsAge reports whether the number at token i is told as an age: after "she's",
// "he's", "turns", "aged", or after "is" told of a person ("mum is 86", "she is 87").
func toldAsAge(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	return ageTellers[toks[i-1].norm] || ageByVerb(toks, i)
}

// ageByVerb reports whether the number at token i is told as an age by the verb before
// it: "turned 86" on its own, "is" only after a person ("mum is 86").
func ageByVerb(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	w := toks[i-1].norm
	return (ageVerbs[w] && w != "is") || (w == "is" && i > 1 && personNouns[toks[i-2].norm])
}

// ageTellers, just before a number, tell a person's age ("she's 87 next week").
var ageTellers = map[string]bool{"shes": true, "hes": true, "aged": true}

// pulseWords, a few words before a number, make it a heart rate ("pulse 170", "heart
// racing at 180", "heart rate is 160").
var pulseWords = map[string]bool{"pulse": true, "rate": true, "racing": true, "beating": true, "hr": true,
	"heartrate": true, "pounding": true, "hammering": true}

// pulseReadings are the tokens of every heart rate (a whole number from 100 to 300) the
// text gives, with their values: after a word about the pulse or before "bpm" or
// "beats". A threshold ("if his pulse is over 150") is not a reading.
func pulseReadings(toks []token) (at []int, bpm []int) {
	for i, t := range toks {
		if !t.number || strings.Contains(t.norm, ".") {
			continue
		}
		v, err := strconv.Atoi(t.norm)
		if err != nil || v < 100 || v > 300 {
			continue
		}
		if wordBefore(toks, i, 1, notReadingLeads) {
			continue // "over 150": a threshold
		}
		next := nextInClause(toks, i)
		said := next == "bpm" || next == "beats" || wordBefore(toks, i, 3, pulseWords)
		for k := i - 1; !said && k > 0 && k >= i-3 && toks[k].clause == t.clause; k-- {
			said = toks[k].norm == "at" && (toks[k-1].norm == "going" || toks[k-1].norm == "its") // "it's going at 170"
		}
		if said {
			at, bpm = append(at, i), append(bpm, v)
		}
	}
	return at, bpm
}

// wordBefore reports whether one of the back words before token i, within its clause,
// is in set.
func wordBefore(toks []token, i, back int, set map[string]bool) bool {
	for k := i - 1; k >= 0 && k >= i-back && toks[k].clause == toks[i].clause; k-- {
		if set[toks[k].norm] {
			return true
		}
	}
	return false
}

// nextInClause is the word after token i in its clause; "" at the clause's end.
func nextInClause(toks []token, i int) string {
	if i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
		return toks[i+1].norm
	}
	return ""
}
