package org.safeguardingreport.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.pdf.PdfWriter;
import org.safeguardingreport.pdf.ReportLinks;
import org.safeguardingreport.html.Layout;
import org.safeguardingreport.html.ReportView;

/** The audit as a PDF, through the template's audit layout, its page references linked into the report. */
public final class AuditBuilder {
    public static final String REPORT_FILE = "annual-report.pdf";

    private AuditBuilder() {
    }

    /** Both editions of the audit, made from its one layout. */
    public record Editions(byte[] pdf, byte[] docx) {
    }

    public static Optional<byte[]> pdf(Bundle bundle, boolean finalReport, List<AuditView.Group> groups, int reportPages,
                                       Diagnostics diags) throws IOException {
        return editions(bundle, finalReport, groups, reportPages, false, diags).map(Editions::pdf);
    }

    /**
     * The audit's PDF and, when {@code word}, its Word edition, both from the template's audit layout
     * and stylesheet: the Word edition is written from the very document the PDF is laid out from.
     */
    public static Optional<Editions> editions(Bundle bundle, boolean finalReport, List<AuditView.Group> groups,
                                              int reportPages, boolean word, Diagnostics diags) throws IOException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("report", ReportView.reportInfo(bundle, finalReport));
        view.put("audit", Map.of("title", bundle.template().audit().title(),
                "instructions", bundle.template().audit().instructions()));
        view.put("groups", AuditView.asMaps(groups));
        view.put("summary", summary(groups));
        view.put("reportFile", REPORT_FILE);
        view.put("reportPages", reportPages);
        view.put("stylesheetHtml", bundle.template().auditStylesheet().content());
        Optional<String> xhtml = Layout.render(bundle.template().auditLayout().content(),
                bundle.template().auditLayout().file(), view, diags);
        if (xhtml.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        PdfWriter.PostProcess links = ReportLinks.to(REPORT_FILE);
        PdfWriter.PostProcess post = !finalReport ? links : (doc, layout) -> {
            links.apply(doc, layout);
            // the audit carries the report's data; the narrative travels in the report
            Map<String, byte[]> data = new java.util.LinkedHashMap<>(bundle.sources());
            data.keySet().removeIf(org.safeguardingreport.bundle.BundleFiles::isNarrative);
            org.safeguardingreport.pdf.SourceFiles.embed(data).apply(doc, layout);
        };
        byte[][] docx = new byte[1][];
        PdfWriter.Edition edition = !word ? PdfWriter.Edition.NONE : laid -> {
            try {
                docx[0] = org.safeguardingreport.word.XhtmlWord.write(laid, !finalReport, java.util.Map.of(),
                        bundle.template().wordReference());
            } catch (org.docx4j.openpackaging.exceptions.Docx4JException e) {
                throw new IOException("the audit's Word edition could not be written", e);
            }
        };
        PdfWriter.write(xhtml.get(), Map.of(), List.of(), !finalReport, Map.of(), post, finalReport, l -> { },
                edition, out);
        return Optional.of(new Editions(out.toByteArray(), docx[0]));
    }

    static Map<String, Object> summary(List<AuditView.Group> groups) {
        List<AuditView.Row> rows = groups.stream().flatMap(g -> g.rows().stream()).toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("questions", rows.size());
        s.put("answered", rows.stream().filter(r -> !r.answer().isEmpty()).count());
        s.put("evidenced", rows.stream().filter(r -> !r.pages().isEmpty()).count());
        s.put("gaps", rows.stream().filter(AuditView.Row::gap).count());
        return s;
    }
}
