package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		want    literalSets
	}{
		{"words after anything", `(?i)[^.]{1,80} via getty images$`, literalSets{{" via getty image"}}},
		// The long s matches s: "us" is no literal.
		{"alternatives and a literal", `(?i).{0,80}(follow|join) us on (twitter|facebook)`, literalSets{{"twitter", "facebook"}, {"follow", "join"}, {" on "}}},
		{"short alternative", `(?i).*(x|twitter) feed`, literalSets{{" feed"}}},
		{"optional words", `.*(see more)? here`, literalSets{{" here"}}},
		{"repeat at least once", `.*(abc){2,3}`, literalSets{{"abc"}}},
		{"case kept", `.*Getty`, literalSets{{"getty"}}},
		{"nothing required", `.*\d+`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re, err := syntax.Parse(tt.pattern, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, requiredLiterals(re)); diff != "" {
				t.Errorf("requiredLiterals(%q) (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

// TestRequiredLiteralsFold checks the case variants a folding pattern
// matches: the Kelvin sign lower-cases to k, the long s stays as it is.
func TestRequiredLiteralsFold(t *testing.T) {
	for _, tt := range []struct{ pattern, text string }{
		{`(?i).*like us`, "Please LI\u212aE US"},
		{`(?i).*subscribe now`, "Please \u017fubscribe now"},
		{`(?i).*subscribe now`, "PLEASE SUBSCRIBE NOW"},
	} {
		re := regexp.MustCompile(tt.pattern)
		tree, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if !re.MatchString(tt.text) {
			t.Fatalf("%q does not match %q", tt.pattern, tt.text)
		}
		if lits := requiredLiterals(tree); !lits.holds(fold(tt.text)) {
			t.Errorf("%q matches %q, but its literals %q are not all there", tt.pattern, tt.text, lits)
		}
	}
}

// TestBranchLiteralsHold checks every screened branch on the samples: a
// branch that matches a text holds its literals there.
func TestBranchLiteralsHold(t *testing.T) {
	screen := boilerplateScreen()
	branches := append([]*phraseBranch{}, screen.other...)
	for _, es := range screen.ascii {
		for _, e := range es {
			branches = append(branches, e.b)
		}
	}
	for _, s := range screenSamples {
		for _, v := range []string{s, strings.ToUpper(s), "x " + s + " via Getty Images", "Like us on Facebook"} {
			for _, b := range branches {
				if b.re().MatchString(v) && !b.lits.holds(fold(v)) {
					t.Errorf("branch %q matches %q but its literals %q are not all there", b.re(), v, b.lits)
				}
			}
		}
	}
}
