package htmlinput

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// SVG content: the builder follows an <svg> of SVG elements, the markup of
// icons and drawings. It leaves to html.Parse an element that leaves SVG
// (<p>, <div>, <b>...), a start tag in an HTML integration point (<title>,
// <desc>; any <foreignObject>), a CDATA section, and an end tag without an
// open element of its name.

// inForeign reports whether the current token is processed by the rules
// for foreign content.
func (b *builder) inForeign() bool {
	if len(b.oe) == 0 || b.tok.tt == html.ErrorToken {
		return false
	}
	t := b.top()
	if t.Namespace == "" {
		return false
	}
	// In an SVG <title> or <desc>, text goes by HTML rules.
	return !(b.tok.tt == html.TextToken && svgTextPoint(t))
}

// svgTextPoint reports the SVG elements whose text is read by HTML rules
// (HTML integration points) that the builder follows.
func svgTextPoint(n *html.Node) bool {
	return n.Namespace == "svg" && (n.DataAtom == atom.Title || n.DataAtom == atom.Desc)
}

func (b *builder) foreign() bool {
	switch b.tok.tt {
	case html.TextToken:
		b.addText(b.tok.data)
	case html.CommentToken:
		if strings.HasPrefix(b.tok.raw, "<!") && !strings.HasPrefix(b.tok.raw, "<!--") {
			return b.fail() // maybe "<![CDATA[", text in SVG
		}
		b.addComment(b.top())
	case html.StartTagToken:
		// In <title> and <desc> start tags go by HTML rules, which the
		// builder does not follow there.
		if svgTextPoint(b.top()) || !svgElement(b.tok.a) || b.tok.name == "foreignobject" {
			return b.fail()
		}
		if adj := svgTagName(b.tok.name); adj != "" {
			b.tok.name = adj
			b.tok.a = atom.Lookup([]byte(adj))
		}
		adjustSVGAttributes(b.tok.attr)
		n := b.addElement()
		n.Namespace = "svg"
		b.foreignStart = true
		if b.tok.selfClosing {
			b.pop()
		}
	case html.EndTagToken:
		for i := len(b.oe) - 1; i >= 0; i-- {
			if strings.EqualFold(b.oe[i].Data, b.tok.name) {
				b.oe = b.oe[:i]
				return true
			}
			if i > 0 && b.oe[i-1].Namespace == "" {
				break
			}
		}
		return b.fail()
	}
	return true
}

// svgElement reports whether a start tag a in SVG content opens an SVG
// element the builder follows: not one that leaves SVG (<p>, <div>, <b>;
// <font> too with some attributes, which the builder does not check),
// not <foreignObject>, whose content is HTML, not <math>, and not
// <noscript>, which the quick scanner would read as raw text.
func svgElement(a atom.Atom) bool {
	switch a {
	case atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center, atom.Code, atom.Dd,
		atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing, atom.Menu,
		atom.Meta, atom.Nobr, atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S, atom.Small,
		atom.Span, atom.Strong, atom.Strike, atom.Sub, atom.Sup, atom.Table, atom.Tt, atom.U,
		atom.Ul, atom.Var, atom.Font, atom.Math, atom.Noscript:
		return false
	}
	return true
}

// svgTagName returns the SVG spelling of a lower-case tag name of the
// shapes followed, or "" when it is the same.
func svgTagName(name string) string {
	switch name {
	case "lineargradient":
		return "linearGradient"
	case "radialgradient":
		return "radialGradient"
	case "clippath":
		return "clipPath"
	case "animatetransform":
		return "animateTransform"
	case "animatemotion":
		return "animateMotion"
	case "animatecolor":
		return "animateColor"
	case "altglyph":
		return "altGlyph"
	case "altglyphdef":
		return "altGlyphDef"
	case "altglyphitem":
		return "altGlyphItem"
	case "glyphref":
		return "glyphRef"
	case "textpath":
		return "textPath"
	}
	if strings.HasPrefix(name, "fe") {
		return feNames[name]
	}
	return ""
}

// feNames spells the SVG filter primitives.
var feNames = map[string]string{
	"feblend": "feBlend", "fecolormatrix": "feColorMatrix",
	"fecomponenttransfer": "feComponentTransfer", "fecomposite": "feComposite",
	"feconvolvematrix": "feConvolveMatrix", "fediffuselighting": "feDiffuseLighting",
	"fedisplacementmap": "feDisplacementMap", "fedistantlight": "feDistantLight",
	"feflood": "feFlood", "fefunca": "feFuncA", "fefuncb": "feFuncB", "fefuncg": "feFuncG",
	"fefuncr": "feFuncR", "fegaussianblur": "feGaussianBlur", "feimage": "feImage",
	"femerge": "feMerge", "femergenode": "feMergeNode", "femorphology": "feMorphology",
	"feoffset": "feOffset", "fepointlight": "fePointLight",
	"fespecularlighting": "feSpecularLighting", "fespotlight": "feSpotLight",
	"fetile": "feTile", "feturbulence": "feTurbulence",
}

// svgAttrNames spells SVG attributes whose names have capitals.
var svgAttrNames = map[string]string{
	"attributename": "attributeName", "attributetype": "attributeType",
	"basefrequency": "baseFrequency", "baseprofile": "baseProfile", "calcmode": "calcMode",
	"clippathunits": "clipPathUnits", "diffuseconstant": "diffuseConstant",
	"edgemode": "edgeMode", "filterunits": "filterUnits", "glyphref": "glyphRef",
	"gradienttransform": "gradientTransform", "gradientunits": "gradientUnits",
	"kernelmatrix": "kernelMatrix", "kernelunitlength": "kernelUnitLength",
	"keypoints": "keyPoints", "keysplines": "keySplines", "keytimes": "keyTimes",
	"lengthadjust": "lengthAdjust", "limitingconeangle": "limitingConeAngle",
	"markerheight": "markerHeight", "markerunits": "markerUnits",
	"markerwidth": "markerWidth", "maskcontentunits": "maskContentUnits",
	"maskunits": "maskUnits", "numoctaves": "numOctaves", "pathlength": "pathLength",
	"patterncontentunits": "patternContentUnits", "patterntransform": "patternTransform",
	"patternunits": "patternUnits", "pointsatx": "pointsAtX", "pointsaty": "pointsAtY",
	"pointsatz": "pointsAtZ", "preservealpha": "preserveAlpha",
	"preserveaspectratio": "preserveAspectRatio", "primitiveunits": "primitiveUnits",
	"refx": "refX", "refy": "refY", "repeatcount": "repeatCount", "repeatdur": "repeatDur",
	"requiredextensions": "requiredExtensions", "requiredfeatures": "requiredFeatures",
	"specularconstant": "specularConstant", "specularexponent": "specularExponent",
	"spreadmethod": "spreadMethod", "startoffset": "startOffset",
	"stddeviation": "stdDeviation", "stitchtiles": "stitchTiles",
	"surfacescale": "surfaceScale", "systemlanguage": "systemLanguage",
	"tablevalues": "tableValues", "targetx": "targetX", "targety": "targetY",
	"textlength": "textLength", "viewbox": "viewBox", "viewtarget": "viewTarget",
	"xchannelselector": "xChannelSelector", "ychannelselector": "yChannelSelector",
	"zoomandpan": "zoomAndPan",
}

// adjustSVGAttributes gives SVG attributes their SVG spelling, and the
// xlink:, xml: and xmlns: ones their namespace.
func adjustSVGAttributes(attr []html.Attribute) {
	for i := range attr {
		k := attr[i].Key
		if adj, ok := svgAttrNames[k]; ok {
			attr[i].Key = adj
			continue
		}
		switch k {
		case "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show",
			"xlink:title", "xlink:type", "xml:lang", "xml:space", "xmlns:xlink":
			j := strings.IndexByte(k, ':')
			attr[i].Namespace, attr[i].Key = k[:j], k[j+1:]
		}
	}
}
