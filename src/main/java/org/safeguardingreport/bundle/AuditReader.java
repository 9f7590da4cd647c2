package org.safeguardingreport.bundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.Fields;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonNull;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;
import org.safeguardingreport.json.JsonValue.Member;
import org.safeguardingreport.model.Answer;
import org.safeguardingreport.model.AuditAnswer;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.template.QuestionIds;

/**
 * Reads audit.json: question number to {@code {answer, comment}}. An answer of null (or none) leaves
 * the question unanswered; {@code question} may repeat the question's text for the author's
 * reference and is otherwise ignored.
 */
final class AuditReader {
    static final String FILE = "audit.json";

    /** A question that asks for an account (who, how, what, how many, which), not a yes or no. */
    private static final java.util.regex.Pattern OPEN_QUESTION =
            java.util.regex.Pattern.compile("\\s*(who|how|what|which)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private AuditReader() {
    }

    private static String shortened(String question) {
        String q = question.strip();
        return q.length() <= 70 ? q : q.substring(0, q.lastIndexOf(' ', 67)) + "\u2026";
    }

    static Map<String, AuditAnswer> read(JsonObject root, Template template, Diagnostics diags) {
        Map<String, AuditAnswer> out = new LinkedHashMap<>();
        for (Member m : root.members().values()) {
            String q = m.key();
            if (!QuestionIds.check(q, template, FILE, m.keyPos(), diags)) {
                continue;
            }
            JsonValue v = m.value();
            if (v instanceof JsonString s) {
                diags.error(FILE, v.pos(), "question " + q + " must be an object, not the text \"" + s.value() + "\"",
                        "write \"" + q + "\": { \"answer\": \"" + s.value().strip().toLowerCase(java.util.Locale.ROOT)
                                + "\", \"comment\": \"...\" }");
                continue;
            }
            Optional<JsonObject> o = Fields.asObject(v, FILE, "question " + q, diags);
            if (o.isEmpty()) {
                continue;
            }
            Fields f = new Fields(o.get(), FILE, "question " + q, diags);
            f.onlyKeys(List.of("answer", "comment", "question"));
            f.text("question", false);
            Answer answer = null;
            JsonValue a = o.get().get("answer");
            if (a != null && !(a instanceof JsonNull)) {
                if (a instanceof JsonString s && s.value().isBlank()) {
                    answer = null;
                } else if (a instanceof JsonString s) {
                    answer = Answer.parse(s.value());
                    if (answer == null) {
                        String near = org.safeguardingreport.text.Suggest.didYouMean(s.value(),
                                java.util.Arrays.stream(Answer.values()).map(Answer::code).toList());
                        diags.error(FILE, a.pos(), "answer \"" + s.value() + "\" to question " + q
                                + " is not one of yes, no, partial, n/a", near != null ? near
                                        : "leave it null while the question is unanswered");
                    }
                } else {
                    diags.error(FILE, a.pos(), "answer to question " + q + " must be \"yes\", \"no\", \"partial\" or \"n/a\", not "
                            + a.describe());
                }
            }
            String comment = f.text("comment", false).orElse(null);
            Answer given = answer;
            if (given != null && given != Answer.NOT_APPLICABLE && (comment == null || comment.isBlank()) && template != null) {
                template.question(q).filter(t -> OPEN_QUESTION.matcher(t.text()).lookingAt()).ifPresent(t -> diags.warning(
                        FILE, a.pos(), "question " + q + " asks \"" + shortened(t.text()) + "\": \"" + given.code()
                                + "\" alone does not answer it", "say who, how, what or how many in \"comment\""));
            }
            out.put(q, new AuditAnswer(q, answer, comment));
        }
        return out;
    }
}
