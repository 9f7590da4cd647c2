package org.safeguardingreport.html;

import org.safeguardingreport.pdf.PageIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.pdf.PdfWriter;
import org.safeguardingreport.pdf.SourceFiles;

/** Bundle to annual-report PDF: view, layout, PDF, and the pages the audit will cite. */
public final class ReportBuilder {

    /** The PDF's bytes, where its parts landed, and the proof of each evidence block's page. */
    public record Report(byte[] pdf, PageIndex index, List<Evidence> evidence) {
        public int pages() {
            return index.pages();
        }

        /** Each audit question's sorted, distinct evidence pages. */
        public Map<String, List<Integer>> citations() {
            return index.questions();
        }
    }

    /**
     * A marked block as cited: the questions it is evidence for, where it is written, the page on
     * which its first line of text is drawn, and the words of that line found on that page.
     */
    public record Evidence(List<String> questions, String file, int line, int page, String words) {
    }

    private ReportBuilder() {
    }

    public static Optional<Report> build(Bundle bundle, boolean finalReport, Diagnostics diags) throws IOException {
        return build(bundle, finalReport, ReportView.build(bundle, finalReport), diags);
    }

    /**
     * From a view already built (the Word edition uses the same one). A final report carries its
     * bundle's source files and its own page index.
     */
    public static Optional<Report> build(Bundle bundle, boolean finalReport, ReportView.Result view, Diagnostics diags)
            throws IOException {
        return build(bundle, finalReport, view, diags, index -> { });
    }

    /**
     * As above; {@code laidOut} hears the page index as soon as the layout is done, before the PDF is
     * painted and its pages proven (the proof may still move an evidence block's page, see
     * {@link org.safeguardingreport.pdf.PageProof}; the returned report has the proven index).
     */
    public static Optional<Report> build(Bundle bundle, boolean finalReport, ReportView.Result view, Diagnostics diags,
                                         java.util.function.Consumer<PageIndex> laidOut) throws IOException {
        return build(bundle, finalReport, view, diags, laidOut, PdfWriter.Edition.NONE);
    }

    /** As above; {@code edition} writes another edition (the Word report) from the same laid-out document. */
    public static Optional<Report> build(Bundle bundle, boolean finalReport, ReportView.Result view, Diagnostics diags,
                                         java.util.function.Consumer<PageIndex> laidOut, PdfWriter.Edition edition)
            throws IOException {
        return build(bundle, finalReport, view, diags, laidOut, edition, null);
    }

    /** As above; a {@code preview} (a draft only) makes the preview's quick pages, see {@link PdfWriter.Preview}. */
    public static Optional<Report> build(Bundle bundle, boolean finalReport, ReportView.Result view, Diagnostics diags,
                                         java.util.function.Consumer<PageIndex> laidOut, PdfWriter.Edition edition,
                                         PdfWriter.Preview preview) throws IOException {
        Optional<String> xhtml = xhtml(bundle, view, diags);
        if (xhtml.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        // a final report carries the index of its pages as proven against its own text
        PdfWriter.PostProcess post = !finalReport ? PdfWriter.PostProcess.NONE : (doc, proven) -> {
            Map<String, byte[]> files = new LinkedHashMap<>(bundle.sources());
            files.put(PageIndex.FILE, PageIndex.of(proven, view.anchors()).toJson());
            SourceFiles.embed(files).apply(doc, proven);
        };
        PdfWriter.Output proven = PdfWriter.write(xhtml.get(), bundle.pictures(), anchors(bundle, view), !finalReport,
                view.charts(), post, finalReport, l -> laidOut.accept(PageIndex.of(l, view.anchors())), edition, preview,
                out);
        List<Evidence> evidence = new ArrayList<>();
        for (NarrativeHtml.Anchor a : view.anchors()) {
            Integer page = proven.anchorPages().get(a.id());
            if (page != null) {
                evidence.add(new Evidence(a.questions(), a.file(), a.line(), page, proven.words().getOrDefault(a.id(), "")));
            }
        }
        return Optional.of(new Report(out.toByteArray(), PageIndex.of(proven, view.anchors()), List.copyOf(evidence)));
    }

    /** The page index alone: the report laid out as {@link #build} would, without writing the PDF. */
    public static Optional<PageIndex> pages(Bundle bundle, boolean finalReport, Diagnostics diags) throws IOException {
        ReportView.Result view = ReportView.build(bundle, finalReport);
        Optional<String> xhtml = xhtml(bundle, view, diags);
        if (xhtml.isEmpty()) {
            return Optional.empty();
        }
        PdfWriter.Output layout = PdfWriter.layout(xhtml.get(), bundle.pictures(), anchors(bundle, view), view.charts(),
                finalReport);
        return Optional.of(PageIndex.of(layout, view.anchors()));
    }

    private static Optional<String> xhtml(Bundle bundle, ReportView.Result view, Diagnostics diags) {
        Map<String, Object> model = new LinkedHashMap<>(view.view());
        model.put("stylesheetHtml", bundle.template().stylesheet().content());
        return Layout.render(bundle.template().layout().content(), bundle.template().layout().file(), model, diags);
    }

    private static List<String> anchors(Bundle bundle, ReportView.Result view) {
        List<String> sections = new ArrayList<>();
        bundle.template().sections().forEach(s -> sections.add(s.id()));
        bundle.sections().keySet().stream().filter(id -> !sections.contains(id)).forEach(sections::add);
        return PageIndex.anchors(sections, view.anchors());
    }

    /** "2.10" after "2.9": questions sort by standard, then number. */
    public static int byQuestion(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
