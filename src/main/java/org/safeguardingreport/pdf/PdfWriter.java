package org.safeguardingreport.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out the report's XHTML with openhtmltopdf and writes a tagged (PDF/UA) A4 PDF with the
 * shipped fonts embedded. The layout is done once: the pages on which anchored blocks start are
 * read from it before the PDF is written from the same layout. The document shows the pictures it
 * is given and nothing else: no file is read and no network connection is ever opened.
 */
public final class PdfWriter {
    public static final String PRODUCER = "safeguarding-report";

    /** Families the stylesheets may name, in fallback order, with their shipped faces. */
    private static final List<String[]> FONTS = List.of(
            new String[] {"Liberation Sans", "LiberationSans-Regular.ttf", "400", "NORMAL"},
            new String[] {"Liberation Sans", "LiberationSans-Bold.ttf", "700", "NORMAL"},
            new String[] {"Liberation Sans", "LiberationSans-Italic.ttf", "400", "ITALIC"},
            new String[] {"Liberation Sans", "LiberationSans-BoldItalic.ttf", "700", "ITALIC"},
            new String[] {"Noto Sans Arabic", "NotoSansArabic-Regular.ttf", "400", "NORMAL"},
            new String[] {"Noto Sans Arabic", "NotoSansArabic-Bold.ttf", "700", "NORMAL"},
            new String[] {"DejaVu Sans", "DejaVuSans.ttf", "400", "NORMAL"},
            new String[] {"DejaVu Sans", "DejaVuSans-Bold.ttf", "700", "NORMAL"});

    /**
     * The number of pages and, for each anchor asked about, the 1-based page on which its block's
     * first line of text is drawn, and that line's words (empty when the block has no text).
     */
    public record Output(int pages, Map<String, Integer> anchorPages, Map<String, String> words) {
    }

    /** The painted pages do not bear out where the layout put some anchored blocks; nothing may be published. */
    public static final class UnprovenPages extends IllegalStateException {
        private final transient List<PageProof.Failure> failures;

        UnprovenPages(List<PageProof.Failure> failures) {
            super(failures.size() + " anchored block(s) are not on the page the layout gave them; first: "
                    + failures.get(0).id() + " (" + failures.get(0).reason() + ")");
            this.failures = List.copyOf(failures);
        }

        public List<PageProof.Failure> failures() {
            return failures;
        }
    }

    private PdfWriter() {
    }

    static {
        // the library's own progress messages never reach the user's terminal
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    /**
     * A laid-out document, for writing another edition of it while the layout is open: its XHTML
     * tree, each element's computed style, and each element's laid-out width.
     */
    public interface Laid {
        org.w3c.dom.Document document();

        com.openhtmltopdf.css.style.CalculatedStyle style(org.w3c.dom.Element e);

        /** The element's laid-out border-box width, in the layout's units (0 when it has no box). */
        int width(org.w3c.dom.Element e);

        /** The element's computed font size, in points. */
        float fontPoints(org.w3c.dom.Element e);

        /** The bytes of a picture the document shows, by its {@code src}; null for any other. */
        byte[] picture(String src);
    }

    /** Told of the laid-out document once the layout is done, before the pages are painted. */
    public interface Edition {
        Edition NONE = laid -> { };

        void write(Laid laid) throws IOException;
    }

    private static Laid laid(PdfBoxRenderer r, Map<org.w3c.dom.Element, Box> boxes, Map<String, byte[]> pictures) {
        return new Laid() {
            @Override
            public byte[] picture(String src) {
                return src == null ? null : pictures.get(src);
            }

            @Override
            public org.w3c.dom.Document document() {
                return r.getDocument();
            }

            @Override
            public com.openhtmltopdf.css.style.CalculatedStyle style(org.w3c.dom.Element e) {
                return r.getSharedContext().getStyle(e);
            }

            @Override
            public int width(org.w3c.dom.Element e) {
                Box b = boxes.get(e);
                return b == null ? 0 : b.getWidth();
            }

            @Override
            public float fontPoints(org.w3c.dom.Element e) {
                // the layout counts in dots: dotsPerPixel to a CSS pixel, and a pixel is three quarters of a point
                return style(e).getFont(css).size / (r.getSharedContext().getDotsPerPixel() * 4f / 3f);
            }

            private final com.openhtmltopdf.layout.LayoutContext css = r.getSharedContext().newLayoutContextInstance();
        };
    }

    /** Work on the finished document before it is saved, knowing where its anchors landed. */
    public interface PostProcess {
        PostProcess NONE = (doc, layout) -> { };

        void apply(PDDocument doc, Output layout) throws IOException;
    }

    /**
     * @param pictures the pictures the document may show, by the URI its {@code <img src>} gives (nothing else is read)
     * @param archival a PDF/A-3a document (tagged, sRGB output intent), as final reports are
     */
    public static Output write(String xhtml, java.util.Map<String, byte[]> pictures, List<String> anchors, boolean draft,
                               java.util.Map<String, org.safeguardingreport.chart.Chart> charts, PostProcess post,
                               boolean archival, OutputStream out) throws IOException {
        return write(xhtml, pictures, anchors, draft, charts, post, archival, laidOut -> { }, out);
    }

    /**
     * As above; {@code laidOut} hears where the anchors landed as soon as the layout is done, before
     * the pages are painted and saved (work that needs only the page numbers can start then).
     */
    public static Output write(String xhtml, java.util.Map<String, byte[]> pictures, List<String> anchors, boolean draft,
                               java.util.Map<String, org.safeguardingreport.chart.Chart> charts, PostProcess post,
                               boolean archival, java.util.function.Consumer<Output> laidOut, OutputStream out)
            throws IOException {
        return write(xhtml, pictures, anchors, draft, charts, post, archival, laidOut, Edition.NONE, out);
    }

    /** As above; {@code edition} writes another edition from the laid-out document before the pages are painted. */
    public static Output write(String xhtml, java.util.Map<String, byte[]> pictures, List<String> anchors, boolean draft,
                               java.util.Map<String, org.safeguardingreport.chart.Chart> charts, PostProcess post,
                               boolean archival, java.util.function.Consumer<Output> laidOut, Edition edition,
                               OutputStream out) throws IOException {
        return write(xhtml, pictures, anchors, draft, charts, post, archival, laidOut, edition, null, out);
    }

    /**
     * A preview's pages, as soon as they are saved: the same layout and the same pages, made to be
     * looked at rather than kept. The PDF is not tagged and shows its charts as pictures (drawn once
     * for equal data); it is saved, and {@link #saved} told, before its pages are proven, which
     * happens next as for any report.
     */
    public interface Preview {
        /** The PDF as saved, and each page's {@link PageVersions version}, in page order. */
        void saved(byte[] pdf, List<String> pageVersions) throws IOException;

        /** The last build's page prints ({@link FirstLook}); null when there was none. */
        default List<String> lastPrints() {
            return null;
        }

        /** This build's page prints, for the next build's first look. */
        default void printed(List<String> prints) {
        }

        /**
         * The few pages whose layout changed since the last build, painted ahead of the rest (see
         * {@link FirstLook}); told before {@link #saved}, and only when so few changed. The painter
         * works only during this call.
         */
        default void firstLook(FirstLook.Pages pages) throws IOException {
        }
    }

    /** As above; a {@code preview} (null for a report) makes a draft's quick pages, see {@link Preview}. */
    public static Output write(String xhtml, java.util.Map<String, byte[]> pictures, List<String> anchors, boolean draft,
                               java.util.Map<String, org.safeguardingreport.chart.Chart> charts, PostProcess post,
                               boolean archival, java.util.function.Consumer<Output> laidOut, Edition edition,
                               Preview preview, OutputStream out) throws IOException {
        if (preview != null && (archival || post != PostProcess.NONE)) {
            throw new IllegalArgumentException("a preview is a draft: not archival, nothing added after the proof");
        }
        FontSet fonts = FontSet.borrow();
        List<ShippedFont> shipped = new java.util.ArrayList<>();
        PdfRendererBuilder b = builder(xhtml, pictures, charts, archival, fonts, preview != null, shipped);
        b.toStream(out);
        try (PdfBoxRenderer r = b.buildPdfRenderer()) {
            LaidOut laid = layout(r, anchors);
            laidOut.accept(laid.output());
            edition.write(laid(r, laid.boxes(), pictures));
            PDType0Font mark = preview == null ? null
                    : firstLook(r, preview, charts, pictures, draft, fonts, shipped, xhtml);
            PDDocument doc = r.createPDFKeepOpen();
            if (preview != null) {
                if (draft) {
                    Watermark.apply(doc, mark != null ? mark : fonts.load(doc, "LiberationSans-Bold.ttf"));
                }
                List<String> versions = PageVersions.of(doc);
                java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream(1 << 20);
                doc.save(saved, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
                preview.saved(saved.toByteArray(), versions);
                Output proven = prove(doc, laid, linkTargets(r));
                saved.writeTo(out);
                return proven;
            }
            Output proven = prove(doc, laid, linkTargets(r));
            if (draft) {
                Watermark.apply(doc, fonts.load(doc, "LiberationSans-Bold.ttf"));
            }
            post.apply(doc, proven);
            describeLinks(doc);
            doc.save(out);
            return proven;
        } finally {
            fonts.giveBack();
        }
    }

    /**
     * A preview's first look ({@link FirstLook}): when only a few pages' layout changed since the last
     * build, those pages are painted ahead, shown, and removed again before the whole document is
     * painted. Returns the draft mark's font when it was made here (the whole document uses it too).
     */
    private static PDType0Font firstLook(PdfBoxRenderer r, Preview preview,
                                         java.util.Map<String, org.safeguardingreport.chart.Chart> charts,
                                         java.util.Map<String, byte[]> pictures, boolean draft,
                                         FontSet fonts, List<ShippedFont> shipped, String xhtml) throws IOException {
        List<String> prints = FirstLook.prints(r, charts, pictures);
        List<Integer> ahead = FirstLook.changed(preview.lastPrints(), prints);
        preview.printed(prints);
        if (ahead.isEmpty()) {
            return null;
        }
        PDDocument doc = r.getPdfDocument();
        List<org.apache.pdfbox.pdmodel.PDPage> painted = FirstLook.paint(r, doc, ahead, rightToLeft(xhtml));
        List<PDFont> live = new java.util.ArrayList<>();
        PDType0Font mark = null;
        if (draft) {
            mark = fonts.load(doc, "LiberationSans-Bold.ttf");
            Watermark.apply(doc, mark);
            live.add(mark);
        }
        for (ShippedFont f : shipped) {
            if (f.font != null) {
                live.add(f.font);
            }
        }
        List<String> versions = new java.util.ArrayList<>();
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < painted.size(); i++) {
            versions.add(PageVersions.of(painted.get(i)));
            numbers.add(ahead.get(i) + 1);
        }
        FirstLook.Renderer renderer = new FirstLook.Renderer(doc, live);
        try {
            preview.firstLook(new FirstLook.Pages(List.copyOf(numbers), List.copyOf(versions),
                    painted.stream().map(org.apache.pdfbox.pdmodel.PDPage::getCropBox).toList(),
                    (n, dpi) -> renderer.paint(numbers.indexOf(n), dpi)));
        } finally {
            for (org.apache.pdfbox.pdmodel.PDPage p : painted) {
                doc.removePage(p);
            }
        }
        return mark;
    }

    /**
     * Lays the document out and reports its page count and where the anchors landed, without writing
     * a PDF: the same pages {@link #write} would produce, at a fraction of the cost.
     */
    public static Output layout(String xhtml, java.util.Map<String, byte[]> pictures, List<String> anchors,
                                java.util.Map<String, org.safeguardingreport.chart.Chart> charts, boolean archival)
            throws IOException {
        FontSet fonts = FontSet.borrow();
        PdfRendererBuilder b = builder(xhtml, pictures, charts, archival, fonts);
        b.toStream(OutputStream.nullOutputStream());
        try (PdfBoxRenderer r = b.buildPdfRenderer()) {
            return layout(r, anchors).output();
        } finally {
            fonts.giveBack();
        }
    }

    /** The layout's answer, with each anchored block's text for the proof. */
    private record LaidOut(Output output, Map<String, String> blockTexts, Map<org.w3c.dom.Element, Box> boxes) {
    }

    private static LaidOut layout(PdfBoxRenderer r, List<String> anchors) {
        r.layout();
        List<PageBox> pages = r.getRootBox().getLayer().getPages();
        Map<String, Integer> found = new LinkedHashMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<org.w3c.dom.Element, Box> boxes = TextStart.boxesByElement(r.getRootBox());
        Map<String, Box> ids = TextStart.boxesById(boxes);
        for (String id : anchors) {
            Box box = ids.get(id);
            if (box != null) {
                TextStart.Start start = TextStart.of(box);
                found.put(id, pageOf(pages, start.line().getAbsY()));
                words.put(id, start.words());
                texts.put(id, start.blockText());
            }
        }
        TextStart.anchorIdsAtText(r.getSharedContext(), ids, pages);
        return new LaidOut(new Output(pages.size(), found, words), texts, boxes);
    }

    /**
     * The layout's pages, proven against the painted text ({@link PageProof}). A block whose words
     * are found on one other page only is moved there, unless something painted in this PDF (a
     * contents entry, a link, a bookmark) already points at it.
     */
    private static Output prove(PDDocument doc, LaidOut laid, java.util.Set<String> painted) throws IOException {
        List<PageProof.Claim> claims = new java.util.ArrayList<>();
        laid.output().anchorPages().forEach((id, page) ->
                claims.add(new PageProof.Claim(id, page, laid.output().words().get(id), laid.blockTexts().get(id))));
        PageProof.Result r = PageProof.check(doc, claims);
        List<PageProof.Failure> failures = new java.util.ArrayList<>(r.failures());
        r.pages().forEach((id, page) -> {
            int laidPage = laid.output().anchorPages().get(id);
            if (page != laidPage && painted.contains(id)) {
                failures.add(new PageProof.Failure(id, laidPage, r.words().get(id),
                        "its first words are drawn on page " + page + ", and this PDF points to page " + laidPage));
            }
        });
        if (!failures.isEmpty()) {
            doc.close();
            throw new UnprovenPages(failures);
        }
        return new Output(laid.output().pages(), r.pages(), laid.output().words());
    }

    /** The ids that links and bookmarks of the document point at: their pages are painted into the PDF. */
    private static java.util.Set<String> linkTargets(PdfBoxRenderer r) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        org.w3c.dom.Document d = r.getDocument();
        for (String tag : new String[] {"a", "bookmark"}) {
            org.w3c.dom.NodeList l = d.getElementsByTagName(tag);
            for (int i = 0; i < l.getLength(); i++) {
                String href = ((org.w3c.dom.Element) l.item(i)).getAttribute("href");
                if (href.startsWith("#")) {
                    ids.add(href.substring(1));
                }
            }
        }
        return ids;
    }

    private static PdfRendererBuilder builder(String xhtml, java.util.Map<String, byte[]> pictures,
                                              java.util.Map<String, org.safeguardingreport.chart.Chart> charts,
                                              boolean archival, FontSet fonts) {
        return builder(xhtml, pictures, charts, archival, fonts, false, new java.util.ArrayList<>());
    }

    /** {@code shipped} receives the document's fonts as the builder is given them. */
    private static PdfRendererBuilder builder(String xhtml, java.util.Map<String, byte[]> pictures,
                                              java.util.Map<String, org.safeguardingreport.chart.Chart> charts,
                                              boolean archival, FontSet fonts, boolean preview,
                                              List<ShippedFont> shipped) {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        // docx4j puts Xalan on the class path; the layout keeps to the JDK's own XML parsers
        b.useDocumentBuilderFactoryImplementationClass("com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        b.useTransformerFactoryImplementationClass("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        // a preview is looked at, not kept: its structure tree would cost a third of its pages' time
        b.usePdfUaAccessibility(!preview);
        if (archival) {
            b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
            b.useColorProfile(java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData());
        }
        b.withProducer(PRODUCER);
        PDDocument doc = new PDDocument();
        b.usePDDocument(doc);
        b.useObjectDrawerFactory(preview ? ChartDrawers.pictures(charts, doc) : new ChartDrawers(charts));
        // the shipped fonts' metrics, measured once per process rather than once per document
        b.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
        for (String[] f : FONTS) {
            ShippedFont font = new ShippedFont(doc, fonts, f[1]);
            shipped.add(font);
            b.useFont(font, f[0], Integer.valueOf(f[2]), BaseRendererBuilder.FontStyle.valueOf(f[3]), true);
        }
        if (rightToLeft(xhtml)) {
            // only then: splitting every paragraph for the bidi algorithm is a tenth of a layout
            b.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            b.useUnicodeBidiReorderer(new ICUBidiReorderer());
        }
        // lines break where Unicode's line-breaking rules (UAX #14, ICU) allow: never inside "2023/24",
        // before the "%" of "94.3%" or at the apostrophe of "children's", as the JDK's breaker would
        b.useUnicodeLineBreaker(new com.openhtmltopdf.bidi.support.ICUBreakers.ICULineBreaker(java.util.Locale.UK));
        b.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
        b.useUriResolver((base, uri) -> uri != null && pictures.containsKey(uri) ? uri : null);
        b.useExternalResourceAccessControl((uri, type) -> pictures.containsKey(uri),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        b.useProtocolsStreamImplementation(uri -> new Picture(pictures.get(uri)), PICTURE_SCHEME);
        b.useProtocolsStreamImplementation(url -> NOTHING, "file", "jar", "http", "https", "ftp");
        b.withHtmlContent(xhtml, PICTURE_SCHEME + ":/");
        return b;
    }

    /**
     * A font from the jar, loaded into the document when the layout first asks for it. PDFBox's
     * glyph substitution is switched off: it would recompile a pattern of every ligature for each
     * run of text (most of the cost of writing a page), and the layout measures text without
     * ligatures anyway, so the drawn text now matches the measured width.
     */
    private static final class ShippedFont extends PDFontSupplier {
        private final PDDocument doc;
        private final FontSet fonts;
        private final String file;
        private PDFont font;

        ShippedFont(PDDocument doc, FontSet fonts, String file) {
            super(null);
            this.doc = doc;
            this.fonts = fonts;
            this.file = file;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = fonts.load(doc, file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("the shipped font " + file + " cannot be read", e);
                }
            }
            return font;
        }
    }

    /**
     * Parsed shipped fonts, lent to one document at a time: parsing costs more than laying out a
     * page, and a parsed font is only read (its glyphs copied into each document's subset when it is
     * saved), but not by two threads at once. Sets are kept for the next document, on any thread.
     */
    static final class FontSet {
        private static final java.util.concurrent.ConcurrentLinkedDeque<FontSet> FREE =
                new java.util.concurrent.ConcurrentLinkedDeque<>();
        private final Map<String, TrueTypeFont> parsed = new java.util.HashMap<>();

        static FontSet borrow() {
            FontSet s = FREE.pollFirst();
            return s != null ? s : new FontSet();
        }

        void giveBack() {
            FREE.offerFirst(this);
        }

        /** A shipped font (by file name) for {@code doc}, embedded as a subset, without glyph substitution. */
        PDType0Font load(PDDocument doc, String file) throws IOException {
            TrueTypeFont ttf = parsed.get(file);
            if (ttf == null) {
                ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes(file)));
                ttf.setEnableGsub(false);
                parsed.put(file, ttf);
            }
            return PDType0Font.load(doc, ttf, true);
        }
    }

    private static final Map<String, byte[]> FONT_BYTES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The metrics of the shipped fonts (by family, weight and style), shared by every document. */
    private static final com.openhtmltopdf.extend.impl.FSDefaultCacheStore FONT_METRICS =
            new com.openhtmltopdf.extend.impl.FSDefaultCacheStore();

    /** A shipped font file's bytes, read from the jar once per process. */
    static byte[] bytes(String file) {
        return FONT_BYTES.computeIfAbsent(file, f -> {
            try (InputStream in = PdfWriter.class.getResourceAsStream("/fonts/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + f + " is missing from the jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** PDF/UA: every link annotation says where it goes in its Contents. */
    static void describeLinks(PDDocument doc) throws IOException {
        for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
            for (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation a : page.getAnnotations()) {
                if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink l
                        && (l.getContents() == null || l.getContents().isBlank())) {
                    var action = l.getAction();
                    String text;
                    if (action instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI u) {
                        text = "Link to " + u.getURI();
                    } else if (action instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo r) {
                        text = "Open " + (r.getFile() == null ? "the report" : r.getFile().getFile()) + " at the cited page";
                    } else {
                        text = "Go to another part of this document";
                    }
                    l.setContents(text);
                }
            }
        }
    }

    /**
     * Whether the document has any right-to-left text (Arabic, Hebrew, ...), a bidi control or a
     * right-to-left direction: left-to-right text alone lays out the same without the bidi algorithm.
     */
    static boolean rightToLeft(String xhtml) {
        for (int i = 0; i < xhtml.length(); ) {
            int c = xhtml.codePointAt(i);
            switch (Character.getDirectionality(c)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                     Character.DIRECTIONALITY_ARABIC_NUMBER, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                     Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING, Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                     Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                     Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> {
                    return true;
                }
                default -> {
                }
            }
            i += Character.charCount(c);
        }
        return RTL_MARKUP.matcher(xhtml).find();
    }

    private static final java.util.regex.Pattern RTL_MARKUP = java.util.regex.Pattern.compile(
            "dir\\s*=\\s*[\"']?\\s*(rtl|auto)|direction\\s*:\\s*rtl|<bd[io][\\s>]",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The 1-based number of the page whose area holds document position {@code y}. */
    static int pageOf(List<PageBox> pages, int y) {
        for (PageBox p : pages) {
            if (y >= p.getTop() && y < p.getBottom()) {
                return p.getPageNo() + 1;
            }
        }
        return pages.isEmpty() ? 0 : pages.get(pages.size() - 1).getPageNo() + 1;
    }

    /** How a document names the pictures it is given (see {@code Bundle.pictureUri}). */
    public static final String PICTURE_SCHEME = "picture";

    /** A picture the document was given, as the layout reads it. */
    private record Picture(byte[] bytes) implements FSStream {
        @Override
        public InputStream getStream() {
            return bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public Reader getReader() {
            return null;
        }
    }

    private static final FSStream NOTHING = new FSStream() {
        @Override
        public InputStream getStream() {
            return null;
        }

        @Override
        public Reader getReader() {
            return null;
        }
    };
}
