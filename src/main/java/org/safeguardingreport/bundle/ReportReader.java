package org.safeguardingreport.bundle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.json.Fields;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonNumber;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.model.ReportMeta;
import org.safeguardingreport.model.ReportMeta.Author;
import org.safeguardingreport.model.ReportMeta.BoardPaper;
import org.safeguardingreport.model.ReportMeta.Provider;
import org.safeguardingreport.model.ReportMeta.SignOff;
import org.safeguardingreport.model.ReportingYear;

/** Reads report.json. Whatever can be read is kept, so the rest of the bundle can still be checked. */
final class ReportReader {
    static final String FILE = "report.json";
    static final List<String> RECOMMENDATIONS = List.of("note", "approve", "discuss");
    private static final List<String> KEYS = List.of("provider", "reportingYear", "template", "title", "authors",
            "boardPaper", "signOff", "servicesNotProvided", "logo");

    /** {@code meta} is null when the provider or the year cannot be read; the template name may still be known. */
    record Parsed(ReportMeta meta, ReportingYear year, String template, Pos templatePos) {
    }

    private ReportReader() {
    }

    static Parsed read(JsonObject root, Diagnostics diags) {
        Fields r = new Fields(root, FILE, "report.json", diags);
        r.onlyKeys(KEYS);

        Provider provider = r.obj("provider", true).map(o -> provider(o, diags)).orElse(null);
        ReportingYear year = r.text("reportingYear", true).flatMap(y -> {
            Optional<ReportingYear> ry = ReportingYear.parseLabel(y);
            if (ry.isEmpty()) {
                diags.error(FILE, root.get("reportingYear").pos(), "reportingYear \"" + y + "\" is not a financial year",
                        "write the NHS financial year as YYYY/YY, e.g. \"2023/24\" (1 April 2023 to 31 March 2024)");
            }
            return ry;
        }).orElse(null);
        Optional<String> template = r.text("template", false);
        if (template.isEmpty() && !r.has("template")) {
            diags.error(FILE, root.pos(), "report.json has no \"template\"",
                    "add \"template\": \"dorset-2019\" (or \"somerset-2018\")");
        }
        Pos templatePos = r.has("template") ? root.get("template").pos() : root.pos();
        String title = r.text("title", false).orElse(null);

        List<Author> authors = new ArrayList<>();
        for (JsonValue v : r.list("authors", false).orElse(List.of())) {
            Fields.asObject(v, FILE, "each author", diags).ifPresent(o -> {
                Fields a = new Fields(o, FILE, "the author", diags);
                a.onlyKeys(List.of("name", "role"));
                a.text("name", true).ifPresent(n -> authors.add(new Author(n, a.text("role", false).orElse(null))));
            });
        }
        if (authors.isEmpty()) {
            diags.warning(FILE, root.pos(), "report.json names no authors: the cover sheet's author line will be empty",
                    "add \"authors\": [ { \"name\": \"...\", \"role\": \"Named Nurse Safeguarding Children\" } ]");
        }

        BoardPaper boardPaper = r.obj("boardPaper", false).map(o -> boardPaper(o, diags)).orElse(null);
        if (!r.has("boardPaper")) {
            diags.warning(FILE, root.pos(), "report.json has no boardPaper: the cover sheet will be blank",
                    "add \"boardPaper\": { \"meeting\": ..., \"date\": ..., \"agendaItem\": ..., \"presentedBy\": ..., "
                            + "\"recommendation\": \"note\" }");
        }
        SignOff signOff = r.obj("signOff", false).map(o -> signOff(o, year, diags)).orElse(null);
        List<String> notProvided = new ArrayList<>();
        List<String> services = org.safeguardingreport.model.Services.all();
        for (JsonValue v : r.list("servicesNotProvided", false).orElse(List.of())) {
            if (!(v instanceof JsonValue.JsonString s)) {
                diags.error(FILE, v.pos(), "each of \"servicesNotProvided\" is a service's name, not " + v.describe(),
                        "services: " + String.join(", ", services));
            } else if (!services.contains(s.value())) {
                String hint = org.safeguardingreport.text.Suggest.didYouMean(s.value(), services);
                diags.error(FILE, v.pos(), "unknown service \"" + s.value() + "\"",
                        (hint != null ? hint + " " : "") + "services: " + String.join(", ", services));
            } else if (!notProvided.contains(s.value())) {
                notProvided.add(s.value());
            }
        }

        ReportMeta.Logo logo = r.obj("logo", false).map(o -> {
            Fields l = new Fields(o, FILE, "the logo", diags);
            l.onlyKeys(List.of("file", "alt"));
            Optional<String> file = l.text("file", true);
            Optional<String> alt = l.text("alt", true);
            return file.isPresent() && alt.isPresent() ? new ReportMeta.Logo(file.get(), alt.get(), o.get("file").pos()) : null;
        }).orElse(null);
        ReportMeta meta = provider == null || year == null ? null
                : new ReportMeta(provider, year, template.orElse(null),
                        title != null ? title : "Safeguarding Children Annual Report " + year.label(),
                        List.copyOf(authors), boardPaper, signOff, List.copyOf(notProvided), logo);
        return new Parsed(meta, year, template.orElse(null), templatePos);
    }

    private static Provider provider(JsonObject o, Diagnostics diags) {
        Fields p = new Fields(o, FILE, "provider", diags);
        p.onlyKeys(List.of("name", "odsCode"));
        Optional<String> name = p.text("name", true);
        Optional<String> ods = p.text("odsCode", false);
        if (ods.isPresent() && !ods.get().matches("[A-Za-z0-9]{3,10}")) {
            diags.error(FILE, o.get("odsCode").pos(), "odsCode \"" + ods.get() + "\" is not an ODS code",
                    "ODS codes are 3 to 10 letters and digits, e.g. \"RNW\"");
        }
        return name.map(n -> new Provider(n, ods.map(s -> s.toUpperCase(java.util.Locale.ROOT)).orElse(null)))
                .orElse(null);
    }

    private static BoardPaper boardPaper(JsonObject o, Diagnostics diags) {
        Fields b = new Fields(o, FILE, "boardPaper", diags);
        b.onlyKeys(List.of("meeting", "date", "agendaItem", "presentedBy", "recommendation"));
        String agenda;
        if (o.get("agendaItem") instanceof JsonNumber n) {
            agenda = n.raw();
        } else {
            agenda = b.text("agendaItem", false).orElse(null);
        }
        String recommendation = b.text("recommendation", false).orElse(null);
        if (recommendation != null && !RECOMMENDATIONS.contains(recommendation.toLowerCase(java.util.Locale.ROOT))) {
            diags.error(FILE, o.get("recommendation").pos(), "recommendation \"" + recommendation
                    + "\" is not one of note, approve, discuss", "the Board is asked to note, approve or discuss the report");
            recommendation = null;
        }
        BoardPaper paper = new BoardPaper(b.text("meeting", false).orElse(null), b.date("date", false).orElse(null),
                agenda, b.text("presentedBy", false).orElse(null),
                recommendation == null ? null : recommendation.toLowerCase(java.util.Locale.ROOT));
        for (String missing : missingBoardPaperFields(paper)) {
            if (!b.has(missing)) {
                diags.warning(FILE, o.pos(), "boardPaper has no \"" + missing + "\": the cover sheet will leave it blank",
                        "a final report needs it");
            }
        }
        return paper;
    }

    static List<String> missingBoardPaperFields(BoardPaper p) {
        List<String> out = new ArrayList<>();
        if (p.meeting() == null) {
            out.add("meeting");
        }
        if (p.date() == null) {
            out.add("date");
        }
        if (p.agendaItem() == null) {
            out.add("agendaItem");
        }
        if (p.presentedBy() == null) {
            out.add("presentedBy");
        }
        if (p.recommendation() == null) {
            out.add("recommendation");
        }
        return out;
    }

    private static SignOff signOff(JsonObject o, ReportingYear year, Diagnostics diags) {
        Fields s = new Fields(o, FILE, "signOff", diags);
        s.onlyKeys(List.of("approvedBy", "role", "body", "date"));
        Optional<String> by = s.text("approvedBy", true);
        Optional<String> role = s.text("role", true);
        Optional<String> body = s.text("body", true);
        Optional<LocalDate> date = s.date("date", true);
        if (date.isPresent() && year != null && !date.get().isAfter(year.lastDay())) {
            diags.warning(FILE, o.get("date").pos(), "signOff date " + date.get() + " is before the end of "
                    + year.label() + " (" + year.lastDay() + ")", "a Board signs off the annual report after the year ends");
        }
        if (by.isEmpty() || role.isEmpty() || body.isEmpty() || date.isEmpty()) {
            return null;
        }
        return new SignOff(by.get(), role.get(), body.get(), date.get());
    }
}
