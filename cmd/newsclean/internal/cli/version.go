package cli

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
)

// Build information, set by the release build with
//
//	-ldflags "-X github.com/newsclean/newsclean/cmd/newsclean/internal/cli.version=v1.2.3
//	          -X github.com/newsclean/newsclean/cmd/newsclean/internal/cli.commit=abc1234
//	          -X github.com/newsclean/newsclean/cmd/newsclean/internal/cli.date=2026-01-02T03:04:05Z"
//
// Empty values are filled from the Go build information (see buildInfo).
var version, commit, date string

// BuildInfo says which newsclean this is.
type BuildInfo struct {
	Version string // a module version such as v1.2.3, or "dev"
	Commit  string // the VCS revision, or ""
	Date    string // the commit or build time, RFC 3339, or ""
	Dirty   bool   // built from a checkout with uncommitted changes
}

// String renders the --version line after the program name.
func (b BuildInfo) String() string {
	var extra []string
	if b.Commit != "" {
		c := b.Commit
		if b.Dirty {
			c += "-dirty"
		}
		extra = append(extra, "commit "+c)
	}
	if b.Date != "" {
		extra = append(extra, "built "+b.Date)
	}
	if len(extra) == 0 {
		return b.Version
	}
	return fmt.Sprintf("%s (%s)", b.Version, strings.Join(extra, ", "))
}

// currentBuild returns the build information of the running binary.
func currentBuild() BuildInfo {
	bi, _ := debug.ReadBuildInfo()
	return buildInfo(version, commit, date, bi)
}

// pseudoVersion matches the tail of a Go pseudo-version,
// "...-20260102030405-abcdef123456", which names the commit.
// It is compiled on first use, not at start-up.
var pseudoVersion = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[-.](\d{14})-([0-9a-f]{12})(\+dirty)?$`)
})

// buildInfo combines the values set with -ldflags (preferred) with what
// the Go toolchain recorded in the binary: the module version of a
// `go install module@version` build, and the vcs.* settings of a build in a
// git checkout.
func buildInfo(ldVersion, ldCommit, ldDate string, bi *debug.BuildInfo) BuildInfo {
	b := BuildInfo{Version: ldVersion, Commit: ldCommit, Date: ldDate}
	if bi != nil {
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		var revision, vcsTime string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				vcsTime = s.Value
			case "vcs.modified":
				if ldCommit == "" {
					b.Dirty = s.Value == "true"
				}
			}
		}
		if m := pseudoVersion().FindStringSubmatch(bi.Main.Version); m != nil && revision == "" {
			revision = m[2]
			if vcsTime == "" {
				vcsTime = pseudoTime(m[1])
			}
		}
		if b.Commit == "" {
			b.Commit = revision
		}
		if b.Date == "" {
			b.Date = vcsTime
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	if len(b.Commit) > 12 {
		b.Commit = b.Commit[:12]
	}
	return b
}

// pseudoTime turns a pseudo-version's yyyymmddhhmmss (UTC) into RFC 3339.
func pseudoTime(s string) string {
	return fmt.Sprintf("%s-%s-%sT%s:%s:%sZ", s[0:4], s[4:6], s[6:8], s[8:10], s[10:12], s[12:14])
}
