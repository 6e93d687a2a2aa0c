package facts

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

//go:generate go run ./internal/gennonperson -in ../../../../shared/ner-data -out nonperson.txt.gz

// nonperson.txt.gz lists multi-word places and organisations from openly
// licensed NER data (UNER English EWT and PUD, CC BY-SA; wikigold, CC BY),
// built by internal/gennonperson; see licenses/README.md.
//
//go:embed nonperson.txt.gz
var nonPersonGz []byte

// worldPlaces are countries, capitals, large cities and first-level
// regions whose names read like a person's ("Burkina Faso", "Costa Rica",
// "British Columbia"); hand-made from general knowledge, lower-cased.
const worldPlaces = `afghanistan;albania;algeria;andorra;angola;antigua and barbuda;argentina;armenia;
australia;austria;azerbaijan;bahamas;bahrain;bangladesh;barbados;belarus;belgium;belize;benin;
bhutan;bolivia;bosnia and herzegovina;botswana;brazil;brunei;bulgaria;burkina faso;burundi;
cabo verde;cape verde;cambodia;cameroon;canada;central african republic;chad;chile;china;
colombia;comoros;costa rica;cote d'ivoire;ivory coast;croatia;cuba;cyprus;czech republic;czechia;
democratic republic of congo;denmark;djibouti;dominica;dominican republic;east timor;timor-leste;
ecuador;egypt;el salvador;equatorial guinea;eritrea;estonia;eswatini;ethiopia;fiji;finland;
france;gabon;gambia;georgia;germany;ghana;greece;grenada;guatemala;guinea;guinea-bissau;guyana;
haiti;honduras;hungary;iceland;india;indonesia;iran;iraq;ireland;israel;italy;jamaica;japan;
jordan;kazakhstan;kenya;kiribati;kosovo;kuwait;kyrgyzstan;laos;latvia;lebanon;lesotho;liberia;
libya;liechtenstein;lithuania;luxembourg;madagascar;malawi;malaysia;maldives;mali;malta;
marshall islands;mauritania;mauritius;mexico;micronesia;moldova;monaco;mongolia;montenegro;
morocco;mozambique;myanmar;namibia;nauru;nepal;netherlands;new zealand;nicaragua;niger;nigeria;
north korea;north macedonia;norway;oman;pakistan;palau;palestine;panama;papua new guinea;
paraguay;peru;philippines;poland;portugal;qatar;romania;russia;rwanda;saint kitts and nevis;
saint lucia;samoa;san marino;sao tome and principe;saudi arabia;senegal;serbia;seychelles;
sierra leone;singapore;slovakia;slovenia;solomon islands;somalia;south africa;south korea;
south sudan;spain;sri lanka;sudan;suriname;sweden;switzerland;syria;taiwan;tajikistan;tanzania;
thailand;togo;tonga;trinidad and tobago;tunisia;turkey;turkmenistan;tuvalu;uganda;ukraine;
united arab emirates;united kingdom;united states;uruguay;uzbekistan;vanuatu;vatican city;
venezuela;vietnam;yemen;zambia;zimbabwe;
kabul;tirana;algiers;luanda;buenos aires;yerevan;canberra;baku;nassau;manama;dhaka;minsk;
porto-novo;thimphu;la paz;sucre;sarajevo;gaborone;brasilia;sofia;ouagadougou;bujumbura;
gitega;phnom penh;yaounde;ottawa;bangui;ndjamena;n'djamena;santiago;bogota;moroni;san jose;
zagreb;havana;nicosia;copenhagen;kinshasa;djibouti;roseau;santo domingo;quito;san salvador;
malabo;asmara;tallinn;addis ababa;suva;helsinki;libreville;banjul;tbilisi;accra;
guatemala city;conakry;bissau;georgetown;port-au-prince;tegucigalpa;reykjavik;
new delhi;baghdad;amman;astana;nairobi;tarawa;pristina;kuwait city;bishkek;vientiane;
riga;beirut;maseru;monrovia;tripoli;vaduz;vilnius;antananarivo;lilongwe;kuala lumpur;male;
bamako;valletta;majuro;nouakchott;port louis;mexico city;palikir;chisinau;ulan bator;
ulaanbaatar;podgorica;rabat;maputo;naypyidaw;windhoek;kathmandu;managua;niamey;abuja;
pyongyang;skopje;muscat;islamabad;panama city;port moresby;asuncion;lima;lisbon;doha;
bucharest;kigali;basseterre;castries;apia;dakar;belgrade;victoria;freetown;bratislava;
ljubljana;honiara;mogadishu;pretoria;cape town;bloemfontein;juba;colombo;khartoum;paramaribo;
damascus;dushanbe;dodoma;dar es salaam;lome;nuku'alofa;port of spain;tunis;ankara;ashgabat;
funafuti;kampala;abu dhabi;montevideo;tashkent;port vila;caracas;sanaa;lusaka;harare;
rio de janeiro;sao paulo;los angeles;san francisco;san diego;las vegas;new orleans;new york;
st. louis;salt lake city;kansas city;oklahoma city;tel aviv;hong kong;ho chi minh city;
st. petersburg;saint petersburg;frankfurt am main;
british columbia;alberta;saskatchewan;manitoba;ontario;quebec;nova scotia;new brunswick;
prince edward island;newfoundland and labrador;yukon;nunavut;northwest territories;
new south wales;queensland;western australia;south australia;tasmania;northern territory;
prince george;prince albert;prince rupert;st. john's;
west bengal;uttar pradesh;madhya pradesh;andhra pradesh;tamil nadu;kerala;punjab;
new mexico;new jersey;new hampshire;north carolina;south carolina;north dakota;south dakota;
west virginia;rhode island;puerto rico;
northern ireland;isle of man;channel islands;
gaza strip;west bank;golan heights;crimea;donbas;kashmir;tibet;xinjiang;siberia;
bavaria;catalonia;andalusia;lombardy;tuscany;sicily;sardinia;corsica;brittany;normandy`

// nonPersonNames is the set of names that are places or organisations.
var nonPersonNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(worldPlaces, ";") {
		if p = strings.TrimSpace(p); p != "" {
			m[p] = true
		}
	}
	zr, err := gzip.NewReader(bytes.NewReader(nonPersonGz))
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if l := sc.Text(); l != "" {
			m[l] = true
		}
	}
	return m
})

// isNonPerson reports whether a name's key (its parts lower-cased and
// joined by single spaces, see appendNameKey) is a known place or
// organisation.
func isNonPerson(key []byte) bool {
	return nonPersonNames()[string(key)]
}
