package org.safeguardingreport.model;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services some dashboard measures are counted for (measures.md): the supervision measures
 * 4a-4k, one per service, and the conference measures 5b/5c, per service. A Trust that does not run
 * a service names it in report.json's {@code servicesNotProvided}; its measures then say "not
 * provided" and are neither gaps nor warnings.
 */
public final class Services {
    private static final Pattern PER_SERVICE = Pattern.compile("4[a-z]-(.+)|5[bc]-(?:icpc|rcpc)-(?:attended|reports)-(.+)");

    private Services() {
    }

    /** The service a measure is counted for, if it is counted per service. */
    public static Optional<String> of(String measureId) {
        Matcher m = PER_SERVICE.matcher(measureId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** Every service a measure is counted for, sorted. */
    public static List<String> all() {
        TreeSet<String> out = new TreeSet<>();
        MeasureCatalog.get().all().forEach(m -> of(m.id()).ifPresent(out::add));
        return List.copyOf(out);
    }
}
