package org.safeguardingreport.pdf;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.css.style.CalculatedStyle;
import com.openhtmltopdf.layout.Layer;
import com.openhtmltopdf.pdfboxout.PdfBoxFontContext;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.PageBox;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.render.displaylist.DisplayListContainer;
import com.openhtmltopdf.render.displaylist.DisplayListCollector;
import com.openhtmltopdf.render.displaylist.DisplayListPainter;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * A preview's first look at a rebuilt report: the few pages whose layout changed since the last
 * build, painted from the new layout before the rest, so that the reader sees an edit as soon as it
 * is laid out. The whole document is painted next as for any build, and its pages' versions are the
 * ones that count: a page this look missed, or drew otherwise, is put right by them.
 *
 * <p>Which pages changed is judged from the layout alone ({@link #prints}): each page's text, boxes,
 * elements and pictures with their places. The pages are painted by the same painter, in the same
 * way, as {@link PdfBoxRenderer} paints every page (its display lists, page margins and clip), and
 * drawn as pictures from the unsaved document with the document's own fonts.
 */
public final class FirstLook {
    /**
     * More changed pages than this, and the whole document is painted straight away instead: a
     * sentence added early in a long section moves the text of the section's later pages too.
     */
    public static final int MOST_PAGES = 8;

    private FirstLook() {
    }

    /** Page {@code n} (1-based) of a first look, as a picture. */
    public interface Painter {
        BufferedImage paint(int n, float dpi) throws IOException;
    }

    /** The pages of a first look: their numbers (1-based), versions ({@link PageVersions}), sizes and a painter. */
    public record Pages(List<Integer> numbers, List<String> versions, List<PDRectangle> sizes, Painter painter) {
    }

    /**
     * Each page's print: a digest of what the layout puts on it. Two layouts of the same document that
     * give a page the same print draw it the same, as far as the layout can tell: the same text at the
     * same places, the same boxes, elements (tag, classes and attributes) and pictures, the same page
     * number and count. A box over several pages counts its top only on the page where it starts and
     * its bottom only where it ends, so that a section growing at its end does not change its first pages.
     */
    static List<String> prints(PdfBoxRenderer r, Map<String, org.safeguardingreport.chart.Chart> charts,
                               Map<String, byte[]> pictures) {
        List<PageBox> pages = r.getRootBox().getLayer().getPages();
        byte[] everyPage = everyPage(r);
        List<MessageDigest> digests = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            MessageDigest md = sha256();
            md.update((i + "/" + pages.size() + ";").getBytes(StandardCharsets.UTF_8));
            md.update(everyPage);
            digests.add(md);
        }
        int[] tops = new int[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            tops[i] = pages.get(i).getTop();
        }
        StringBuilder s = new StringBuilder(256);
        java.util.ArrayDeque<Box> stack = new java.util.ArrayDeque<>();
        stack.push(r.getRootBox());
        while (!stack.isEmpty()) {
            Box b = stack.pop();
            int top = b.getAbsY();
            int bottom = top + Math.max(b.getHeight(), 0);
            int first = page(tops, top);
            int last = page(tops, Math.max(top, bottom - 1));
            s.setLength(0);
            s.append(b.getClass().getSimpleName()).append('@').append(b.getAbsX()).append(',').append(b.getWidth());
            org.w3c.dom.Element e = b.getElement();
            if (e != null) {
                s.append('<').append(e.getTagName());
                org.w3c.dom.NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    org.w3c.dom.Node a = attributes.item(i);
                    s.append(' ').append(a.getNodeName()).append('=').append(a.getNodeValue());
                    var chart = charts.get(a.getNodeValue());
                    if (chart != null) {
                        s.append('#').append(chart.hashCode());
                    }
                    byte[] picture = pictures.get(a.getNodeValue());
                    if (picture != null) {
                        s.append('#').append(java.util.Arrays.hashCode(picture));
                    }
                }
                s.append('>');
            }
            if (b.getPseudoElementOrClass() != null) {
                s.append("::").append(b.getPseudoElementOrClass());
            }
            if (b instanceof InlineLayoutBox ib) {
                for (Object child : ib.getInlineChildren()) {
                    if (child instanceof InlineText t) {
                        s.append('|').append(t.getX()).append(',').append(t.getWidth()).append(':').append(t.getSubstring());
                    }
                }
            }
            if (b instanceof BlockBox bb && bb.getReplacedElement() != null) {
                s.append("[replaced]");
            }
            byte[] what = s.toString().getBytes(StandardCharsets.UTF_8);
            for (int p = first; p <= last; p++) {
                MessageDigest md = digests.get(p);
                md.update(what);
                if (p == first) {
                    md.update(("^" + top).getBytes(StandardCharsets.UTF_8));
                }
                if (p == last) {
                    md.update(("_" + bottom).getBytes(StandardCharsets.UTF_8));
                }
            }
            if (b instanceof InlineLayoutBox ib) {
                List<Object> inline = ib.getInlineChildren();
                for (int i = inline.size() - 1; i >= 0; i--) {
                    if (inline.get(i) instanceof Box child) {
                        stack.push(child);
                    }
                }
            }
            for (int i = b.getChildCount() - 1; i >= 0; i--) {
                stack.push(b.getChild(i));
            }
        }
        List<String> out = new ArrayList<>(digests.size());
        for (MessageDigest md : digests) {
            out.add(HexFormat.of().formatHex(md.digest(), 0, 12));
        }
        return out;
    }

    /**
     * What every page shows or is drawn by, outside the boxes of its own area: the stylesheets, and
     * the running elements of the page margins (a header naming the Trust), which the layout keeps
     * apart from the document's boxes. A change to them changes every page.
     */
    private static byte[] everyPage(PdfBoxRenderer r) {
        MessageDigest md = sha256();
        org.w3c.dom.Document d = r.getDocument();
        org.w3c.dom.NodeList styles = d.getElementsByTagName("style");
        for (int i = 0; i < styles.getLength(); i++) {
            md.update(styles.item(i).getTextContent().getBytes(StandardCharsets.UTF_8));
        }
        org.w3c.dom.NodeList bodies = d.getElementsByTagName("body");
        if (bodies.getLength() > 0) {
            for (org.w3c.dom.Node n = bodies.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e) {
                    var style = r.getSharedContext().getStyle(e);
                    if (style != null && style.isRunning()) {
                        md.update(e.getTextContent().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return md.digest();
    }

    /** The index of the page whose area holds document position {@code y} (the last page below them all). */
    private static int page(int[] tops, int y) {
        int i = java.util.Arrays.binarySearch(tops, y);
        int p = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(tops.length - 1, p));
    }

    /**
     * The pages (0-based) whose print differs from the last build's, when there are a few of them and
     * the page count is the same; empty otherwise (no last build, or too much changed to be worth it).
     */
    static List<Integer> changed(List<String> last, List<String> now) {
        if (last == null || last.size() != now.size()) {
            return List.of();
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).equals(last.get(i))) {
                changed.add(i);
                if (changed.size() > MOST_PAGES) {
                    return List.of();
                }
            }
        }
        return changed;
    }

    /**
     * Paints the pages {@code which} (0-based) of the laid-out document into {@code doc}, as the
     * renderer paints each of its pages, and returns them in that order (they are the document's last
     * pages, to be removed before the whole document is painted). The steps are those of
     * openhtmltopdf 1.1.31's {@code PdfBoxRenderer.writePDFFast} and {@code paintPageFast}, through
     * their public parts; after an upgrade, {@code FirstLookTest} shows whether the pages painted here
     * are still the saved pages, pixel for pixel.
     */
    static List<PDPage> paint(PdfBoxRenderer r, PDDocument doc, List<Integer> which, boolean rightToLeft)
            throws IOException {
        PdfBoxOutputDevice out = r.getOutputDevice();
        RenderingContext c = r.getSharedContext().newRenderingContextInstance();
        c.setFontContext(new PdfBoxFontContext());
        c.setOutputDevice(out);
        if (rightToLeft) {
            c.setBidiReorderer(new com.openhtmltopdf.bidi.support.ICUBidiReorderer());
        }
        out.setRenderingContext(c);
        Layer layer = r.getRootBox().getLayer();
        c.setRootLayer(layer);
        c.setFastRenderer(true);
        out.setRoot(r.getRootBox());
        out.start(r.getDocument());
        layer.assignPagePaintingPositions(c, Layer.PAGED_MODE_PRINT);
        List<PageBox> pages = layer.getPages();
        c.setPageCount(pages.size());
        DisplayListContainer lists = new DisplayListCollector(pages).collectRoot(c, layer);
        float dotsPerPoint = r.getDotsPerPoint();
        List<PDPage> painted = new ArrayList<>(which.size());
        for (int i : which) {
            PageBox page = pages.get(i);
            float h = page.getHeight(c) / dotsPerPoint;
            PDPage pd = new PDPage(new PDRectangle(page.getWidth(c) / dotsPerPoint, h));
            doc.addPage(pd);
            try (PDPageContentStream cs = new PDPageContentStream(doc, pd, PDPageContentStream.AppendMode.APPEND, true)) {
                out.initializePage(cs, pd, h);
                page.setBasePagePdfPageIndex(i);
                c.setPage(i, page);
                c.setShadowPageNumber(-1);
                page.paintBackground(c, 0, Layer.PAGED_MODE_PRINT);
                c.setInPageMargins(true);
                page.paintMarginAreas(c, 0, Layer.PAGED_MODE_PRINT);
                c.setInPageMargins(false);
                page.paintBorder(c, 0, Layer.PAGED_MODE_PRINT);
                Rectangle content = page.getPrintClippingBounds(c);
                out.pushClip(content);
                int top = -page.getPaintingTop() + page.getMarginBorderPadding(c, CalculatedStyle.TOP);
                int left = page.getMarginBorderPadding(c, CalculatedStyle.LEFT);
                out.translate(left, top);
                new DisplayListPainter().paint(c, lists.getPageInstructions(i));
                out.translate(-left, -top);
                out.popClip();
                out.finishPage();
            }
            painted.add(pd);
        }
        return painted;
    }

    /**
     * Draws pages of a document not yet saved. Its fonts are embedded as subsets only when it is
     * saved, so each font the pages name is drawn with the document's own font object (the whole
     * shipped font, which the page's glyph numbers index), never with a stand-in.
     */
    static final class Renderer extends PDFRenderer {
        private final Map<COSBase, PDFont> fonts;

        Renderer(PDDocument doc, List<PDFont> fonts) {
            super(doc);
            this.fonts = new IdentityHashMap<>();
            for (PDFont f : fonts) {
                this.fonts.put(f.getCOSObject(), f);
            }
        }

        BufferedImage paint(int pageIndex, float dpi) throws IOException {
            return renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if ("Tf".equals(operator.getName()) && operands.size() >= 2
                            && operands.get(0) instanceof COSName name && operands.get(1) instanceof COSNumber size) {
                        COSDictionary all = getResources().getCOSObject().getCOSDictionary(COSName.FONT);
                        COSBase dict = all == null ? null : all.getDictionaryObject(name);
                        PDFont font = dict == null ? null : fonts.get(dict);
                        if (font == null) {
                            throw new IOException("a first-look page names a font the document did not make: " + name.getName());
                        }
                        getGraphicsState().getTextState().setFont(font);
                        getGraphicsState().getTextState().setFontSize(size.floatValue());
                        return;
                    }
                    super.processOperator(operator, operands);
                }
            };
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
