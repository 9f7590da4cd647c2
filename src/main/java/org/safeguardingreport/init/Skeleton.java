package org.safeguardingreport.init;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.markdown.NarrativeReader;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.model.Template;

/**
 * Writes a new bundle that passes {@code check} as a draft: report.json, one file per section holding
 * a one-line prompt, an empty data file for the year, and audit.json with every question unanswered.
 * Everything is written into a temporary folder first and moved into place at the end, so a
 * failure leaves nothing half-written.
 */
public final class Skeleton {
    private Skeleton() {
    }

    public static void write(Path dir, Template template, String provider, ReportingYear year) throws IOException {
        Path tmp = org.safeguardingreport.text.Folders.stagingBeside(dir, "init");
        try {
            Files.writeString(tmp.resolve("report.json"), JsonWriter.writeAsTyped(report(template, provider, year)));
            Path narrative = Files.createDirectory(tmp.resolve("narrative"));
            for (Template.SectionSpec s : template.sections()) {
                String prompt = s.prompt() == null || s.prompt().isBlank()
                        ? "write the " + template.heading(s.id()) + " section here." : s.prompt();
                Files.writeString(narrative.resolve(s.id() + ".md"),
                        // the heading comes from the template: the file holds the section's text alone
                        NarrativeReader.PROMPT_PREFIX + " " + prompt + "_\n");
            }
            Path data = Files.createDirectory(tmp.resolve("data"));
            Map<String, Object> yearFile = new LinkedHashMap<>();
            yearFile.put("reportingYear", year.label());
            yearFile.put("quarters", Map.of());
            yearFile.put("annual", Map.of());
            Files.writeString(data.resolve(year.fileStem() + ".json"), JsonWriter.writeAsTyped(yearFile));
            Files.writeString(tmp.resolve("audit.json"), JsonWriter.writeAsTyped(audit(template)));
            Files.createDirectory(tmp.resolve("images"));
            if (Files.isDirectory(dir)) {
                Files.delete(dir); // empty, checked by the caller
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
        } finally {
            org.safeguardingreport.text.Folders.deleteTree(tmp);
        }
    }

    private static Map<String, Object> report(Template template, String provider, ReportingYear year) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", provider);
        p.put("odsCode", "");
        Map<String, Object> paper = new LinkedHashMap<>();
        paper.put("meeting", "Trust Board");
        paper.put("date", null);
        paper.put("agendaItem", null);
        paper.put("presentedBy", null);
        paper.put("recommendation", "note");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("provider", p);
        r.put("reportingYear", year.label());
        r.put("template", template.name());
        r.put("title", template.title() + " " + year.label());
        r.put("authors", List.of());
        r.put("boardPaper", paper);
        r.put("signOff", null);
        return r;
    }

    private static Map<String, Object> audit(Template template) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (Template.AuditQuestion q : template.audit().questions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("question", q.text() + (q.items().isEmpty() ? "" : " " + String.join("; ", q.items())));
            entry.put("answer", null);
            entry.put("comment", null);
            a.put(q.id(), entry);
        }
        return a;
    }
}
