package org.safeguardingreport.word;

import java.math.BigInteger;
import java.util.List;

import org.docx4j.docProps.core.CoreProperties;
import org.docx4j.docProps.core.dc.elements.SimpleLiteral;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.exceptions.InvalidFormatException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTShd;
import org.docx4j.wml.CTSimpleField;
import org.docx4j.wml.Color;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.HeaderReference;
import org.docx4j.wml.Hdr;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STShd;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblBorders;
import org.docx4j.wml.TblGrid;
import org.docx4j.wml.TblGridCol;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.TblWidth;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.docx4j.wml.TrPr;

/** Small builders over docx4j's WordprocessingML objects, shared by the Word documents. */
public final class Wml {
    public static final ObjectFactory F = Context.getWmlObjectFactory();

    private Wml() {
    }

    /**
     * docx4j fills in the version it writes into each document lazily and without a lock, so two
     * documents begun at once could say "docx4j null"; it is read once, under the initialisation lock
     * of a holder class, before any package is opened.
     */
    static void ensureVersionRead() {
        VersionRead.ensure();
    }

    private static final class VersionRead {
        static {
            org.docx4j.Version.getPoweredBy(true);
        }

        static void ensure() {
            // the static initialiser above has run by the time this returns
        }
    }

    /** A paragraph in a named style ("Title", "Heading1", ...) or null for the default. */
    public static P para(String style, R... runs) {
        P p = F.createP();
        if (style != null) {
            PPr ppr = F.createPPr();
            PPrBase.PStyle ps = F.createPPrBasePStyle();
            ps.setVal(style);
            ppr.setPStyle(ps);
            p.setPPr(ppr);
        }
        for (R r : runs) {
            p.getContent().add(r);
        }
        return p;
    }

    public static P para(String style, String text) {
        return para(style, run(text));
    }

    /** A run of text; every character is kept (XML-escaped by JAXB), control characters are dropped. */
    public static R run(String text) {
        R r = F.createR();
        Text t = F.createText();
        t.setValue(clean(text));
        t.setSpace("preserve");
        r.getContent().add(t);
        return r;
    }

    public static R bold(String text) {
        R r = run(text);
        rpr(r).setB(new BooleanDefaultTrue());
        return r;
    }

    public static R bold(R r) {
        rpr(r).setB(new BooleanDefaultTrue());
        return r;
    }

    public static R italic(R r) {
        rpr(r).setI(new BooleanDefaultTrue());
        return r;
    }

    public static R colour(R r, String hex) {
        Color c = F.createColor();
        c.setVal(hex);
        rpr(r).setColor(c);
        return r;
    }

    public static R size(R r, int halfPoints) {
        HpsMeasure m = F.createHpsMeasure();
        m.setVal(BigInteger.valueOf(halfPoints));
        rpr(r).setSz(m);
        rpr(r).setSzCs(m);
        return r;
    }

    private static RPr rpr(R r) {
        if (r.getRPr() == null) {
            r.setRPr(F.createRPr());
        }
        return r.getRPr();
    }

    public static P align(P p, JcEnumeration how) {
        if (p.getPPr() == null) {
            p.setPPr(F.createPPr());
        }
        Jc jc = F.createJc();
        jc.setVal(how);
        p.getPPr().setJc(jc);
        return p;
    }

    /** A simple field (" PAGE ", " NUMPAGES ") showing {@code placeholder} until Word updates it. */
    public static jakarta.xml.bind.JAXBElement<CTSimpleField> field(String instruction, String placeholder) {
        CTSimpleField f = F.createCTSimpleField();
        f.setInstr(" " + instruction + " ");
        f.getContent().add(run(placeholder));
        return F.createPFldSimple(f);
    }

    /** A full-width table with the given column widths (in twentieths of a point) and single grey borders. */
    public static Tbl table(int... widths) {
        Tbl tbl = F.createTbl();
        TblPr pr = F.createTblPr();
        TblWidth w = F.createTblWidth();
        w.setType("pct");
        w.setW(BigInteger.valueOf(5000));
        pr.setTblW(w);
        TblBorders borders = F.createTblBorders();
        borders.setTop(border());
        borders.setBottom(border());
        borders.setLeft(border());
        borders.setRight(border());
        borders.setInsideH(border());
        borders.setInsideV(border());
        pr.setTblBorders(borders);
        tbl.setTblPr(pr);
        TblGrid grid = F.createTblGrid();
        for (int width : widths) {
            TblGridCol c = F.createTblGridCol();
            c.setW(BigInteger.valueOf(width));
            grid.getGridCol().add(c);
        }
        tbl.setTblGrid(grid);
        return tbl;
    }

    private static CTBorder border() {
        CTBorder b = F.createCTBorder();
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(4));
        b.setColor("AEB7BD");
        return b;
    }

    public static void tableStyle(Tbl tbl, String style) {
        org.docx4j.wml.CTTblPrBase.TblStyle ts = F.createCTTblPrBaseTblStyle();
        ts.setVal(style);
        tbl.getTblPr().setTblStyle(ts);
    }

    /** Background shading of a run (a rating word in running text). */
    public static R shade(R r, String fill) {
        CTShd shd = F.createCTShd();
        shd.setVal(STShd.CLEAR);
        shd.setColor("auto");
        shd.setFill(fill);
        rpr(r).setShd(shd);
        return r;
    }

    /** The fill of a rated cell: the same tints as the PDF. */
    public static String ragFill(org.safeguardingreport.model.Rating r) {
        return switch (r) {
            case GREEN -> "D5EED9";
            case AMBER -> "FFE9B0";
            case RED -> "F7D0D2";
        };
    }

    /** A row; a header row repeats at the top of each page the table crosses. */
    public static Tr row(boolean header, Tc... cells) {
        Tr tr = F.createTr();
        TrPr trPr = F.createTrPr();
        // a row stays on one page, as in the PDF
        trPr.getCnfStyleOrDivIdOrGridBefore().add(F.createCTTrPrBaseCantSplit(new BooleanDefaultTrue()));
        if (header) {
            trPr.getCnfStyleOrDivIdOrGridBefore().add(F.createCTTrPrBaseTblHeader(new BooleanDefaultTrue()));
        }
        tr.setTrPr(trPr);
        for (Tc c : cells) {
            tr.getContent().add(c);
        }
        return tr;
    }

    public static Tc cell(int width, String fill, List<P> paragraphs) {
        Tc tc = F.createTc();
        TcPr pr = F.createTcPr();
        TblWidth w = F.createTblWidth();
        w.setType("dxa");
        w.setW(BigInteger.valueOf(width));
        pr.setTcW(w);
        if (fill != null) {
            CTShd shd = F.createCTShd();
            shd.setVal(STShd.CLEAR);
            shd.setColor("auto");
            shd.setFill(fill);
            pr.setShd(shd);
        }
        tc.setTcPr(pr);
        tc.getContent().addAll(paragraphs.isEmpty() ? List.of(para(null)) : paragraphs);
        return tc;
    }

    /** An empty header on every page, for a reference document without one. */
    static HeaderPart addHeader(WordprocessingMLPackage pkg) throws org.docx4j.openpackaging.exceptions.Docx4JException {
        HeaderPart hp = new HeaderPart();
        hp.setJaxbElement(F.createHdr());
        Relationship rel = pkg.getMainDocumentPart().addTargetPart(hp);
        HeaderReference h = F.createHeaderReference();
        h.setId(rel.getId());
        h.setType(HdrFtrRef.DEFAULT);
        section(pkg).getEGHdrFtrReferences().add(h);
        return hp;
    }

    /** "Page X of Y" at the foot of every page, for a reference document without a footer. */
    static void addFooter(WordprocessingMLPackage pkg) throws org.docx4j.openpackaging.exceptions.Docx4JException {
        FooterPart fp = new FooterPart();
        Ftr ftr = F.createFtr();
        P p = align(para("Footer", run("Page ")), JcEnumeration.RIGHT);
        p.getContent().add(field("PAGE", "1"));
        p.getContent().add(run(" of "));
        p.getContent().add(field("NUMPAGES", "1"));
        ftr.getContent().add(p);
        fp.setJaxbElement(ftr);
        Relationship rel = pkg.getMainDocumentPart().addTargetPart(fp);
        FooterReference f = F.createFooterReference();
        f.setId(rel.getId());
        f.setType(HdrFtrRef.DEFAULT);
        section(pkg).getEGHdrFtrReferences().add(f);
    }

    private static SectPr section(WordprocessingMLPackage pkg) {
        return pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
    }

    public static void properties(WordprocessingMLPackage pkg, String title, String author, String subject, String keywords) {
        CoreProperties cp = pkg.getDocPropsCorePart().getJaxbElement();
        org.docx4j.docProps.core.dc.elements.ObjectFactory dc = new org.docx4j.docProps.core.dc.elements.ObjectFactory();
        cp.setTitle(dc.createTitle(literal(dc, title)));
        cp.setCreator(literal(dc, author));
        cp.setSubject(literal(dc, subject));
        cp.setLanguage(literal(dc, "en-GB"));
        cp.setKeywords(clean(keywords));
    }

    private static SimpleLiteral literal(org.docx4j.docProps.core.dc.elements.ObjectFactory dc, String text) {
        SimpleLiteral s = dc.createSimpleLiteral();
        s.getContent().add(clean(text));
        return s;
    }

    /** XML 1.0 cannot carry most control characters; they are dropped, every other character kept. */
    public static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad && out == null) {
                out = new StringBuilder(s.substring(0, i));
            } else if (!bad && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
