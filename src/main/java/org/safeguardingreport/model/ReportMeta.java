package org.safeguardingreport.model;

import java.time.LocalDate;
import java.util.List;

/** What report.json says about the report. Optional parts are null when absent. */
public record ReportMeta(Provider provider, ReportingYear reportingYear, String template, String title,
                         List<Author> authors, BoardPaper boardPaper, SignOff signOff, List<String> servicesNotProvided,
                         Logo logo) {

    public ReportMeta(Provider provider, ReportingYear reportingYear, String template, String title, List<Author> authors,
                      BoardPaper boardPaper, SignOff signOff, List<String> servicesNotProvided) {
        this(provider, reportingYear, template, title, authors, boardPaper, signOff, servicesNotProvided, null);
    }

    /** The Trust's logo for the cover: a picture of the bundle's images/ folder, with its alt text. */
    public record Logo(String file, String alt, org.safeguardingreport.diag.Pos pos) {
    }

    /** Whether the Trust runs the service a measure is counted for (always, for a measure not counted per service). */
    public boolean provides(String measureId) {
        return Services.of(measureId).map(s -> !servicesNotProvided.contains(s)).orElse(true);
    }

    public record Provider(String name, String odsCode) {
    }

    public record Author(String name, String role) {
    }

    /** The board cover sheet; any field may be null in a draft. */
    public record BoardPaper(String meeting, LocalDate date, String agendaItem, String presentedBy,
                             String recommendation) {
    }

    public record SignOff(String approvedBy, String role, String body, LocalDate date) {
    }

    public boolean signedOff() {
        return signOff != null;
    }
}
