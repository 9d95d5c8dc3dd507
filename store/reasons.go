package store

import (
	"encoding/json"
	"strconv"
	"strings"

	"triagedesk/triage"
)

// The engine's reasons are stored as JSON text beside each request. A first sync
// reads and writes 100,000 of them, and encoding/json's reflection was a tenth of
// the write and a fifth of the server's read, so the plain form the store itself
// writes is encoded and decoded by hand. Anything else — an escape, a field out of
// order, a cache written by another version — goes through encoding/json, so the
// fast paths change speed, never meaning.

// reasonsJSON is json.Marshal of rs ("[]" for none).
func reasonsJSON(rs []triage.Reason) []byte {
	if len(rs) == 0 {
		return []byte("[]")
	}
	plain := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return false
			}
		}
		return true
	}
	b := make([]byte, 0, 160*len(rs))
	b = append(b, '[')
	for i, r := range rs {
		if !plain(r.Rule) || !plain(r.Says) {
			return marshalReasons(rs)
		}
		for _, w := range r.Words {
			if !plain(w) {
				return marshalReasons(rs)
			}
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"rule":"`...)
		b = append(b, r.Rule...)
		b = append(b, `","says":"`...)
		b = append(b, r.Says...)
		b = append(b, `","words":`...)
		if r.Words == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for k, w := range r.Words {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, '"')
				b = append(b, w...)
				b = append(b, '"')
			}
			b = append(b, ']')
		}
		if len(r.Spans) > 0 {
			b = append(b, `,"spans":[`...)
			for k, sp := range r.Spans {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, `{"start":`...)
				b = strconv.AppendInt(b, int64(sp.Start), 10)
				b = append(b, `,"end":`...)
				b = strconv.AppendInt(b, int64(sp.End), 10)
				b = append(b, '}')
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func marshalReasons(rs []triage.Reason) []byte {
	if out, err := json.Marshal(rs); err == nil {
		return out
	}
	return []byte("[]")
}

// parseReasons is json.Unmarshal of stored reasons into a []triage.Reason.
func parseReasons(s string) ([]triage.Reason, error) {
	if rs, ok := parsePlainReasons(s); ok {
		return rs, nil
	}
	var rs []triage.Reason
	err := json.Unmarshal([]byte(s), &rs)
	return rs, err
}

// parsePlainReasons reads exactly the form reasonsJSON writes for plain strings, and
// reports false for anything else.
func parsePlainReasons(s string) ([]triage.Reason, bool) {
	if strings.IndexByte(s, '\\') >= 0 {
		return nil, false
	}
	p := plainParser{s: s}
	if s == "[]" {
		return []triage.Reason{}, true
	}
	if !p.lit("[") {
		return nil, false
	}
	var out []triage.Reason
	for {
		var r triage.Reason
		var ok bool
		if !p.lit(`{"rule":`) {
			return nil, false
		}
		if r.Rule, ok = p.str(); !ok || !p.lit(`,"says":`) {
			return nil, false
		}
		if r.Says, ok = p.str(); !ok || !p.lit(`,"words":`) {
			return nil, false
		}
		if !p.lit("null") {
			if !p.lit("[") {
				return nil, false
			}
			r.Words = []string{}
			if !p.lit("]") {
				for {
					w, ok := p.str()
					if !ok {
						return nil, false
					}
					r.Words = append(r.Words, w)
					if p.lit("]") {
						break
					}
					if !p.lit(",") {
						return nil, false
					}
				}
			}
		}
		if p.lit(`,"spans":[`) {
			for {
				var sp triage.Span
				if !p.lit(`{"start":`) {
					return nil, false
				}
				if sp.Start, ok = p.num(); !ok || !p.lit(`,"end":`) {
					return nil, false
				}
				if sp.End, ok = p.num(); !ok || !p.lit("}") {
					return nil, false
				}
				r.Spans = append(r.Spans, sp)
				if p.lit("]") {
					break
				}
				if !p.lit(",") {
					return nil, false
				}
			}
		}
		if !p.lit("}") {
			return nil, false
		}
		out = append(out, r)
		if p.lit("]") {
			return out, p.i == len(p.s)
		}
		if !p.lit(",") {
			return nil, false
		}
	}
}

type plainParser struct {
	s string
	i int
}

func (p *plainParser) lit(l string) bool {
	if strings.HasPrefix(p.s[p.i:], l) {
		p.i += len(l)
		return true
	}
	return false
}

// str reads a quoted string of printable ASCII; anything else is left to
// encoding/json.
func (p *plainParser) str() (string, bool) {
	if !p.lit(`"`) {
		return "", false
	}
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '"' {
			v := p.s[start:p.i]
			p.i++
			return v, true
		}
		if c < 0x20 || c >= 0x7f {
			return "", false
		}
		p.i++
	}
	return "", false
}

// num reads a small non-negative decimal integer without leading zeros.
func (p *plainParser) num() (int, bool) {
	start := p.i
	for p.i < len(p.s) && p.i-start < 9 && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	digits := p.s[start:p.i]
	if digits == "" || (len(digits) > 1 && digits[0] == '0') {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	return n, err == nil
}
