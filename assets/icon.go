package assets

import _ "embed"

// Icon is the application icon: a white cross over the three triage colours. The desk
// sets it at start-up because it is built with go build, not fyne package.
//
//go:embed icon.png
var Icon []byte
