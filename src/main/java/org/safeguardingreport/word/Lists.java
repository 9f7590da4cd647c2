package org.safeguardingreport.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.exceptions.InvalidFormatException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.NumberingDefinitionsPart;
import org.docx4j.wml.Numbering;

/**
 * Word numbering for the narrative's lists: one abstract definition for bullets and one for
 * numbers, nine levels each; every list gets its own num so that numbered lists restart.
 */
final class Lists {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String[] BULLETS = {"\u2022", "\u25E6", "\u25AA"};
    private static final String[] NUMBER_FORMATS = {"decimal", "lowerLetter", "lowerRoman"};

    private record ListDef(int numId, boolean ordered, int start) {
    }

    private final List<ListDef> lists = new ArrayList<>();

    /** A new list; answers its numId. */
    int newList(boolean ordered, int start) {
        int id = lists.size() + 1;
        lists.add(new ListDef(id, ordered, Math.max(1, start)));
        return id;
    }

    boolean isEmpty() {
        return lists.isEmpty();
    }

    void install(WordprocessingMLPackage pkg) throws InvalidFormatException {
        if (lists.isEmpty()) {
            return;
        }
        StringBuilder x = new StringBuilder("<w:numbering xmlns:w=\"" + W + "\">");
        abstractNum(x, 1, false);
        abstractNum(x, 2, true);
        for (ListDef l : lists) {
            x.append("<w:num w:numId=\"").append(l.numId()).append("\"><w:abstractNumId w:val=\"")
                    .append(l.ordered() ? 2 : 1).append("\"/>");
            for (int lvl = 0; lvl < 9; lvl++) {
                x.append("<w:lvlOverride w:ilvl=\"").append(lvl).append("\"><w:startOverride w:val=\"")
                        .append(lvl == 0 ? l.start() : 1).append("\"/></w:lvlOverride>");
            }
            x.append("</w:num>");
        }
        x.append("</w:numbering>");
        NumberingDefinitionsPart part = new NumberingDefinitionsPart();
        try {
            part.setJaxbElement((Numbering) XmlUtils.unmarshalString(x.toString()));
        } catch (jakarta.xml.bind.JAXBException e) {
            throw new IllegalStateException("numbering definitions", e);
        }
        pkg.getMainDocumentPart().addTargetPart(part);
    }

    private static void abstractNum(StringBuilder x, int id, boolean ordered) {
        x.append("<w:abstractNum w:abstractNumId=\"").append(id).append("\"><w:multiLevelType w:val=\"multilevel\"/>");
        for (int lvl = 0; lvl < 9; lvl++) {
            // deep levels stop indenting further than the sixth
            int indent = 360 + 360 * Math.min(lvl, 5);
            x.append("<w:lvl w:ilvl=\"").append(lvl).append("\"><w:start w:val=\"1\"/>");
            if (ordered) {
                x.append("<w:numFmt w:val=\"").append(NUMBER_FORMATS[lvl % 3]).append("\"/><w:lvlText w:val=\"%")
                        .append(lvl + 1).append(".\"/>");
            } else {
                x.append("<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"").append(BULLETS[lvl % 3]).append("\"/>");
            }
            x.append("<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"").append(indent)
                    .append("\" w:hanging=\"360\"/></w:pPr></w:lvl>");
        }
        x.append("</w:abstractNum>");
    }

    static BigInteger big(int i) {
        return BigInteger.valueOf(i);
    }
}
