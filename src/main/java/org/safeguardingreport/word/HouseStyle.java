package org.safeguardingreport.word;

import java.math.BigInteger;
import java.util.List;

import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.StyleDefinitionsPart;
import org.docx4j.wml.CTLanguage;
import org.docx4j.wml.CTSettings;
import org.docx4j.wml.Color;
import org.docx4j.wml.DocDefaults;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.P;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.Style;
import org.docx4j.wml.Styles;

import org.safeguardingreport.model.Narrative;

/** The house Word styles every edition starts from, the DRAFT watermark, and fields refreshed when Word opens a file. */
public final class HouseStyle {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private HouseStyle() {
    }

    /** The house style: Arial, NHS blue headings, chapters on new pages, and the report's own table and block styles. */
    static void styles(MainDocumentPart mdp) throws Docx4JException {
        for (String s : List.of("Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
                "Caption", "Hyperlink", "TOCHeading", "TOC1", "TOC2", "TOC3", "Header", "Footer", "ListParagraph")) {
            mdp.getPropertyResolver().activateStyle(s);
        }
        StyleDefinitionsPart sdp = mdp.getStyleDefinitionsPart();
        Styles styles = sdp.getJaxbElement();
        String custom = "<w:styles xmlns:w=\"" + W + "\">"
                + "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/>"
                + "<w:basedOn w:val=\"TableNormal\"/><w:pPr><w:spacing w:before=\"30\" w:after=\"30\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
                + "<w:rPr><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr><w:tblPr>"
                + "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:color=\"AEB7BD\"/><w:left w:val=\"single\" w:sz=\"4\" w:color=\"AEB7BD\"/>"
                + "<w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"AEB7BD\"/><w:right w:val=\"single\" w:sz=\"4\" w:color=\"AEB7BD\"/>"
                + "<w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"AEB7BD\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:color=\"AEB7BD\"/></w:tblBorders>"
                + "<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Statement\"><w:name w:val=\"Standard Statement\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"005EB8\"/></w:pBdr>"
                + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EDEE\"/><w:ind w:left=\"170\"/></w:pPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BlockQuote\"><w:name w:val=\"Block Quote\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"41B6E6\"/></w:pBdr>"
                + "<w:ind w:left=\"400\"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"CodeBlock\"><w:name w:val=\"Code Block\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F0F4F5\"/></w:pPr>"
                + "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/><w:sz w:val=\"18\"/></w:rPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Rule\"><w:name w:val=\"Rule\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"D8DDE0\"/></w:pBdr></w:pPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Missing\"><w:name w:val=\"No Narrative\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:rPr><w:i/><w:color w:val=\"768692\"/></w:rPr></w:style>"
                + "</w:styles>";
        try {
            Styles extra = (Styles) XmlUtils.unmarshalString(custom);
            styles.getStyle().addAll(extra.getStyle());
        } catch (jakarta.xml.bind.JAXBException e) {
            throw new IllegalStateException("report styles", e);
        }
        // house style: Arial (Liberation Sans where Arial is absent), NHS blue headings, British English
        DocDefaults dd = styles.getDocDefaults();
        if (dd.getRPrDefault() == null) {
            dd.setRPrDefault(Wml.F.createDocDefaultsRPrDefault());
        }
        if (dd.getRPrDefault().getRPr() == null) {
            dd.getRPrDefault().setRPr(Wml.F.createRPr());
        }
        RPr def = dd.getRPrDefault().getRPr();
        RFonts fonts = Wml.F.createRFonts();
        fonts.setAscii("Arial");
        fonts.setHAnsi("Arial");
        fonts.setCs("Arial");
        fonts.setEastAsia("Arial");
        def.setRFonts(fonts);
        HpsMeasure size = Wml.F.createHpsMeasure();
        size.setVal(BigInteger.valueOf(21));
        def.setSz(size);
        def.setSzCs(size);
        CTLanguage lang = Wml.F.createCTLanguage();
        lang.setVal("en-GB");
        lang.setBidi("ar-SA");
        def.setLang(lang);
        for (Style s : styles.getStyle()) {
            String id = s.getStyleId();
            if (id != null && (id.startsWith("Heading") || id.equals("Title") || id.equals("TOCHeading"))) {
                if (s.getRPr() == null) {
                    s.setRPr(Wml.F.createRPr());
                }
                Color c = Wml.F.createColor();
                c.setVal(id.equals("Heading1") || id.equals("Title") ? Wml.NHS_BLUE : "003087");
                s.getRPr().setColor(c);
                s.getRPr().setRFonts(fonts);
                if (id.equals("Heading1")) {
                    if (s.getPPr() == null) {
                        s.setPPr(Wml.F.createPPr());
                    }
                    s.getPPr().setPageBreakBefore(new org.docx4j.wml.BooleanDefaultTrue());
                }
            }
        }
    }

    /** Word's own kind of watermark: a pale diagonal text shape in the header, behind the text of every page. */
    static void watermark(WordprocessingMLPackage pkg) {
        String xml = "<w:p xmlns:w=\"" + W + "\" xmlns:v=\"urn:schemas-microsoft-com:vml\" "
                + "xmlns:o=\"urn:schemas-microsoft-com:office:office\"><w:r><w:pict>"
                + "<v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" "
                + "path=\"m@7,l@8,m@5,21600l@6,21600e\"><v:formulas><v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/>"
                + "<v:f eqn=\"sum 21600 0 @1\"/><v:f eqn=\"sum 0 0 @2\"/><v:f eqn=\"sum 21600 0 @3\"/><v:f eqn=\"if @0 @3 0\"/>"
                + "<v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/><v:f eqn=\"if @0 @4 21600\"/><v:f eqn=\"mid @5 @6\"/>"
                + "<v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/><v:f eqn=\"mid @6 @7\"/><v:f eqn=\"sum @6 0 @5\"/></v:formulas>"
                + "<v:path textpathok=\"t\" o:connecttype=\"custom\" o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" "
                + "o:connectangles=\"270,180,90,0\"/><v:textpath on=\"t\" fitshape=\"t\"/>"
                + "<o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>"
                + "<v:shape id=\"DraftWatermark\" o:spid=\"_x0000_s2049\" type=\"#_x0000_t136\" "
                + "style=\"position:absolute;margin-left:0;margin-top:0;width:440pt;height:140pt;rotation:315;z-index:-251654144;"
                + "mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;"
                + "mso-position-vertical-relative:margin\" o:allowincell=\"f\" fillcolor=\"#d8dde0\" stroked=\"f\">"
                + "<v:fill opacity=\".5\"/><v:textpath style=\"font-family:&quot;Arial&quot;;font-size:1pt\" string=\"DRAFT\"/>"
                + "</v:shape></w:pict></w:r></w:p>";
        try {
            P p = (P) XmlUtils.unmarshalString(xml);
            for (var part : pkg.getParts().getParts().values()) {
                if (part instanceof HeaderPart h) {
                    h.getJaxbElement().getContent().add(p);
                }
            }
        } catch (jakarta.xml.bind.JAXBException e) {
            throw new IllegalStateException("watermark", e);
        }
    }

    static void updateFieldsOnOpen(WordprocessingMLPackage pkg) throws Docx4JException {
        DocumentSettingsPart settings = pkg.getMainDocumentPart().getDocumentSettingsPart();
        if (settings == null) {
            settings = new DocumentSettingsPart();
            settings.setJaxbElement(Wml.F.createCTSettings());
            pkg.getMainDocumentPart().addTargetPart(settings);
        }
        CTSettings s = settings.getJaxbElement();
        s.setUpdateFields(new org.docx4j.wml.BooleanDefaultTrue());
    }
}
