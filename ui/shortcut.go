package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// desktopShortcut is Ctrl (⌘ on a Mac, by Fyne's own mapping) and a key.
type desktopShortcut struct{ key fyne.KeyName }

// ShortcutName is the name the desktop driver gives the key it reads: the driver
// makes a desktop.CustomShortcut of Ctrl and the key, and finds a menu item's or the
// window's handler by that name alone. Any other name is never matched, and the key
// does nothing in the real window (Ctrl+F, Ctrl+R and Ctrl+1 to 6 did nothing).
func (s *desktopShortcut) ShortcutName() string {
	return (&desktop.CustomShortcut{KeyName: s.key, Modifier: s.Mod()}).ShortcutName()
}

func (s *desktopShortcut) Key() fyne.KeyName     { return s.key }
func (s *desktopShortcut) Mod() fyne.KeyModifier { return fyne.KeyModifierShortcutDefault }

var _ fyne.KeyboardShortcut = (*desktopShortcut)(nil)

// The desk's keys are the window's own key handlers, which Fyne calls only while no
// widget has the focus. A click on a drop-down, a tick box or a table row gives that
// widget the focus, and it would then swallow j, ? and Esc until something else was
// clicked. The widgets below take the focus as usual but hand every key they have no
// use for to the window's handlers, and drop the focus as they do, so the desk's keys
// work whatever was clicked last. Only text boxes keep the keys: a person is typing.

// passRune gives r to the window's own rune handler, as though nothing had the focus.
func passRune(o fyne.CanvasObject, r rune) {
	if c := canvasOf(o); c != nil {
		c.Unfocus()
		if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}

// passKey gives ev to the window's own key handler, as though nothing had the focus.
func passKey(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	if c := canvasOf(o); c != nil {
		c.Unfocus()
		if h := c.OnTypedKey(); h != nil {
			h(ev)
		}
	}
}

func canvasOf(o fyne.CanvasObject) fyne.Canvas {
	if a := fyne.CurrentApp(); a != nil {
		return a.Driver().CanvasForObject(o)
	}
	return nil
}

// keySelect is a drop-down that keeps Space (open the list) and gives every other key
// to the desk.
type keySelect struct{ widget.Select }

// newSelect makes a drop-down whose keys fall through to the desk. Put the returned
// object in the layout; its *widget.Select is what callers set and read.
func newSelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedRune hands the rune to the desk: a drop-down has no use for letters.
func (s *keySelect) TypedRune(r rune) { passRune(s, r) }

// TypedKey keeps Space, which opens the drop-down, and hands the rest to the desk.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace {
		s.Select.TypedKey(ev)
		return
	}
	passKey(s, ev)
}

// keyCheck is a tick box that keeps Space (tick) and gives every other key to the desk.
type keyCheck struct{ widget.Check }

func newCheck(label string, changed func(bool)) *keyCheck {
	c := &keyCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedRune keeps Space, which ticks the box, and hands the rest to the desk.
func (c *keyCheck) TypedRune(r rune) {
	if r == ' ' {
		c.Check.TypedRune(r)
		return
	}
	passRune(c, r)
}

// TypedKey hands every key to the desk.
func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) { passKey(c, ev) }
