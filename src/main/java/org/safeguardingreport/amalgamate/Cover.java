package org.safeguardingreport.amalgamate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.json.Fields;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.text.SourceText;
import org.safeguardingreport.text.Suggest;

/**
 * The ICB's board cover sheet and sign-off for the health annual report, read from {@code cover.json}
 * in the commissioner's narrative folder ({@code --narrative DIR}):
 *
 * <pre>
 * {
 *   "organisation": "NHS Somerset Integrated Care Board",
 *   "meeting": "ICB Board (public)", "date": "2024-09-26", "agendaItem": "7.2",
 *   "purpose": "assurance",
 *   "recommendation": "The Board is asked to take assurance from ...",
 *   "author": { "name": "...", "role": "Designated Nurse Safeguarding Children" },
 *   "executiveLead": { "name": "...", "role": "Chief Nursing Officer" },
 *   "signOff": { "approvedBy": "...", "role": "Chief Nursing Officer", "date": "2024-09-26" }
 * }
 * </pre>
 *
 * A wrong value (a date that is not one, a purpose not in the list, an unknown property) is an error
 * where it stands. A missing value is a warning on a draft, whose cover shows "To be confirmed" in
 * its place, and an error on a final report, which must carry every value and the sign-off.
 */
public record Cover(String organisation, String meeting, LocalDate date, String agendaItem, String purpose,
                    String recommendation, Person author, Person executiveLead, SignOff signOff) {
    public static final String FILE = "cover.json";
    /** What the board is asked to do with the paper, as ICB cover sheets offer it. */
    public static final List<String> PURPOSES = List.of("decision", "assurance", "information");
    /** The cover's organisation when cover.json names none. */
    static final String ICB = "Integrated Care Board";
    private static final List<String> KEYS = List.of("organisation", "meeting", "date", "agendaItem", "purpose",
            "recommendation", "author", "executiveLead", "signOff");
    /** The values a final report must carry, in the order the messages name them. */
    private static final List<String> REQUIRED = List.of("meeting", "date", "agendaItem", "purpose", "recommendation",
            "author", "executiveLead", "signOff");

    /** Someone named on the cover: the author or the executive lead. */
    public record Person(String name, String role) {
    }

    /** Who approved the report for the ICB, in what role, and when. */
    public record SignOff(String approvedBy, String role, LocalDate date) {
    }

    /** A cover with nothing filled in: a draft's, when there is no cover.json. */
    public static final Cover NONE = new Cover(null, null, null, null, null, null, null, null, null);

    /** The organisation the paper is written for: as cover.json names it, or "Integrated Care Board". */
    public String organisationShown() {
        return organisation == null ? ICB : organisation;
    }

    /**
     * Reads {@code DIR/cover.json}; {@code dir} is null without {@code --narrative}. A missing folder
     * value or file is a warning on a draft and an error on a final report.
     */
    public static Cover read(Path dir, ReportingYear year, boolean finalReport, Diagnostics diags) {
        Path file = dir == null ? null : dir.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            String where = dir == null ? "amalgamate" : dir.resolve(FILE).toString();
            String message = dir == null
                    ? "no cover sheet: the ICB's cover and sign-off are read from cover.json in --narrative DIR"
                    : "no cover.json in the commissioner's narrative folder: the cover sheet and sign-off are left to fill in";
            String hint = "write " + FILE + " with meeting, date, agendaItem, purpose (" + String.join(", ", PURPOSES)
                    + "), recommendation, author, executiveLead and signOff (see the README)";
            if (finalReport) {
                diags.error(where, Pos.FILE, message.replace("are left to fill in", "are required for a final report")
                        + (dir == null ? "; a final report needs the ICB's sign-off" : ""), hint);
            } else {
                diags.warning(where, Pos.FILE, message, hint);
            }
            return NONE;
        }
        Optional<JsonValue> root = SourceText.read(file, FILE, diags).flatMap(t -> JsonReader.read(t, FILE, diags));
        if (root.isEmpty()) {
            return NONE;
        }
        Optional<JsonObject> o = Fields.asObject(root.get(), FILE, FILE, diags);
        return o.map(obj -> parse(obj, year, finalReport, diags)).orElse(NONE);
    }

    static Cover parse(JsonObject root, ReportingYear year, boolean finalReport, Diagnostics diags) {
        Fields f = new Fields(root, FILE, FILE, diags);
        f.onlyKeys(KEYS);
        String agenda = root.get("agendaItem") instanceof JsonValue.JsonNumber n ? n.raw() : f.text("agendaItem", false).orElse(null);
        String purpose = f.text("purpose", false).orElse(null);
        if (purpose != null && !PURPOSES.contains(purpose.toLowerCase(Locale.ROOT))) {
            String near = Suggest.didYouMean(purpose.toLowerCase(Locale.ROOT), PURPOSES);
            diags.error(FILE, root.get("purpose").pos(), "purpose \"" + purpose + "\" is not one of "
                    + String.join(", ", PURPOSES), near != null ? near : "the board receives the paper for a decision, for "
                    + "assurance, or for information");
            purpose = null;
        }
        Cover c = new Cover(f.text("organisation", false).orElse(null), f.text("meeting", false).orElse(null),
                f.date("date", false).orElse(null), agenda, purpose == null ? null : purpose.toLowerCase(Locale.ROOT),
                f.text("recommendation", false).orElse(null), person(f, "author", finalReport, diags),
                person(f, "executiveLead", finalReport, diags), signOff(f, year, finalReport, diags));
        for (String key : c.missing()) {
            // a value given but wrong has been reported where it stands; only an absent one is reported here
            if (!f.has(key)) {
                String message = "cover.json has no \"" + key + "\": " + (finalReport ? "a final report needs it"
                        : key.equals("signOff") ? "the sign-off is left blank to sign by hand" : "the cover shows \"To be confirmed\"");
                if (finalReport) {
                    diags.error(FILE, root.pos(), message, hint(key));
                } else {
                    diags.warning(FILE, root.pos(), message, hint(key));
                }
            }
        }
        return c;
    }

    private static String hint(String key) {
        return switch (key) {
            case "date" -> "add \"date\": \"2024-09-26\", the date of the meeting";
            case "purpose" -> "add \"purpose\": one of " + String.join(", ", PURPOSES);
            case "author", "executiveLead" -> "add \"" + key + "\": { \"name\": \"...\", \"role\": \"...\" }";
            case "signOff" -> "add \"signOff\": { \"approvedBy\": \"...\", \"role\": \"...\", \"date\": \"2024-09-26\" }";
            case "recommendation" -> "add \"recommendation\": what the board is asked to do, e.g. \"The Board is asked to "
                    + "take assurance from the report\"";
            default -> "add \"" + key + "\": \"...\"";
        };
    }

    private static Person person(Fields f, String key, boolean finalReport, Diagnostics diags) {
        return f.obj(key, false).map(o -> {
            Fields p = new Fields(o, FILE, key, diags);
            p.onlyKeys(List.of("name", "role"));
            Optional<String> name = p.text("name", finalReport);
            Optional<String> role = p.text("role", finalReport);
            return name.isEmpty() && role.isEmpty() ? null : new Person(name.orElse(null), role.orElse(null));
        }).orElse(null);
    }

    private static SignOff signOff(Fields f, ReportingYear year, boolean finalReport, Diagnostics diags) {
        return f.obj("signOff", false).map(o -> {
            Fields s = new Fields(o, FILE, "signOff", diags);
            s.onlyKeys(List.of("approvedBy", "role", "date"));
            // every part of a sign-off is required once it is begun: half a signature is no signature
            Optional<String> by = s.text("approvedBy", true);
            Optional<String> role = s.text("role", true);
            Optional<LocalDate> date = s.date("date", true);
            if (date.isPresent() && year != null && !date.get().isAfter(year.lastDay())) {
                diags.warning(FILE, o.get("date").pos(), "signOff date " + date.get() + " is before the end of "
                        + year.label() + " (" + year.lastDay() + ")", "the ICB signs off the year's report after the year ends");
            }
            return by.isEmpty() || role.isEmpty() || date.isEmpty() ? null : new SignOff(by.get(), role.get(), date.get());
        }).orElse(null);
    }

    /** The values a final report needs that this cover lacks. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        Object[] values = {meeting, date, agendaItem, purpose, recommendation, author, executiveLead, signOff};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                out.add(REQUIRED.get(i));
            }
        }
        return out;
    }
}
