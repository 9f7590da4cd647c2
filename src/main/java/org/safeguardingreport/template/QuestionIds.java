package org.safeguardingreport.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.text.Suggest;

/** Checks an audit question number "S.Q" against a template's audit form. */
public final class QuestionIds {
    private static final Pattern QUESTION = Pattern.compile("(\\d+)\\.(\\d+)");

    private QuestionIds() {
    }

    /**
     * The closest question of the standard by spelling ("3.11" is most likely 3.1); among equally
     * close ones, the nearest by number ("3.9" in a standard of eight is most likely 3.8).
     */
    static String nearest(int standard, int number, int count, String written) {
        String clamped = standard + "." + Math.max(1, Math.min(number, count));
        String best = clamped;
        int bestDistance = Suggest.distance(written, clamped);
        for (int i = 1; i <= count; i++) {
            String c = standard + "." + i;
            int d = Suggest.distance(written, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** True when {@code q} names a question of {@code template} (or is well-formed and no template is known). */
    public static boolean check(String q, Template template, String file, Pos at, Diagnostics diags) {
        Matcher m = QUESTION.matcher(q);
        if (!m.matches()) {
            diags.error(file, at, "\"" + q + "\" is not an audit question number",
                    "question numbers are standard.question, e.g. 3.2");
            return false;
        }
        int standard = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        if (standard < 1 || standard > 10) {
            diags.error(file, at, "unknown audit question " + q + ": there is no standard " + standard,
                    "the standards are numbered 1-10");
            return false;
        }
        if (template == null) {
            return true;
        }
        int count = template.questionCount(standard);
        if (number < 1 || number > count) {
            String nearest = nearest(standard, number, count, q);
            diags.error(file, at, "unknown audit question " + q + ": standard " + standard + " of " + template.name()
                    + (count == 1 ? " has one question, " + standard + ".1" : " has questions " + standard + ".1-" + standard + "." + count),
                    "did you mean " + nearest + "?");
            return false;
        }
        if (!q.equals(standard + "." + number)) {
            diags.error(file, at, "write the audit question as " + standard + "." + number + ", not " + q);
            return false;
        }
        return true;
    }
}
