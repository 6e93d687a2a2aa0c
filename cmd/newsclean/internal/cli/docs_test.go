package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompletion checks each shell's completion script, that bash accepts
// the bash script, and that completion itself offers commands and flags.
func TestCompletion(t *testing.T) {
	tests := []struct {
		shell string
		has   []string
	}{
		{"bash", []string{"# bash completion V2 for newsclean", "complete -o default -F __start_newsclean newsclean"}},
		{"zsh", []string{"#compdef newsclean", "compdef _newsclean newsclean"}},
		{"fish", []string{"complete -c newsclean"}},
		{"powershell", []string{"Register-ArgumentCompleter -CommandName 'newsclean'"}},
	}
	for _, tt := range tests {
		t.Run(tt.shell, func(t *testing.T) {
			r := run(t, "", "completion", tt.shell)
			if r.code != 0 || r.err != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.err)
			}
			for _, s := range tt.has {
				if !strings.Contains(r.out, s) {
					t.Errorf("script lacks %q", s)
				}
			}
			if tt.shell != "bash" {
				return
			}
			bash, err := exec.LookPath("bash")
			if err != nil {
				t.Skip("bash not installed")
			}
			cmd := exec.Command(bash, "-n")
			cmd.Stdin = strings.NewReader(r.out)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("bash -n: %v\n%s", err, out)
			}
		})
	}

	// What the scripts call back: `newsclean __complete ARGS...`.
	r := run(t, "", "__complete", "")
	for _, c := range []string{"extract", "batch", "fetch", "serve", "completion", "man"} {
		if !strings.Contains(r.out, "\n"+c+"\t") && !strings.HasPrefix(r.out, c+"\t") {
			t.Errorf("__complete '' lacks command %q:\n%s", c, r.out)
		}
	}
	r = run(t, "", "__complete", "extract", "--for")
	if !strings.Contains(r.out, "--format\t") {
		t.Errorf("__complete extract --for lacks --format:\n%s", r.out)
	}
}

// TestManPages checks `newsclean man` on stdout and into a directory: a
// page per command, each a man page made from the command's help.
func TestManPages(t *testing.T) {
	r := run(t, "", "man")
	if r.code != 0 || !strings.HasPrefix(r.out, `.nh`+"\n"+`.TH "NEWSCLEAN" "1"`) || !strings.Contains(r.out, "newsclean-extract(1)") {
		t.Fatalf("exit %d, stderr %q, page %q", r.code, r.err, shorten(r.out))
	}

	dir := t.TempDir()
	r = run(t, "", "man", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{
		"newsclean-batch.1", "newsclean-completion-bash.1", "newsclean-completion-fish.1",
		"newsclean-completion-powershell.1", "newsclean-completion-zsh.1", "newsclean-completion.1",
		"newsclean-extract.1", "newsclean-fetch.1", "newsclean-man.1", "newsclean-serve.1", "newsclean.1",
	}
	if d := cmp.Diff(want, names); d != "" {
		t.Errorf("pages (-want +got):\n%s", d)
	}
	listed := strings.Fields(r.out)
	slices.Sort(listed)
	for i := range want {
		want[i] = filepath.Join(dir, want[i])
	}
	if d := cmp.Diff(want, listed); d != "" {
		t.Errorf("files listed on stdout (-want +got):\n%s", d)
	}
	page, err := os.ReadFile(filepath.Join(dir, "newsclean-extract.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`.TH "NEWSCLEAN-EXTRACT" "1"`, `\fB-f\fP, \fB--format\fP`, "Extract reads one page"} {
		if !strings.Contains(string(page), s) {
			t.Errorf("newsclean-extract.1 lacks %q", s)
		}
	}

	// Into a directory that does not exist: one line naming the page.
	r = run(t, "", "man", filepath.Join(dir, "missing"))
	if r.code != 1 || !strings.Contains(r.err, filepath.Join(dir, "missing")) || strings.Contains(r.err, ".tmp") {
		t.Errorf("exit %d, stderr %q", r.code, r.err)
	}
}

// TestVersionFlag checks that --version prints one line with the version.
func TestVersionFlag(t *testing.T) {
	r := run(t, "", "--version")
	want := "newsclean " + currentBuild().String() + "\n"
	if r.code != 0 || r.out != want {
		t.Errorf("exit %d, stdout %q, want %q", r.code, r.out, want)
	}
}

func TestBuildInfo(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name                    string
		ldVersion, ldCommit, ld string
		bi                      *debug.BuildInfo
		want                    BuildInfo
		line                    string
	}{
		{
			name:      "release build: ldflags win",
			ldVersion: "v1.2.0", ldCommit: "0123456789abcdef0123456789abcdef01234567", ld: "2026-11-30T10:00:00Z",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: BuildInfo{Version: "v1.2.0", Commit: "0123456789ab", Date: "2026-11-30T10:00:00Z"},
			line: "v1.2.0 (commit 0123456789ab, built 2026-11-30T10:00:00Z)",
		},
		{
			name: "go install module@v1.2.0",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}},
			want: BuildInfo{Version: "v1.2.0"},
			line: "v1.2.0",
		},
		{
			name: "go install module@commit: pseudo-version",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261130104512-abcdef012345"}},
			want: BuildInfo{Version: "v0.0.0-20261130104512-abcdef012345", Commit: "abcdef012345", Date: "2026-11-30T10:45:12Z"},
			line: "v0.0.0-20261130104512-abcdef012345 (commit abcdef012345, built 2026-11-30T10:45:12Z)",
		},
		{
			name: "pseudo-version after a tag",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v1.2.1-0.20261130104512-abcdef012345"}},
			want: BuildInfo{Version: "v1.2.1-0.20261130104512-abcdef012345", Commit: "abcdef012345", Date: "2026-11-30T10:45:12Z"},
		},
		{
			name: "go build in a modified checkout",
			bi: &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261130104512-abcdef012345+dirty"},
				Settings: vcs("vcs", "git", "vcs.revision", "abcdef0123456789abcdef0123456789abcdef01", "vcs.time", "2026-11-30T10:45:12Z", "vcs.modified", "true")},
			want: BuildInfo{Version: "v0.0.0-20261130104512-abcdef012345+dirty", Commit: "abcdef012345", Date: "2026-11-30T10:45:12Z", Dirty: true},
			line: "v0.0.0-20261130104512-abcdef012345+dirty (commit abcdef012345-dirty, built 2026-11-30T10:45:12Z)",
		},
		{
			name: "go build without VCS information",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: BuildInfo{Version: "dev"},
			line: "dev",
		},
		{
			name: "no build information",
			want: BuildInfo{Version: "dev"},
			line: "dev",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := buildInfo(tt.ldVersion, tt.ldCommit, tt.ld, tt.bi)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			if tt.line != "" && got.String() != tt.line {
				t.Errorf("String() = %q, want %q", got.String(), tt.line)
			}
		})
	}
}
