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
                     Map<ReportingYear, DataYear> data, Map<String, AuditAnswer> audit, Map<String, Pos> places,
                     Map<String, byte[]> sources) {

    public Bundle(Path root, String name, ReportMeta meta, Template template, Map<String, Narrative> sections,
                  Map<ReportingYear, DataYear> data, Map<String, AuditAnswer> audit) {
        this(root, name, meta, template, sections, data, audit, Map.of(), Map.of());
    }

    /** The same bundle with other sections (and the same files). */
    public Bundle withSections(Map<String, Narrative> other) {
        return new Bundle(root, name, meta, template, other, data, audit, places, sources);
    }

    /**
     * The bundle's files as they were read, by path inside the bundle: report.json, audit.json,
     * data/*.json, narrative/*.md and the pictures the narrative shows. A final PDF carries them.
     */
    public Map<String, byte[]> sources() {
        return sources;
    }

    /**
     * How the editions name a picture of the bundle: by its content, so that the pictures of several
     * bundles gathered in one document never mix. Null for a picture the bundle did not read.
     */
    public String pictureUri(String path) {
        byte[] bytes = sources.get(path);
        if (bytes == null || !path.startsWith("images/")) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return "picture:" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "/" + path.substring(path.lastIndexOf('/') + 1);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every picture the narrative shows, by {@link #pictureUri}. */
    public Map<String, byte[]> pictures() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        sources.forEach((path, bytes) -> {
            String uri = pictureUri(path);
            if (uri != null) {
                out.put(uri, bytes);
            }
        });
        return out;
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
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
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
