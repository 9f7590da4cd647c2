package org.safeguardingreport.render;

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

    /** The PDF's bytes and where its parts landed. */
    public record Report(byte[] pdf, PageIndex index) {
        public int pages() {
            return index.pages();
        }

        /** Each audit question's sorted, distinct evidence pages. */
        public Map<String, List<Integer>> citations() {
            return index.questions();
        }
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

    /** As above; {@code laidOut} hears the page index as soon as the layout is done, before the PDF is painted. */
    public static Optional<Report> build(Bundle bundle, boolean finalReport, ReportView.Result view, Diagnostics diags,
                                         java.util.function.Consumer<PageIndex> laidOut) throws IOException {
        Optional<String> xhtml = xhtml(bundle, view, diags);
        if (xhtml.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        // made once, when the layout is done; the embedded copy and the returned report use the same index
        java.util.concurrent.atomic.AtomicReference<PageIndex> index = new java.util.concurrent.atomic.AtomicReference<>();
        PdfWriter.PostProcess post = !finalReport ? PdfWriter.PostProcess.NONE : (doc, layout) -> {
            Map<String, byte[]> files = SourceFiles.of(bundle.root());
            files.putAll(SourceFiles.narrative(bundle.root()));
            files.put(PageIndex.FILE, index.get().toJson());
            SourceFiles.embed(files).apply(doc, layout);
        };
        PdfWriter.write(xhtml.get(), List.of(bundle.root()), anchors(bundle, view), !finalReport, view.charts(), post,
                finalReport, l -> {
                    index.set(PageIndex.of(l, view.anchors()));
                    laidOut.accept(index.get());
                }, out);
        return Optional.of(new Report(out.toByteArray(), index.get()));
    }

    /** The page index alone: the report laid out as {@link #build} would, without writing the PDF. */
    public static Optional<PageIndex> pages(Bundle bundle, boolean finalReport, Diagnostics diags) throws IOException {
        ReportView.Result view = ReportView.build(bundle, finalReport);
        Optional<String> xhtml = xhtml(bundle, view, diags);
        if (xhtml.isEmpty()) {
            return Optional.empty();
        }
        PdfWriter.Output layout = PdfWriter.layout(xhtml.get(), List.of(bundle.root()), anchors(bundle, view), view.charts(),
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
    static int byQuestion(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
