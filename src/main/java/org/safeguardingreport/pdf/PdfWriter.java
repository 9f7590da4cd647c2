package org.safeguardingreport.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Lays out the report's XHTML with openhtmltopdf and writes a tagged (PDF/UA) A4 PDF with the
 * shipped fonts embedded. The layout is done once: the pages on which anchored blocks start are
 * read from it before the PDF is written from the same layout. Nothing outside the bundle's
 * images/ folder and the jar can be read, and no network connection is ever opened.
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

    /** The number of pages and, for each anchor asked about, the 1-based page on which its block starts. */
    public record Output(int pages, Map<String, Integer> anchorPages) {
    }

    private PdfWriter() {
    }

    static {
        // the library's own progress messages never reach the user's terminal
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    /** Work on the finished document before it is saved. */
    public interface PostProcess {
        void apply(PDDocument doc) throws IOException;
    }

    public static Output write(String xhtml, Path bundleRoot, List<String> anchors, boolean draft, OutputStream out)
            throws IOException {
        return write(xhtml, bundleRoot, anchors, draft, java.util.Map.of(), doc -> { }, out);
    }

    /** @param charts the charts that the XHTML's chart objects refer to, by id */
    public static Output write(String xhtml, Path bundleRoot, List<String> anchors, boolean draft,
                               java.util.Map<String, org.safeguardingreport.chart.Chart> charts, PostProcess post,
                               OutputStream out) throws IOException {
        return write(xhtml, bundleRoot, anchors, draft, charts, post, false, out);
    }

    /** @param archival a PDF/A-3a document (tagged, sRGB output intent), as final reports are */
    public static Output write(String xhtml, Path bundleRoot, List<String> anchors, boolean draft,
                               java.util.Map<String, org.safeguardingreport.chart.Chart> charts, PostProcess post,
                               boolean archival, OutputStream out) throws IOException {
        Path root = bundleRoot.toRealPath();
        Path images = root.resolve("images");
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        // docx4j puts Xalan on the class path; the layout keeps to the JDK's own XML parsers
        b.useDocumentBuilderFactoryImplementationClass("com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        b.useTransformerFactoryImplementationClass("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        b.usePdfUaAccessibility(true);
        if (archival) {
            b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
            b.useColorProfile(java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData());
        }
        b.withProducer(PRODUCER);
        for (String[] f : FONTS) {
            String resource = "/fonts/" + f[1];
            b.useFont(() -> PdfWriter.class.getResourceAsStream(resource), f[0], Integer.valueOf(f[2]),
                    BaseRendererBuilder.FontStyle.valueOf(f[3]), true, EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT));
        }
        b.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        b.useUnicodeBidiReorderer(new ICUBidiReorderer());
        b.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
        b.useUriResolver((base, uri) -> resolve(root, images, uri));
        b.useExternalResourceAccessControl((uri, type) -> inside(images, uri), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        b.useHttpStreamImplementation(url -> NOTHING);
        b.useObjectDrawerFactory(new ChartDrawers(charts));
        b.withHtmlContent(xhtml, root.toUri().toString());
        b.toStream(out);
        try (PdfBoxRenderer r = b.buildPdfRenderer()) {
            r.layout();
            List<PageBox> pages = r.getRootBox().getLayer().getPages();
            Map<String, Integer> found = new LinkedHashMap<>();
            for (String id : anchors) {
                Box box = r.getSharedContext().getBoxById(id);
                if (box != null) {
                    found.put(id, pageOf(pages, box.getAbsY()));
                }
            }
            PDDocument doc = r.createPDFKeepOpen();
            if (draft) {
                Watermark.apply(doc);
            }
            post.apply(doc);
            describeLinks(doc);
            doc.save(out);
            return new Output(pages.size(), found);
        }
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

    /** The 1-based number of the page whose area holds document position {@code y}. */
    static int pageOf(List<PageBox> pages, int y) {
        for (PageBox p : pages) {
            if (y >= p.getTop() && y < p.getBottom()) {
                return p.getPageNo() + 1;
            }
        }
        return pages.isEmpty() ? 0 : pages.get(pages.size() - 1).getPageNo() + 1;
    }

    /** A picture of the bundle's images/ folder, as a file URI; anything else is refused. */
    static String resolve(Path root, Path images, String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(uri);
            Path p;
            if (u.getScheme() == null) {
                p = root.resolve(u.getPath()).normalize();
            } else if ("file".equals(u.getScheme())) {
                p = Paths.get(u).normalize();
            } else {
                return null;
            }
            if (!Files.isRegularFile(p)) {
                return null;
            }
            Path real = p.toRealPath();
            return real.startsWith(images.toRealPath()) ? real.toUri().toString() : null;
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    static boolean inside(Path images, String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) && Paths.get(u).toRealPath().startsWith(images.toRealPath());
        } catch (IllegalArgumentException | IOException e) {
            return false;
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
