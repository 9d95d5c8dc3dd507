package ui

import (
	"fyne.io/fyne/v2"
)

// desktopShortcut is Ctrl (⌘ on a Mac, by Fyne's own mapping) and a key.
type desktopShortcut struct{ key fyne.KeyName }

func (s *desktopShortcut) ShortcutName() string  { return "Ctrl+" + string(s.key) }
func (s *desktopShortcut) Key() fyne.KeyName     { return s.key }
func (s *desktopShortcut) Mod() fyne.KeyModifier { return fyne.KeyModifierShortcutDefault }

var _ fyne.KeyboardShortcut = (*desktopShortcut)(nil)
