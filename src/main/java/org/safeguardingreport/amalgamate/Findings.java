package org.safeguardingreport.amalgamate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.ReportingYear;

/**
 * What the commissioner concludes from the providers' reports, computed once for both editions and
 * amalgamation.json: each provider's assurance under the rule, the exceptions, the themes, and, when
 * last year can be seen, this year against last.
 *
 * @param lastYear last year's reports as read (null when none were given)
 * @param lastReports each provider's report of last year, by provider name (absent when not given)
 * @param comparisons each provider's measures, last year's Q4 against this year's, by provider name
 * @param movements each provider's assurance last year and this, in provider order
 */
public record Findings(AssuranceRule rule, List<Assurance.ProviderAssurance> assured, Themes.Summary themes,
                       Amalgamation.Result lastYear, Map<String, Amalgamation.Provider> lastReports,
                       Map<String, List<LastYear.Comparison>> comparisons, List<LastYear.Movement> movements) {

    /** Whether any year-end comparison with last year could be made. */
    public boolean hasLastYear() {
        return comparisons.values().stream().anyMatch(l -> !l.isEmpty()) || !lastReports.isEmpty();
    }

    public ReportingYear previous(Amalgamation.Result r) {
        return r.year().previous();
    }

    public List<Assurance.Exception> exceptions() {
        return assured.stream().flatMap(a -> a.exceptions().stream()).toList();
    }

    public static Findings of(Amalgamation.Result r, AssuranceRule rule, Amalgamation.Result lastYear) {
        List<Amalgamation.Provider> last = lastYear == null ? List.of() : lastYear.providers();
        List<Assurance.ProviderAssurance> assured = new ArrayList<>();
        Map<String, Amalgamation.Provider> lastReports = new LinkedHashMap<>();
        Map<String, List<LastYear.Comparison>> comparisons = new LinkedHashMap<>();
        List<LastYear.Movement> movements = new ArrayList<>();
        for (Amalgamation.Provider p : r.providers()) {
            Amalgamation.Provider before = LastYear.match(p, last);
            Bundle lastBundle = before == null ? null : before.bundle();
            Assurance.ProviderAssurance now = Assurance.assess(p, rule, LastYear.history(p.bundle(), lastBundle));
            assured.add(now);
            comparisons.put(p.name(), LastYear.compare(p, lastBundle));
            Assurance.ProviderAssurance then = null;
            if (before != null) {
                lastReports.put(p.name(), before);
                then = Assurance.assess(before, rule);
            }
            movements.add(LastYear.movement(now, then, rule));
        }
        Themes.Summary themes = Themes.of(r.providers(), assured, rule, Amalgamation.KEY_MEASURES);
        return new Findings(rule, List.copyOf(assured), themes, lastYear, Map.copyOf(lastReports), comparisons,
                List.copyOf(movements));
    }
}
