package org.safeguardingreport.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.pdf.PdfWriter;

/** Bundle to annual-report PDF: view, layout, PDF, and the pages the audit will cite. */
public final class ReportBuilder {

    /** The PDF's bytes, its page count, and each audit question's sorted, distinct pages. */
    public record Report(byte[] pdf, int pages, Map<String, List<Integer>> citations) {
    }

    private ReportBuilder() {
    }

    public static Optional<Report> build(Bundle bundle, boolean finalReport, Diagnostics diags) throws IOException {
        return build(bundle, finalReport, ReportView.build(bundle, finalReport), diags);
    }

    /** From a view already built (the Word edition uses the same one). */
    public static Optional<Report> build(Bundle bundle, boolean finalReport, ReportView.Result view, Diagnostics diags)
            throws IOException {
        Map<String, Object> model = new LinkedHashMap<>(view.view());
        model.put("stylesheetHtml", bundle.template().stylesheet().content());
        Optional<String> xhtml = Layout.render(bundle.template().layout().content(), bundle.template().layout().file(),
                model, diags);
        if (xhtml.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        view.anchors().forEach(a -> ids.add(a.id()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        PdfWriter.Output pdf = PdfWriter.write(xhtml.get(), bundle.root(), ids, !finalReport, view.charts(),
                finalReport ? org.safeguardingreport.pdf.SourceFiles.embed(org.safeguardingreport.pdf.SourceFiles.of(bundle.root()))
                        : doc -> { }, finalReport, out);
        Map<String, TreeSet<Integer>> pages = new TreeMap<>(ReportBuilder::byQuestion);
        for (NarrativeHtml.Anchor a : view.anchors()) {
            Integer page = pdf.anchorPages().get(a.id());
            if (page != null) {
                a.questions().forEach(q -> pages.computeIfAbsent(q, k -> new TreeSet<>()).add(page));
            }
        }
        Map<String, List<Integer>> citations = new LinkedHashMap<>();
        pages.forEach((q, p) -> citations.put(q, List.copyOf(p)));
        return Optional.of(new Report(out.toByteArray(), pdf.pages(), citations));
    }

    /** "2.10" after "2.9": questions sort by standard, then number. */
    static int byQuestion(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
