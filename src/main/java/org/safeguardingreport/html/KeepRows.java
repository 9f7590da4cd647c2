package org.safeguardingreport.html;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * No lonely rows: a laid-out document's tables are regrouped so that no page holds a single row of
 * a table. A table of up to {@link #SHORT_ROWS} body rows is marked {@code short} (its stylesheet
 * keeps it on one page); a longer one has its first two and its last two rows put in body groups
 * of their own marked {@code keep}, which the stylesheet never splits ({@code tbody.keep
 * { page-break-inside: avoid }}), so a page break leaves two rows at least on either side. The Word
 * edition, written from the same document, keeps those rows with the next.
 */
public final class KeepRows {
    /** Tables of this many body rows or fewer are read whole, on one page. */
    public static final int SHORT_ROWS = 6;
    /** The class of a body group that is never split across pages. */
    public static final String KEEP = "keep";

    private KeepRows() {
    }

    /** {@code xhtml} with its tables regrouped; the text unchanged if it cannot be read as XML. */
    public static String apply(String xhtml) {
        Document d;
        try {
            // the JDK's own parser and serialiser (docx4j puts Xalan on the class path)
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance(
                    "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl", null);
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            d = b.parse(new InputSource(new StringReader(xhtml)));
        } catch (Exception notXml) {
            return xhtml;
        }
        NodeList tables = d.getElementsByTagNameNS("*", "table");
        List<Element> all = new ArrayList<>();
        for (int i = 0; i < tables.getLength(); i++) {
            all.add((Element) tables.item(i));
        }
        all.forEach(KeepRows::regroup);
        try {
            Transformer t = TransformerFactory.newInstance(
                    "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl", null).newTransformer();
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter(xhtml.length() + 1024);
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("the document could not be written back after regrouping its tables", e);
        }
    }

    private static void regroup(Element table) {
        List<Element> bodies = children(table, "tbody");
        if (bodies.size() != 1 || hasClass(table, "short")) {
            return;
        }
        Element body = bodies.get(0);
        List<Element> rows = children(body, "tr");
        if (rows.size() <= 1) {
            return;
        }
        if (rows.size() <= SHORT_ROWS) {
            String c = table.getAttribute("class");
            table.setAttribute("class", c.isBlank() ? "short" : c + " short");
            return;
        }
        // first two rows | the rest | last two rows: a break falls only where two rows stay on each side
        Element head = group(table, body, KEEP);
        head.appendChild(rows.get(0));
        head.appendChild(rows.get(1));
        Element tail = group(table, body.getNextSibling(), KEEP);
        tail.appendChild(rows.get(rows.size() - 2));
        tail.appendChild(rows.get(rows.size() - 1));
    }

    /** A new body group of {@code table}, before {@code before} (at the end when null). */
    private static Element group(Element table, Node before, String cls) {
        Element g = table.getOwnerDocument().createElementNS(table.getNamespaceURI(), table.getPrefix() == null ? "tbody"
                : table.getPrefix() + ":tbody");
        g.setAttribute("class", cls);
        table.insertBefore(g, before);
        return g;
    }

    private static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && tag.equals(c.getLocalName() == null ? c.getTagName().toLowerCase(Locale.ROOT)
                    : c.getLocalName().toLowerCase(Locale.ROOT))) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean hasClass(Element e, String cls) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (c.equals(cls)) {
                return true;
            }
        }
        return false;
    }
}
