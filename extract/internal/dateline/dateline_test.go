package dateline

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var published = time.Date(2019, 11, 20, 12, 0, 0, 0, time.UTC)

// common stands in for the word list: a few ordinary words.
func common(w string) bool {
	switch w {
	case "update", "breaking", "news", "meanwhile", "the", "opinion", "watch", "dear", "new":
		return true
	}
	return false
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *Dateline
	}{
		{"dash", "PARIS — Amid concerns about threats, the two countries agreed.", &Dateline{Place: "PARIS", Raw: "PARIS —"}},
		{"agency", "WASHINGTON (Reuters) - The Senate voted on Friday.", &Dateline{Place: "WASHINGTON", Agency: "Reuters", Raw: "WASHINGTON (Reuters) -"}},
		{"state and agency", "SPRINGFIELD, Ill. (AP) — Lawmakers left the Capitol.", &Dateline{Place: "SPRINGFIELD, Ill.", Agency: "AP", Raw: "SPRINGFIELD, Ill. (AP) —"}},
		{"date and agency", "SINGAPORE, July 14 (AFP) - Singapore said on Sunday.", &Dateline{Place: "SINGAPORE", Date: "2019-07-14", Agency: "AFP", Raw: "SINGAPORE, July 14 (AFP) -"}},
		{"day month colon", "LONDON, 3 March: The government said.", &Dateline{Place: "LONDON", Date: "2019-03-03", Raw: "LONDON, 3 March:"}},
		{"two places", "KYIV/MOSCOW, Nov 2 (Reuters) - Ukraine and Russia traded accusations.", &Dateline{Place: "KYIV/MOSCOW", Date: "2019-11-02", Agency: "Reuters", Raw: "KYIV/MOSCOW, Nov 2 (Reuters) -"}},
		{"title case en dash", "Indianapolis – Several thousand teachers rallied.", &Dateline{Place: "Indianapolis", Raw: "Indianapolis –"}},
		{"abbreviated month", "BEIJING, Dec. 30 (Xinhua) -- China said.", &Dateline{Place: "BEIJING", Date: "2018-12-30", Agency: "Xinhua", Raw: "BEIJING, Dec. 30 (Xinhua) --"}},
		{"multi-word state", "DUBAI, United Arab Emirates — The airline said.", &Dateline{Place: "DUBAI, United Arab Emirates", Raw: "DUBAI, United Arab Emirates —"}},
		{"caps two words colon", "NEW DELHI: The court ruled on Monday.", &Dateline{Place: "NEW DELHI", Raw: "NEW DELHI:"}},
		{"explicit year", "GENEVA, June 12, 2018 (AFP) - Voters decided.", &Dateline{Place: "GENEVA", Date: "2018-06-12", Agency: "AFP", Raw: "GENEVA, June 12, 2018 (AFP) -"}},
		{"slash title case lower-case agency", "Frankfurt/Main (dpa) - Seit Montag ist die Strecke gesperrt.", &Dateline{Place: "Frankfurt/Main", Agency: "dpa", Raw: "Frankfurt/Main (dpa) -"}},
		{"dash touching a capital", "MOUNTAIN VIEW, Calif.—Behind a loading dock, workers waited.", &Dateline{Place: "MOUNTAIN VIEW, Calif.", Raw: "MOUNTAIN VIEW, Calif.—"}},
		{"spanish wire", "Barcelona, 1 feb (EFE).- El Gobierno anunció el plan.", &Dateline{Place: "Barcelona", Date: "2019-02-01", Agency: "EFE", Raw: "Barcelona, 1 feb (EFE).-"}},
		{"agency without place", "(Reuters) — The world's largest shipping lines plan to raise rates.", &Dateline{Agency: "Reuters", Raw: "(Reuters) —"}},
		{"agency touching the story", "Hong Kong (CNN Business)A muddled message sent the currency lower.", &Dateline{Place: "Hong Kong", Agency: "CNN Business", Raw: "Hong Kong (CNN Business)"}},
		{"washington cnn", "Washington (CNN) — The secretary told lawmakers on Wednesday.", &Dateline{Place: "Washington", Agency: "CNN", Raw: "Washington (CNN) —"}},
		{"portuguese label", "ATENÇÃO: Este conteúdo foi atualizado.", nil},
		{"german heading word", "Verhaltenstipps- Was tun bei Hitze?", nil},
		{"english label", "EXCLUSIVE: Residents of a seaside town have been told.", nil},
		{"agency without separator or story", "(Reuters)", nil},
		{"dash touching lower case", "PARIS—the talks went on.", nil},
		{"title case touching dash", "Biden—The former vice president spoke.", nil},
		{"no dateline", "Three people have died during protests in Bolivia.", nil},
		{"sentence with dash", "The minister — who spoke on Friday — said no.", nil},
		{"label", "UPDATE: The road has reopened.", nil},
		{"salutation", "DEAR ABBY: My husband and I disagree.", nil},
		{"title case colon", "Summary: The company reported results.", nil},
		{"lower-case after title case", "Meanwhile — the rest of the country waited.", nil},
		{"empty rest", "PARIS —", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Parse(tt.in, published, common)
			var got *Dateline
			if ok {
				got = &d
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestResolveDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"July 14", "2019-07-14"},
		{"Nov 2", "2019-11-02"},
		{"Nov 25", "2019-11-25"}, // a few days ahead: same year
		{"Dec 30", "2018-12-30"}, // well after publication: last year
		{"3 March", "2019-03-03"},
		{"Feb 30", "Feb 30"},
		{"Tuesday", "Tuesday"},
	}
	for _, tt := range tests {
		if got := resolveDate(tt.in, published); got != tt.want {
			t.Errorf("resolveDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := resolveDate("July 14", time.Time{}); got != "July 14" {
		t.Errorf("resolveDate without a year = %q, want as written", got)
	}
}

func FuzzDateline(f *testing.F) {
	for _, s := range []string{
		"PARIS — text", "SPRINGFIELD, Ill. (AP) — x", "KYIV/MOSCOW, Nov 2 (Reuters) - y",
		"LONDON, 3 March: z", "Indianapolis – a b", "GENEVA, June 12, 2018 (AFP) - v", "(", "A, 1", "É — é", "(Reuters) — The x", "Hong Kong (CNN Business)A y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, ok := Parse(in, published, common)
		if !ok {
			return
		}
		if !strings.Contains(in, d.Place) || !strings.Contains(in, d.Raw) || !strings.Contains(in, d.Agency) {
			t.Fatalf("Parse(%q) = %+v: a field is not a substring of the input", in, d)
		}
		if d.Place == "" && d.Agency == "" || d.Raw == "" {
			t.Fatalf("Parse(%q) = %+v: neither place nor agency, or empty raw", in, d)
		}
		if utf8.ValidString(in) && (!utf8.ValidString(d.Place) || !utf8.ValidString(d.Raw)) {
			t.Fatalf("Parse(%q) = %+v: invalid UTF-8", in, d)
		}
	})
}

func TestWordLookupsFoldCase(t *testing.T) {
	for _, c := range []struct {
		place string
		label bool
	}{
		{"ATENÇÃO", true}, {"ÚLTIMA HORA", true}, {"WATCH/LIVE", true}, {"Eilmeldung", true},
		{"PARIS", false}, {"SAN JOSÉ", false}, {"LIVE-UPDATES", true}, {"", false},
	} {
		if got := label(c.place); got != c.label {
			t.Errorf("label(%q) = %v, want %v", c.place, got, c.label)
		}
	}
	for w, want := range map[string]int{"JULY": 7, "Nov.": 11, "DÉCEMBRE": 12, "MÄRZ": 3, "Julyy": 0, "SEPTEMBERSEPTEMBER": 0} {
		if got := monthNum(w); got != want {
			t.Errorf("monthNum(%q) = %d, want %d", w, got, want)
		}
	}
	if !weekday("TUESDAY") || weekday("TUESDAYS") {
		t.Error(`weekday: "TUESDAY" is a weekday, "TUESDAYS" is not`)
	}
}
