package org.safeguardingreport.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report template (report-templates/NAME/): the order and headings of the sections, the ten
 * standards with their criteria, the audit form, and any per-measure rating thresholds.
 */
public record Template(String name, String location, String title, String description, List<SectionSpec> sections,
                       List<Standard> standards, AuditForm audit, Map<String, Threshold> thresholds,
                       Text layout, Text stylesheet, Text auditLayout, Text auditStylesheet, List<ChartGroup> charts,
                       Binary wordReference) {

    /** Measures drawn together in one chart of a standard's dashboard. */
    public record ChartGroup(String title, List<String> measures) {
    }

    /** A text file of the template (the Velocity layout, the stylesheet) and how messages name it. */
    public record Text(String file, String content) {
    }

    /**
     * A binary file of the template: the Word reference document (reference.docx) whose styles,
     * numbering, page and header the Word editions start from.
     */
    public record Binary(String file, byte[] content) {
    }

    /** A section as the template places it; {@code number} is the cover sheet's item number or null. */
    public record SectionSpec(String id, String part, String number, String heading, String prompt) {
    }

    /** A criterion of a standard; {@code numbered} false for one the seed leaves without a number. */
    public record Criterion(String text, String report, boolean numbered) {
    }

    public record Standard(int number, String title, String statement, List<String> links, List<Criterion> criteria,
                           List<String> guidance) {
        public String heading() {
            return "Standard " + number + " \u2013 " + title;
        }
    }

    /** An audit question; {@code id} is "S.Q", numbered by position within its standard. */
    public record AuditQuestion(String id, int standard, int number, String text, String followUp, List<String> items) {
    }

    public record AuditStandard(int standard, String title, List<AuditQuestion> questions) {
    }

    public record AuditForm(String title, String instructions, List<AuditStandard> standards) {
        public List<AuditQuestion> questions() {
            return standards.stream().flatMap(s -> s.questions().stream()).toList();
        }
    }

    public Optional<SectionSpec> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Standard standard(int number) {
        return standards.get(number - 1);
    }

    public int questionCount(int standard) {
        return audit.standards().get(standard - 1).questions().size();
    }

    public Optional<AuditQuestion> question(String id) {
        return audit.questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Threshold threshold(String measureId) {
        return thresholds.getOrDefault(measureId, Threshold.DEFAULT);
    }

    /** The heading a section shows: the template's, or "Standard N – title" for a standard. */
    public String heading(String sectionId) {
        Optional<SectionSpec> s = section(sectionId);
        if (s.isPresent() && s.get().heading() != null) {
            return s.get().heading();
        }
        int n = SectionIds.standardNumber(sectionId);
        if (n > 0) {
            return standard(n).heading();
        }
        return sectionId;
    }
}
