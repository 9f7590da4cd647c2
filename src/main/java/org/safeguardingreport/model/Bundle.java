package org.safeguardingreport.model;

import org.safeguardingreport.diag.Pos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's report bundle after loading and validation: the one model every writer renders.
 * Sections are in report order (the template's, then appendices by file name).
 */
public record Bundle(Path root, String name, ReportMeta meta, Template template, Map<String, Narrative> sections,
                     Map<ReportingYear, DataYear> data, Map<String, AuditAnswer> audit, Map<String, Pos> places) {

    public Bundle(Path root, String name, ReportMeta meta, Template template, Map<String, Narrative> sections,
                  Map<ReportingYear, DataYear> data, Map<String, AuditAnswer> audit) {
        this(root, name, meta, template, sections, data, audit, Map.of());
    }

    /**
     * Where a part of report.json or audit.json is written: {@code "report.json"} for the file's
     * object, {@code "report.json#signOff"} for a member, {@code "audit.json#3.2"} for a question;
     * the file's own object when the member is absent (where it would be added), else the file as a whole.
     */
    public Pos place(String file, String member) {
        Pos p = places.get(file + "#" + member);
        return p != null ? p : places.getOrDefault(file, Pos.FILE);
    }

    public Bundle {
        places = Map.copyOf(places);
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        data = Collections.unmodifiableMap(new TreeMap<>(data));
        audit = Collections.unmodifiableMap(new LinkedHashMap<>(audit));
    }

    public Optional<DataYear> currentYear() {
        return Optional.ofNullable(data.get(meta.reportingYear()));
    }

    /** Sections the template expects that have no narrative file. */
    public List<String> missingSections() {
        return template.sections().stream().map(Template.SectionSpec::id).filter(id -> !sections.containsKey(id))
                .toList();
    }

    /** Every question's evidence markers, in question order. */
    public Map<String, List<Narrative.EvidenceMarker>> evidence() {
        Map<String, List<Narrative.EvidenceMarker>> out = new LinkedHashMap<>();
        for (Template.AuditQuestion q : template.audit().questions()) {
            out.put(q.id(), new ArrayList<>());
        }
        for (Narrative n : sections.values()) {
            for (Narrative.EvidenceMarker m : n.markers()) {
                for (String q : m.questions()) {
                    out.computeIfPresent(q, (k, list) -> {
                        list.add(m);
                        return list;
                    });
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    /** Questions with neither an answer nor an evidence marker. */
    public List<String> gaps() {
        Map<String, List<Narrative.EvidenceMarker>> evidence = evidence();
        List<String> gaps = new ArrayList<>();
        evidence.forEach((q, markers) -> {
            AuditAnswer a = audit.get(q);
            if (markers.isEmpty() && (a == null || !a.answered())) {
                gaps.add(q);
            }
        });
        return List.copyOf(gaps);
    }

    /**
     * Measures with no value in the current year: per quarter for quarterly measures, and under
     * "annual" for annual ones. Keys are "Q1".."Q4" and "annual", each listing measure ids.
     */
    public Map<String, List<String>> absentMeasures() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Optional<DataYear> year = currentYear();
        for (Quarter q : Quarter.values()) {
            out.put(q.name(), MeasureCatalog.get().all().stream()
                    .filter(m -> m.frequency() == Frequency.QUARTERLY)
                    .map(Measure::id)
                    .filter(id -> year.isEmpty() || year.get().quarterly(id, q).isEmpty())
                    .toList());
        }
        out.put("annual", MeasureCatalog.get().all().stream()
                .filter(m -> m.frequency() == Frequency.ANNUAL)
                .map(Measure::id)
                .filter(id -> year.isEmpty() || year.get().annual(id).isEmpty())
                .toList());
        return Collections.unmodifiableMap(out);
    }
}
