package cliutil

import (
	"errors"
	"fmt"
	"testing"

	"github.com/newsclean/newsclean/extract/fetch"
)

func TestMessageHint(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&fetch.Error{URL: "u", Err: fetch.ErrPrivateAddress}, "u: refusing non-public address (see --allow-private)"},
		{&fetch.Error{URL: "u", Err: fetch.ErrTooLarge}, "u: " + fetch.ErrTooLarge.Error() + " (see --max-bytes)"},
		{&fetch.Error{URL: "u", Err: errors.Join(fetch.ErrTimeout, errors.New("connecting to x"))}, "u: timed out\nconnecting to x (see --connect-timeout)"},
		{&fetch.Error{URL: "u", Err: fetch.ErrTimeout}, "u: timed out (see --timeout)"},
		{&fetch.Error{URL: "u", Err: fmt.Errorf("%w: redirect loop back to u", fetch.ErrTooManyRedirects)}, ""},
		{&fetch.Error{URL: "u", Err: fmt.Errorf("%w: more than 3", fetch.ErrTooManyRedirects)}, "u: " + fetch.ErrTooManyRedirects.Error() + ": more than 3 (see --max-redirects)"},
		{&fetch.Error{URL: "u", Err: &fetch.StatusError{Code: 404}}, "u: HTTP status 404 Not Found"},
		// A hint already given is not repeated.
		{&fetch.Error{URL: "u", Err: errors.Join(fetch.ErrPrivateAddress, errors.New("use --allow-private"))}, "u: refusing non-public address use --allow-private"},
	} {
		want := tt.want
		if want == "" {
			want = OneLine(tt.err.Error())
		} else {
			want = OneLine(want)
		}
		if got := Message(tt.err); got != want {
			t.Errorf("Message(%q) = %q, want %q", tt.err, got, want)
		}
	}
}

func TestMessageWithFlags(t *testing.T) {
	onlyTimeout := func(flag string) bool { return flag == "--timeout" }
	err := &fetch.Error{URL: "u", Err: errors.Join(fetch.ErrTimeout, errors.New("connecting to x"))}
	if got, want := MessageWithFlags(err, onlyTimeout), OneLine(err.Error()); got != want {
		t.Errorf("hint for a flag the command lacks: %q, want %q", got, want)
	}
	err = &fetch.Error{URL: "u", Err: fetch.ErrTimeout}
	if got, want := MessageWithFlags(err, onlyTimeout), "u: timed out (see --timeout)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSourceErrorNamesSourceOnce(t *testing.T) {
	for _, tt := range []struct {
		err  *SourceError
		want string
	}{
		{&SourceError{Source: "http://x/a", Err: &fetch.Error{URL: "http://x/a", Err: fetch.ErrPrivateAddress}}, "http://x/a: refusing non-public address"},
		{&SourceError{Source: "http://x/a", Err: &fetch.Error{URL: "http://x/b", Err: fetch.ErrPrivateAddress}}, "http://x/a: http://x/b: refusing non-public address"},
		{&SourceError{Source: "page.html", Err: errors.New("no article found")}, "page.html: no article found"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
