package fetchcmd

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract/fetch"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want fetch.Options
		err  string
	}{
		{
			name: "defaults",
			args: []string{"http://example.com/"},
			want: fetch.Options{
				ConnectTimeout: 10 * time.Second, HeaderTimeout: 15 * time.Second, IdleTimeout: 10 * time.Second,
				Timeout: 30 * time.Second, MaxBytes: 20 << 20, MaxRedirects: 10, UserAgent: fetch.DefaultUserAgent,
				Retries: 2, PerHost: 2,
			},
		},
		{
			name: "set",
			args: []string{"--connect-timeout", "2s", "--header-timeout", "3s", "--idle-timeout", "4s", "--timeout", "1m",
				"--max-bytes", "5MiB", "--max-redirects", "3", "--allow-private", "--user-agent", "Desk/1.0",
				"--header", "Cookie: a=b", "--header", "X-Token:  t0k ", "--retries", "5", "--per-host", "1",
				"--host-delay", "250ms", "--respect-robots", "https://example.com/"},
			want: fetch.Options{
				ConnectTimeout: 2 * time.Second, HeaderTimeout: 3 * time.Second, IdleTimeout: 4 * time.Second,
				Timeout: time.Minute, MaxBytes: 5 << 20, MaxRedirects: 3, AllowPrivate: true, UserAgent: "Desk/1.0",
				Header: http.Header{"Cookie": {"a=b"}, "X-Token": {"t0k"}}, Retries: 5, PerHost: 1,
				HostDelay: 250 * time.Millisecond, RespectRobots: true,
			},
		},
		{
			name: "zero turns limits off",
			args: []string{"--timeout", "0", "--idle-timeout", "0s", "--max-bytes", "0", "--max-redirects", "0", "--retries", "0", "--per-host", "0", "http://example.com/"},
			want: fetch.Options{
				ConnectTimeout: 10 * time.Second, HeaderTimeout: 15 * time.Second, IdleTimeout: -1,
				Timeout: -1, MaxBytes: -1, MaxRedirects: -1, UserAgent: fetch.DefaultUserAgent,
				Retries: -1, PerHost: -1,
			},
		},
		{name: "bad header", args: []string{"--header", "no colon", "http://example.com/"}, err: `want "Name: value"`},
		{name: "bad size", args: []string{"--max-bytes", "lots", "http://example.com/"}, err: "bad size"},
		{name: "negative count", args: []string{"--retries", "-2", "http://example.com/"}, err: "negative value"},
		{name: "not a URL", args: []string{"story.html"}, err: "fetch needs an http or https URL"},
		{name: "no URL", args: nil, err: "fetch needs one URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Options
			cmd := newCmd(&cliutil.Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, func(_ context.Context, o *Options) error {
				got = o
				return nil
			})
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tt.err != "" {
				if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.err)) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got.Fetch); d != "" {
				t.Errorf("options (-want +got):\n%s", d)
			}
		})
	}
}
