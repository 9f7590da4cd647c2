package org.safeguardingreport.draft;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.safeguardingreport.DocxXml;

/**
 * A built Word edition read back as lines "style|text", one per paragraph with text, in document order
 * (table cells included): read straight from word/document.xml, independently of the importer.
 */
final class WordText {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private WordText() {
    }

    static List<String> lines(Path docx) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(DocxXml.document(docx).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement();
        List<String> out = new ArrayList<>();
        NodeList ps = root.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            StringBuilder text = new StringBuilder();
            NodeList ts = p.getElementsByTagNameNS(W, "t");
            for (int k = 0; k < ts.getLength(); k++) {
                text.append(ts.item(k).getTextContent());
            }
            String t = text.toString().replaceAll("\\s+", " ").strip();
            if (t.isEmpty()) {
                continue;
            }
            NodeList styles = p.getElementsByTagNameNS(W, "pStyle");
            String style = styles.getLength() == 0 ? "" : ((Element) styles.item(0)).getAttributeNS(W, "val");
            out.add(style + "|" + t);
        }
        return out;
    }

    /** The headings of a Word edition: its lines in a Heading style. */
    static List<String> headings(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("Heading")).toList();
    }
}
