// Package servecmd implements `newsclean serve`: a local web page and a
// small JSON API over the extract library.
//
// Rules for this package: every byte of page text reaches the browser through
// html/template (never as template.HTML); the page runs no script; every
// response carries the security headers of securityHeaders; URL fetching goes
// through the guarded client of newFetcher.
package servecmd

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliflags"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// Options are the flag values and streams of one serve run.
type Options struct {
	Streams      *cliutil.Streams
	Addr         string
	AllowRemote  bool
	AllowPrivate bool
	MaxBytes     int64
	Timeout      time.Duration
	// onListen, when set, is called with the bound address once the server
	// listens (tests use it with port 0).
	onListen func(addr string)
}

// DefaultAddr is the address serve binds when --addr is not given.
const DefaultAddr = "127.0.0.1:8080"

// NewCmd returns the serve command.
func NewCmd(streams *cliutil.Streams) *cobra.Command {
	return newCmd(streams, nil)
}

// newCmd returns the serve command. runF, when not nil, replaces the run
// function (tests capture the parsed options with it).
func newCmd(streams *cliutil.Streams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{Streams: streams}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve a local web page and JSON API for extracting articles",
		Long: `Serve runs a web page on this machine where you paste a URL, paste a page's
HTML or text, or upload a saved page, and read the clean article with its
facts (dateline, people, quotes) and the list of what was removed and why.
Results download as Markdown or JSON.

The same extraction answers POST /api/extract (text/html, text/plain, or
JSON {"url": ...} or {"html": ..., "url": ...}) with the JSON that
"newsclean extract --format json" prints; errors are JSON too,
{"error": ..., "kind": ...}. GET /healthz answers {"status":"ok"}.

The server listens on the loopback address only, unless --allow-remote is
given. It refuses to fetch loopback and private network addresses unless
--allow-private is given. Stop it with Ctrl-C.`,
		Example: `  newsclean serve
  newsclean serve --addr 127.0.0.1:9000
  curl -s --data-binary @page.html -H 'Content-Type: text/html' \
    http://127.0.0.1:8080/api/extract | jq .title`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return cliutil.Usagef("serve takes no arguments, got %q", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Timeout <= 0 {
				return cliutil.Usagef("--timeout must be positive")
			}
			loopback, err := isLoopbackAddr(opts.Addr)
			if err != nil {
				return cliutil.Usagef("bad --addr %q: %v", opts.Addr, err)
			}
			if !loopback && !opts.AllowRemote {
				return cliutil.Usagef("--addr %s is not a loopback address: other machines could use this server; add --allow-remote to serve it anyway", opts.Addr)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", DefaultAddr, "`HOST:PORT` to listen on")
	f.BoolVar(&opts.AllowRemote, "allow-remote", false, "allow a --addr that other machines can reach")
	f.BoolVar(&opts.AllowPrivate, "allow-private", false, "allow fetching loopback and private network URLs")
	cliflags.MaxBytes(f, &opts.MaxBytes)
	f.DurationVar(&opts.Timeout, "timeout", 30*time.Second, "time allowed for one request (fetch and extraction)")
	return cmd
}

// isLoopbackAddr reports whether the host of addr is a loopback address or
// "localhost". An empty host means every interface, which is not loopback.
func isLoopbackAddr(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	return isLoopbackHost(host), nil
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Run serves until ctx is cancelled, then shuts down gracefully: it stops
// accepting, lets requests in flight finish for up to shutdownGrace, then
// closes what is left and returns nil.
func Run(ctx context.Context, opts *Options) error {
	errw := opts.Streams.Err
	loopback, _ := isLoopbackAddr(opts.Addr)
	h := NewHandler(Config{
		MaxBytes:     opts.MaxBytes,
		Timeout:      opts.Timeout,
		AllowPrivate: opts.AllowPrivate,
		AnyHost:      !loopback,
		Logger:       slog.New(slog.NewTextHandler(errw, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", opts.Addr, err)
	}
	addr := ln.Addr().String()
	if !loopback {
		fmt.Fprintf(errw, "newsclean: warning: %s is reachable from other machines; anyone who can reach it can read pages through this machine\n", addr)
	}
	if opts.AllowPrivate {
		fmt.Fprintf(errw, "newsclean: warning: --allow-private: the server will fetch loopback and private network addresses\n")
	}
	fmt.Fprintf(errw, "newsclean: serving on http://%s/ (Ctrl-C to stop)\n", addr)
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: headerTimeout,
		ReadTimeout:       opts.Timeout + bodyGrace,
		WriteTimeout:      opts.Timeout + bodyGrace,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(slog.NewTextHandler(errw, nil).WithAttrs([]slog.Attr{slog.String("src", "http")}), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if opts.onListen != nil {
		opts.onListen(addr)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(errw, "newsclean: shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// Clients still sending (or reading) slowly after the grace
		// period are cut off: they cannot hold the process.
		srv.Close()
		fmt.Fprintf(errw, "newsclean: connections still open after %s were closed\n", shutdownGrace)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

// Server time limits, documented in README.md ("Timeouts and shutdown").
const (
	// headerTimeout bounds reading a request's headers: a client
	// trickling them is dropped.
	headerTimeout = 10 * time.Second
	// bodyGrace is added to --timeout to bound reading a whole request
	// (headers and body) and writing its answer.
	bodyGrace = 30 * time.Second
	// idleTimeout closes a kept-alive connection with no request.
	idleTimeout = 2 * time.Minute
	// maxHeaderBytes caps a request's headers.
	maxHeaderBytes = 64 << 10
	// shutdownGrace is how long requests in flight may take to finish
	// after SIGTERM, SIGHUP or Ctrl-C.
	shutdownGrace = 5 * time.Second
)
