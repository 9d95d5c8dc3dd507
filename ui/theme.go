package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"triagedesk/triage"
)

// Colour names that mean something in the desk. Each has a light and a dark value with
// at least 4.5:1 contrast (WCAG AA) against the theme's background, and each is always
// shown next to a word, never alone.
const (
	ColorEmergency fyne.ThemeColorName = "triagedesk-emergency"
	ColorSameDay   fyne.ThemeColorName = "triagedesk-same-day"
	ColorSoon      fyne.ThemeColorName = "triagedesk-soon"
	ColorRoutine   fyne.ThemeColorName = "triagedesk-routine"
	ColorBreach    fyne.ThemeColorName = "triagedesk-breach"
	ColorConflict  fyne.ThemeColorName = "triagedesk-conflict"
	ColorOffline   fyne.ThemeColorName = "triagedesk-offline"
	ColorHighlight fyne.ThemeColorName = "triagedesk-highlight"
	// ColorBanner is the emergency banner's background; white text on it passes AA.
	ColorBanner fyne.ThemeColorName = "triagedesk-banner"
)

var palette = map[fyne.ThemeColorName][2]color.NRGBA{ // light, dark
	ColorEmergency: {{0xB0, 0x0B, 0x1E, 0xFF}, {0xFF, 0x8A, 0x8A, 0xFF}},
	ColorSameDay:   {{0xA3, 0x3D, 0x00, 0xFF}, {0xFF, 0xB0, 0x66, 0xFF}},
	ColorSoon:      {{0x6E, 0x55, 0x00, 0xFF}, {0xE8, 0xD0, 0x60, 0xFF}},
	ColorRoutine:   {{0x1E, 0x6B, 0x2E, 0xFF}, {0x8F, 0xD8, 0x8F, 0xFF}},
	ColorBreach:    {{0xB0, 0x0B, 0x1E, 0xFF}, {0xFF, 0x8A, 0x8A, 0xFF}},
	ColorConflict:  {{0x8A, 0x2B, 0x9E, 0xFF}, {0xE0, 0xA0, 0xFF, 0xFF}},
	ColorOffline:   {{0x8A, 0x4B, 0x00, 0xFF}, {0xFF, 0xB8, 0x5C, 0xFF}},
	ColorHighlight: {{0x00, 0x4F, 0xB0, 0xFF}, {0x8C, 0xC4, 0xFF, 0xFF}},
	ColorBanner:    {{0xB0, 0x0B, 0x1E, 0xFF}, {0xB0, 0x0B, 0x1E, 0xFF}},
}

// Theme is the desk's theme: Fyne's default (light or dark, following the system) with
// the desk's named colours added.
type Theme struct{ fyne.Theme }

// NewTheme wraps the default theme.
func NewTheme() fyne.Theme { return Theme{theme.DefaultTheme()} }

// Color returns the desk's named colours and defers to the default for the rest.
func (t Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := palette[n]; ok {
		if v == theme.VariantDark {
			return c[1]
		}
		return c[0]
	}
	return t.Theme.Color(n, v)
}

// PriorityColor names the colour of a priority.
func PriorityColor(p triage.Priority) fyne.ThemeColorName {
	switch p {
	case triage.Emergency:
		return ColorEmergency
	case triage.SameDay:
		return ColorSameDay
	case triage.Soon:
		return ColorSoon
	}
	return ColorRoutine
}

// themeColor resolves a colour name in the running app's theme and variant.
func themeColor(n fyne.ThemeColorName) color.Color {
	// Our own colours come from the palette whatever theme is set (tests run with the
	// test theme, which does not know them).
	return NewTheme().Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}

// themeWhite is white, for text on the emergency banner's fixed dark red.
type themeWhite struct{}

func (themeWhite) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }
