package triage

// Input is one request as the engine reads it: who it is for and what they wrote.
type Input struct {
	ID   string `json:"id"`
	Age  int    `json:"age"` // whole years; babies' months are in the text
	Sex  Sex    `json:"sex"`
	Kind Kind   `json:"kind"` // what the patient ticked, which may be wrong
	Text string `json:"text"`
	// Answers are what the patient answered before writing; nil when not asked. A yes
	// to a red-flag question is that red flag, and a fact (a baby's age in months, a
	// measured temperature, a pregnancy) is trusted over what the text suggests.
	Answers *Answers `json:"answers,omitempty"`
}

// Span is a byte range [Start, End) of a piece of text, used to highlight the words
// that triggered a rule or matched a search.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Reason explains one rule that fired: which rule, what it means, and the words of the
// patient's text that triggered it, so the reviewer can see why and check.
type Reason struct {
	Rule  string   `json:"rule"`
	Says  string   `json:"says"`
	Words []string `json:"words"`
	Spans []Span   `json:"spans,omitempty"` // byte ranges of Words in the original text
}

// Suggestion is what the engine suggests for a request. A person always decides.
type Suggestion struct {
	Priority Priority `json:"priority"`
	Team     Team     `json:"team"`
	Signpost Signpost `json:"signpost"`
	Reasons  []Reason `json:"reasons"`
}
