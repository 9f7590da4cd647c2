package org.safeguardingreport.amalgamate;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.model.Answer;
import org.safeguardingreport.model.AuditAnswer;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Figures;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.model.Template;

/**
 * Each provider's overall assurance under the commissioner's {@link AssuranceRule}: its audit answers by
 * standard (statutory questions weighed apart), its dashboard at the year's end (Reds at Q4, Red in every
 * quarter), its annual yes/no duties answered No, and where its audit and its dashboard contradict each
 * other. A measure belongs to the standard its reference starts with (measures.json's {@code standard}),
 * as in the provider's own report.
 */
public final class Assurance {

    private Assurance() {
    }

    /** One standard of one provider: its audit counts, the dashboard findings in it, its points and rating. */
    public record StandardAssurance(int standard, String title, int questions, int yes, int partial, int no,
                                    int notApplicable, int unanswered, int gaps, int statutoryAgainst, int redsAtQ4,
                                    int annualNos, int contradictions, int points, String rating) {
        /** Questions answered Yes, Partial or No. */
        public int answered() {
            return yes + partial + no;
        }

        /** Questions with no answer, evidenced or not. */
        public int notAnswered() {
            return unanswered + gaps;
        }
    }

    /** Where a provider's audit and its dashboard say opposite things. */
    public record Contradiction(int standard, String question, String measureId, String text) {
    }

    /**
     * A Red at Q4 (an annual % measure: Red over the year) or an annual duty answered No: {@code figure} as
     * printed, {@code count} n / N for a percentage (null otherwise), {@code running} how many quarters
     * (years, for an annual measure) in a row it has been so up to the year's end, as far as the data goes.
     */
    public record Exception(String provider, String odsCode, String measureId, String label, int standard, Kind kind,
                            String period, String figure, String count, int running, String runningText, Integer page) {
        public enum Kind { RED_AT_Q4, ANNUAL_NO }
    }

    /** A reason behind a rating, with the points it added. */
    public record Reason(String text, int points) {
    }

    /** A provider's overall assurance and all that is behind it. */
    public record ProviderAssurance(String provider, String odsCode, String template, List<StandardAssurance> standards,
                                    List<Exception> exceptions, List<Contradiction> contradictions, List<Reason> reasons,
                                    int points, String rating, String cappedBy) {
    }

    /** Years of a provider's data, the current bundle's first and then last year's report's, by year. */
    public interface History {
        Optional<DataYear> year(ReportingYear y);
    }

    public static ProviderAssurance assess(Amalgamation.Provider p, AssuranceRule rule) {
        return assess(p, rule, y -> Optional.ofNullable(p.bundle().data().get(y)));
    }

    public static ProviderAssurance assess(Amalgamation.Provider p, AssuranceRule rule, History history) {
        Bundle b = p.bundle();
        String template = b.template().name();
        String ods = odsCode(b);
        ReportingYear year = b.meta().reportingYear();
        Optional<DataYear> data = b.currentYear();

        // audit answers, per standard
        int[][] counts = new int[11][9]; // yes, partial, no, na, unanswered, gaps, statutoryAgainst, points, questions
        int[] statutoryTally = new int[6];
        int[] otherTally = new int[6];
        int statutoryPoints = 0;
        int otherPoints = 0;
        for (Template.AuditQuestion q : b.template().audit().questions()) {
            if (q.standard() < 1 || q.standard() > 10) {
                continue;
            }
            int[] c = counts[q.standard()];
            c[8]++;
            boolean statutory = rule.statutory(template, q.id());
            AssuranceRule.QuestionPoints pts = statutory ? rule.statutory() : rule.other();
            AuditAnswer a = b.audit().get(q.id());
            Answer answer = a == null ? null : a.answer();
            int slot;
            int add;
            if (answer == null) {
                boolean gap = p.gaps().contains(q.id());
                slot = gap ? 5 : 4;
                add = gap ? pts.gap() : pts.unanswered();
            } else {
                slot = switch (answer) {
                    case YES -> 0;
                    case PARTIAL -> 1;
                    case NO -> 2;
                    case NOT_APPLICABLE -> 3;
                };
                add = pts.of(answer);
            }
            c[slot]++;
            if (statutory && (slot >= 2)) {
                c[6]++;
            }
            c[7] += add;
            if (statutory) {
                statutoryTally[slot]++;
                statutoryPoints += add;
            } else {
                otherTally[slot]++;
                otherPoints += add;
            }
        }

        // the dashboard at the year's end
        List<Exception> exceptions = new ArrayList<>();
        int[] reds = new int[11];
        int[] nos = new int[11];
        int everyQuarter = 0;
        List<String> everyQuarterLabels = new ArrayList<>();
        Map<Integer, List<String>> redAllYearByStandard = new LinkedHashMap<>();
        if (data.isPresent()) {
            DataYear y = data.get();
            for (Measure m : MeasureCatalog.get().all()) {
                int s = m.standard();
                if (s < 1 || s > 10) {
                    continue;
                }
                Integer page = p.pages() == null ? null : p.pages().measure(m.id()).orElse(null);
                if (m.frequency() == Frequency.ANNUAL) {
                    Optional<MeasureValue> v = y.annual(m.id());
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (v.get() instanceof MeasureValue.Flag f && !f.value()) {
                        int run = yearsRunning(history, year, m, b);
                        nos[s]++;
                        exceptions.add(new Exception(p.name(), ods, m.id(), m.label(), s, Exception.Kind.ANNUAL_NO,
                                year.label(), "No", null, run, run <= 1 ? "this year" : run + " years", page));
                    } else if (v.get() instanceof MeasureValue.Ratio r && red(b, m, r)) {
                        int run = yearsRunning(history, year, m, b);
                        reds[s]++;
                        exceptions.add(new Exception(p.name(), ods, m.id(), m.label(), s, Exception.Kind.RED_AT_Q4,
                                year.label(), Figures.format(r, b.template().threshold(m.id())), count(r), run,
                                run <= 1 ? "this year" : run + " years", page));
                    }
                    continue;
                }
                if (!m.rated()) {
                    continue;
                }
                Optional<MeasureValue> q4 = y.quarterly(m.id(), Quarter.Q4);
                if (q4.isPresent() && q4.get() instanceof MeasureValue.Ratio r && red(b, m, r)) {
                    int run = quartersRunning(history, year, m, b);
                    reds[s]++;
                    exceptions.add(new Exception(p.name(), ods, m.id(), m.label(), s, Exception.Kind.RED_AT_Q4, "Q4",
                            Figures.format(r, b.template().threshold(m.id())), count(r), run, running(run, year), page));
                }
                if (redEveryQuarter(b, y, m)) {
                    everyQuarter++;
                    everyQuarterLabels.add(m.label());
                    counts[s][7] += rule.redEveryQuarter();
                    redAllYearByStandard.computeIfAbsent(s, k -> new ArrayList<>()).add(m.id());
                }
            }
        }

        // contradictions between the audit and the dashboard
        List<Contradiction> contradictions = new ArrayList<>();
        if (data.isPresent()) {
            for (Map.Entry<String, String> duty : rule.duties(template).entrySet()) {
                Optional<MeasureValue> v = data.get().annual(duty.getKey());
                AuditAnswer a = b.audit().get(duty.getValue());
                if (v.isEmpty() || !(v.get() instanceof MeasureValue.Flag f) || a == null || a.answer() == null) {
                    continue;
                }
                Measure m = MeasureCatalog.get().measure(duty.getKey()).orElseThrow();
                if (f.value() && a.answer() == Answer.NO || !f.value() && a.answer() == Answer.YES) {
                    int s = Integer.parseInt(duty.getValue().substring(0, duty.getValue().indexOf('.')));
                    contradictions.add(new Contradiction(s, duty.getValue(), m.id(), "audit " + duty.getValue() + " answered "
                            + a.answer().word() + ", dashboard \u201c" + m.label() + "\u201d " + (f.value() ? "Yes" : "No")));
                }
            }
            for (Map.Entry<Integer, List<String>> e : redAllYearByStandard.entrySet()) {
                int[] c = counts[e.getKey()];
                boolean auditGreen = c[8] > 0 && c[0] > 0 && c[1] == 0 && c[2] == 0 && c[4] == 0 && c[5] == 0;
                if (!auditGreen) {
                    continue;
                }
                for (String id : e.getValue()) {
                    Measure m = MeasureCatalog.get().measure(id).orElseThrow();
                    contradictions.add(new Contradiction(e.getKey(), null, id, "standard " + e.getKey()
                            + " audit all Yes, but \u201c" + m.label() + "\u201d Red in every quarter"));
                }
            }
        }

        // points and ratings
        List<StandardAssurance> standards = new ArrayList<>();
        int total = statutoryPoints + otherPoints + rule.redEveryQuarter() * everyQuarter;
        for (int s = 1; s <= 10; s++) {
            int[] c = counts[s];
            int sc = s;
            int nContra = (int) contradictions.stream().filter(x -> x.standard() == sc).count();
            int pts = c[7] + reds[s] * rule.redAtQ4() + nos[s] * rule.annualNo() + nContra * rule.contradiction();
            String title = b.template().audit().standards().stream().filter(x -> x.standard() == sc).map(Template.AuditStandard::title)
                    .findFirst().orElse("Standard " + s);
            standards.add(new StandardAssurance(s, title, c[8], c[0], c[1], c[2], c[3], c[4], c[5], c[6], reds[s], nos[s],
                    nContra, pts, rule.rateStandard(pts)));
        }
        int redCount = 0;
        int noCount = 0;
        for (int s = 1; s <= 10; s++) {
            redCount += reds[s];
            noCount += nos[s];
        }
        total += redCount * rule.redAtQ4() + noCount * rule.annualNo() + contradictions.size() * rule.contradiction();

        List<Reason> reasons = new ArrayList<>();
        List<String> noLabels = exceptions.stream().filter(x -> x.kind() == Exception.Kind.ANNUAL_NO).map(Exception::label).toList();
        if (noCount > 0) {
            reasons.add(new Reason(plural(noCount, "annual duty", "annual duties") + " answered No: " + shortList(noLabels),
                    noCount * rule.annualNo()));
        }
        if (redCount > 0) {
            reasons.add(new Reason(plural(redCount, "measure", "measures") + " Red at the year's end", redCount * rule.redAtQ4()));
        }
        if (everyQuarter > 0) {
            reasons.add(new Reason(plural(everyQuarter, "measure", "measures") + " Red in every quarter: "
                    + shortList(everyQuarterLabels), everyQuarter * rule.redEveryQuarter()));
        }
        if (!contradictions.isEmpty()) {
            reasons.add(new Reason(plural(contradictions.size(), "contradiction", "contradictions") + " between audit and dashboard",
                    contradictions.size() * rule.contradiction()));
        }
        String st = tally(statutoryTally);
        if (!st.isEmpty()) {
            reasons.add(new Reason("statutory audit questions: " + st, statutoryPoints));
        }
        String ot = tally(otherTally);
        if (!ot.isEmpty()) {
            reasons.add(new Reason("other audit questions: " + ot, otherPoints));
        }

        String rating = rule.rate(total);
        String cappedBy = null;
        Map<AssuranceRule.Finding, Integer> found = new EnumMap<>(AssuranceRule.Finding.class);
        found.put(AssuranceRule.Finding.annualNo, noCount);
        found.put(AssuranceRule.Finding.contradiction, contradictions.size());
        found.put(AssuranceRule.Finding.redAtQ4, redCount);
        found.put(AssuranceRule.Finding.redEveryQuarter, everyQuarter);
        for (Map.Entry<AssuranceRule.Finding, String> cap : rule.atBest().entrySet()) {
            if (found.get(cap.getKey()) > 0 && rule.rank(cap.getValue()) > rule.rank(rating)) {
                rating = cap.getValue();
                cappedBy = cap.getKey().name();
            }
        }
        exceptions.sort(java.util.Comparator.comparing((Exception x) -> x.kind() == Exception.Kind.ANNUAL_NO ? 0 : 1)
                .thenComparingInt(Exception::standard));
        return new ProviderAssurance(p.name(), ods, template, List.copyOf(standards), List.copyOf(exceptions),
                List.copyOf(contradictions), List.copyOf(reasons), total, rating, cappedBy);
    }

    /** What a cap means, in words, for the report. */
    public static String capWords(String cappedBy) {
        if (cappedBy == null) {
            return "";
        }
        return switch (cappedBy) {
            case "annualNo" -> "an annual duty answered No";
            case "contradiction" -> "its audit and dashboard contradict each other";
            case "redAtQ4" -> "a measure Red at the year's end";
            default -> "a measure Red in every quarter";
        };
    }

    public static String odsCode(Bundle b) {
        String ods = b.meta().provider().odsCode();
        return ods == null ? "" : ods;
    }

    /** "Name (RD8)", or the name alone when the provider gave no ODS code. */
    public static String named(String name, String ods) {
        return ods == null || ods.isEmpty() ? name : name + " (" + ods + ")";
    }

    private static boolean red(Bundle b, Measure m, MeasureValue.Ratio r) {
        return b.template().threshold(m.id()).rate(r).orElse(null) == Rating.RED;
    }

    private static boolean redEveryQuarter(Bundle b, DataYear y, Measure m) {
        for (Quarter q : Quarter.values()) {
            Optional<MeasureValue> v = y.quarterly(m.id(), q);
            if (v.isEmpty() || !(v.get() instanceof MeasureValue.Ratio r) || !red(b, m, r)) {
                return false;
            }
        }
        return true;
    }

    /** Quarters in a row Red up to this year's Q4, going back into earlier years' data while it lasts. */
    static int quartersRunning(History history, ReportingYear year, Measure m, Bundle b) {
        int run = 0;
        ReportingYear y = year;
        for (int years = 0; years < 10; years++) {
            Optional<DataYear> d = history.year(y);
            if (d.isEmpty()) {
                return run;
            }
            Quarter[] qs = Quarter.values();
            for (int i = qs.length - 1; i >= 0; i--) {
                Optional<MeasureValue> v = d.get().quarterly(m.id(), qs[i]);
                if (v.isEmpty() || !(v.get() instanceof MeasureValue.Ratio r) || !red(b, m, r)) {
                    return run;
                }
                run++;
            }
            y = y.previous();
        }
        return run;
    }

    /** Years in a row an annual measure was No (or Red), up to this year. */
    static int yearsRunning(History history, ReportingYear year, Measure m, Bundle b) {
        int run = 0;
        ReportingYear y = year;
        for (int years = 0; years < 10; years++) {
            Optional<MeasureValue> v = history.year(y).flatMap(d -> d.annual(m.id()));
            boolean bad = v.isPresent() && (v.get() instanceof MeasureValue.Flag f ? !f.value()
                    : v.get() instanceof MeasureValue.Ratio r && red(b, m, r));
            if (!bad) {
                return run;
            }
            run++;
            y = y.previous();
        }
        return run;
    }

    /** "4 quarters (since Q1 2023/24)", "Q4 only". */
    static String running(int run, ReportingYear year) {
        if (run <= 1) {
            return "Q4 only";
        }
        int back = run - 1;
        ReportingYear y = year;
        int q = 3; // Q4
        q -= back;
        while (q < 0) {
            q += 4;
            y = y.previous();
        }
        return run + " quarters (since " + Quarter.values()[q].name() + " " + y.label() + ")";
    }

    static String count(MeasureValue.Ratio r) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        return n.format(r.numerator()) + " / " + n.format(r.denominator());
    }

    private static String tally(int[] t) {
        List<String> parts = new ArrayList<>();
        String[] words = {"Yes", "Partial", "No", "N/A", "unanswered (evidence only)", "gap"};
        for (int i = 1; i < t.length; i++) {
            if (t[i] > 0) {
                parts.add(t[i] + " " + (i == 5 && t[i] > 1 ? "gaps" : words[i]));
            }
        }
        return String.join(", ", parts);
    }

    /** Up to three labels, then how many more. */
    static String shortList(List<String> labels) {
        if (labels.size() <= 3) {
            return String.join("; ", labels);
        }
        return String.join("; ", labels.subList(0, 3)) + " and " + (labels.size() - 3) + " more";
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Whether a measure is a yes/no duty (for readers of the exceptions). */
    static boolean yesNo(String measureId) {
        return MeasureCatalog.get().measure(measureId).map(m -> m.kind() == MeasureKind.YES_NO).orElse(false);
    }
}
