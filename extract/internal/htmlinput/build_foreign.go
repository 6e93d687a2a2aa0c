package htmlinput

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// SVG content: the builder follows an <svg> made of plain shapes (see
// svgShape), the markup of icons and drawings. Anything else in it is left
// to html.Parse: an element that leaves SVG (<p>, <div>, <b>...), an HTML
// integration point (<title>, <desc>, <foreignObject>), a CDATA section,
// an end tag without an open element of its name.

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
		if svgTextPoint(b.top()) || !svgShape(b.tok.name) && !svgLeaf(b.tok.a) {
			return b.fail()
		}
		if adj := svgTagName(b.tok.name); adj != "" {
			b.tok.name = adj
			b.tok.a = atom.Lookup([]byte(adj))
		}
		adjustSVGAttributes(b.tok.attr)
		n := b.addElement()
		n.Namespace = "svg"
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

// svgLeaf reports the SVG elements followed besides shapes: a style
// sheet (markup in SVG, not raw text), a title and a description.
func svgLeaf(a atom.Atom) bool {
	return a == atom.Style || a == atom.Title || a == atom.Desc
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
