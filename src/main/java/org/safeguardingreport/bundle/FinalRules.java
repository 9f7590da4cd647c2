package org.safeguardingreport.bundle;

import java.util.List;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.markdown.NarrativeReader;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.ReportMeta.BoardPaper;

/**
 * What a final (signed-off) report needs on top of a valid draft: the sign-off, a complete cover
 * sheet, no audit gap and no section still holding init's prompt. Each reason is its own error.
 */
public final class FinalRules {
    private FinalRules() {
    }

    public static void apply(Bundle bundle, Diagnostics diags) {
        if (!bundle.meta().signedOff()) {
            diags.error(ReportReader.FILE, bundle.place(ReportReader.FILE, "signOff"), "a final report needs signOff: approvedBy, role, body and date",
                    "add \"signOff\": { \"approvedBy\": \"...\", \"role\": \"Chief Executive\", \"body\": \"Trust Board\", "
                            + "\"date\": \"2024-07-25\" }");
        }
        BoardPaper paper = bundle.meta().boardPaper();
        List<String> missing = paper == null ? List.of("meeting", "date", "agendaItem", "presentedBy", "recommendation")
                : ReportReader.missingBoardPaperFields(paper);
        if (!missing.isEmpty()) {
            diags.error(ReportReader.FILE, bundle.place(ReportReader.FILE, "boardPaper"), "a final report needs the cover sheet's boardPaper "
                    + String.join(", ", missing), "fill them in under \"boardPaper\"");
        }
        List<String> gaps = bundle.gaps();
        for (String q : gaps) {
            String text = bundle.template().question(q).map(x -> x.text()).orElse("");
            diags.error(AuditReader.FILE, bundle.place(AuditReader.FILE, q), "audit question " + q + " has neither an answer nor evidence"
                    + (text.isEmpty() ? "" : ": \"" + text + "\""),
                    "answer it in audit.json, or mark the paragraph that answers it with {audit=" + q + "}");
        }
        for (Narrative n : bundle.sections().values()) {
            for (Narrative.PictureRef p : n.pictures()) {
                if (!p.usable()) {
                    diags.error(p.file(), p.pos(), "a final report cannot show a placeholder for the picture " + p.path(),
                            "put the picture in the bundle's images/ folder, or remove it");
                }
            }
            int line = 1;
            for (String l : n.text().lines().toList()) {
                if (l.strip().startsWith(NarrativeReader.PROMPT_PREFIX)) {
                    diags.error(n.file(), new Pos(line, 1), "a final report cannot hold the template's prompt",
                            "replace this line with the section's text");
                    break;
                }
                line++;
            }
        }
    }
}
