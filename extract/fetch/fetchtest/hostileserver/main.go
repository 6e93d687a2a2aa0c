// Command hostileserver serves the hostile endpoints of package fetchtest
// on a loopback port, for measuring the newsclean binary against them:
//
//	go run ./extract/fetch/fetchtest/hostileserver -addr 127.0.0.1:8765 &
//	/usr/bin/time -v newsclean fetch --allow-private http://127.0.0.1:8765/bomb
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"

	"github.com/newsclean/newsclean/extract/fetch/fetchtest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		fmt.Fprintln(os.Stderr, "hostileserver: listens on loopback addresses only")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostileserver:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "hostileserver: listening on http://%s\n", ln.Addr())
	if err := http.Serve(ln, fetchtest.Handler()); err != nil {
		fmt.Fprintln(os.Stderr, "hostileserver:", err)
		os.Exit(1)
	}
}
