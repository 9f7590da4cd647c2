package org.safeguardingreport.draft;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading WordprocessingML as a DOM: children, attributes and on/off properties by their w: names. */
final class Dom {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    static final String V = "urn:schemas-microsoft-com:vml";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    static final String M = "http://schemas.openxmlformats.org/officeDocument/2006/math";

    private Dom() {
    }

    /** The element's local name when it is in the w: namespace, else its namespace-qualified form "{ns}name". */
    static String name(Element e) {
        String local = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        return W.equals(e.getNamespaceURI()) ? local : "{" + e.getNamespaceURI() + "}" + local;
    }

    static boolean is(Element e, String ns, String local) {
        return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The w: children called {@code local}. */
    static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (is(e, W, local)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first w: child called {@code local}, or null. */
    static Element child(Element parent, String local) {
        return child(parent, W, local);
    }

    static Element child(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, ns, local)) {
                return e;
            }
        }
        return null;
    }

    /** Every descendant element with the namespace and local name, in document order. */
    static List<Element> descendants(Element root, String ns, String local) {
        List<Element> out = new ArrayList<>();
        if (root != null) {
            org.w3c.dom.NodeList list = root.getElementsByTagNameNS(ns, local);
            for (int i = 0; i < list.getLength(); i++) {
                out.add((Element) list.item(i));
            }
        }
        return out;
    }

    /** A w: attribute, or null when absent. */
    static String attr(Element e, String local) {
        return attr(e, W, local);
    }

    static String attr(Element e, String ns, String local) {
        if (e == null) {
            return null;
        }
        if (e.hasAttributeNS(ns, local)) {
            return e.getAttributeNS(ns, local);
        }
        return null;
    }

    /** The w:val of an element, or null. */
    static String val(Element e) {
        return attr(e, "val");
    }

    static Integer intVal(Element e) {
        return parse(val(e));
    }

    static Integer intAttr(Element e, String local) {
        return parse(attr(e, local));
    }

    private static Integer parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException x) {
            return null;
        }
    }

    /** An on/off property (w:b, w:i): null when absent, true when present without a val or with a true one. */
    static Boolean onOff(Element e) {
        if (e == null) {
            return null;
        }
        String v = val(e);
        return v == null || !(v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off"));
    }
}
