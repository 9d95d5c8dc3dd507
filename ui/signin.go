package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// SignInTitle is what the sign-in dialog says first, in words anyone at the desk
// understands at a glance.
const SignInTitle = "Your session has ended; sign in again"

// SignInPrompt is the dialog that asks the person to sign in again once the practice
// queue stops accepting the desk's token (it expired, or the manager revoked it). The
// desk keeps working from its copy meanwhile, and its outbox keeps every change made:
// they are sent, once each, after the sign-in.
type SignInPrompt struct {
	Dialog  dialog.Dialog
	Why     *widget.Label  // what the queue said, and what is kept
	Token   *widget.Entry  // the new token, hidden as it is typed: it is a secret
	Button  *widget.Button // Sign in
	Later   *widget.Button // closes the dialog; the status bar's button opens it again
	Message *widget.Label  // "Signing in…", or why the token was not accepted

	d    *Desk
	busy bool // a sign-in is in flight: Enter in the token box must not start a second
}

// askSignIn shows the sign-in dialog, or brings the one already open up to date;
// call it on the Fyne thread. why is the queue's reason, pending the changes waiting
// in the outbox.
func (d *Desk) askSignIn(why string, pending int) {
	if d.opts.SignIn == nil {
		return
	}
	p := d.SignIn
	if p == nil || !d.signInOpen {
		p = d.newSignInPrompt()
		d.SignIn = p
	}
	text := "The practice queue no longer accepts this desk's sign-in"
	if why = strings.TrimSuffix(strings.TrimSpace(why), "."); why != "" {
		text += ": " + why
	}
	text += ".\n\n"
	switch pending {
	case 0:
		text += "Nothing you did here is lost. "
	case 1:
		text += "Nothing you did here is lost: 1 change waits on this desk and is sent once you sign in. "
	default:
		text += fmt.Sprintf("Nothing you did here is lost: %d changes wait on this desk and are sent once you sign in. ", pending)
	}
	text += "Until then the desk shows its own copy of the queue, which does not update.\n\nPaste the new token the practice manager gives you."
	p.Why.SetText(text)
	if !d.signInOpen {
		d.signInOpen = true
		d.showDialog(p.Dialog)
		if d.window != nil {
			d.window.Canvas().Focus(p.Token)
		}
	}
}

func (d *Desk) newSignInPrompt() *SignInPrompt {
	p := &SignInPrompt{d: d}
	p.Why = widget.NewLabel("")
	p.Why.Wrapping = fyne.TextWrapWord
	p.Token = widget.NewPasswordEntry()
	p.Token.SetPlaceHolder("Your new token")
	p.Token.OnSubmitted = func(string) { p.submit() }
	p.Message = widget.NewLabel("")
	p.Message.Wrapping = fyne.TextWrapWord
	p.Button = widget.NewButton("Sign in", p.submit)
	p.Button.Importance = widget.HighImportance
	p.Later = widget.NewButton("Later", func() { p.Dialog.Hide() })
	content := container.NewVBox(p.Why, widget.NewForm(widget.NewFormItem("Token", p.Token)), p.Message,
		container.NewHBox(p.Later, p.Button))
	p.Dialog = dialog.NewCustomWithoutButtons(SignInTitle, content, d.window)
	p.Dialog.SetOnClosed(func() { d.signInOpen = false })
	p.Dialog.Resize(fyne.NewSize(560, 360))
	return p
}

// submit signs in with the token typed, off the Fyne thread; the dialog stays open
// with the reason until a token is accepted.
func (p *SignInPrompt) submit() {
	token := strings.TrimSpace(p.Token.Text)
	if token == "" {
		p.Message.SetText("Paste the token the practice manager gave you, then press Sign in.")
		return
	}
	if p.busy {
		return
	}
	p.busy = true
	p.Button.Disable()
	p.Message.SetText("Signing in…")
	spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		err := p.d.opts.SignIn(ctx, token)
		onUI(func() {
			p.busy = false
			p.Button.Enable()
			if err != nil {
				p.Message.SetText(inWords(err))
				return
			}
			p.Token.SetText("")
			p.Message.SetText("")
			p.Dialog.Hide()
			switch st := p.d.status; {
			case st.Session != p.d.sync.Session():
				// Until the new sync reports; once it has, its status stays.
				p.d.Status.SetText("Signed in again as " + p.d.opts.User + " · sending what waited…")
			case st.SignedOut:
				// The new sync reported, before this sign-in returned, that its token
				// was refused too: the dialog it kept current must stay open.
				p.d.showSignIn()
			}
		})
	})
}

// showSignIn opens the sign-in dialog again after Later (the status bar's button).
func (d *Desk) showSignIn() { d.askSignIn(d.status.Problem, d.status.Pending) }
