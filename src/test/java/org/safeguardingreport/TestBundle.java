package org.safeguardingreport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small valid dorset-2019 bundle written into a test's temporary folder, ready to be broken on purpose. */
public final class TestBundle {
    public static final String REPORT = """
            {
              "provider": { "name": "North Wessex Community Health NHS Trust", "odsCode": "RNW" },
              "reportingYear": "2023/24",
              "template": "dorset-2019",
              "title": "Safeguarding Children Annual Report 2023/24",
              "authors": [ { "name": "Sam Patel", "role": "Named Nurse Safeguarding Children" } ],
              "boardPaper": {
                "meeting": "Trust Board", "date": "2024-07-25", "agendaItem": "12",
                "presentedBy": "Director of Nursing", "recommendation": "note"
              },
              "signOff": { "approvedBy": "Dr A. Jones", "role": "Chief Executive",
                           "body": "Trust Board", "date": "2024-07-25" }
            }
            """;
    public static final String DATA = """
            {
              "reportingYear": "2023/24",
              "quarters": {
                "Q1": {
                  "3b-level-3": { "numerator": 412, "denominator": 455 },
                  "6a-si-steis": 1
                },
                "Q4": {
                  "3b-level-3": { "numerator": 431, "denominator": 460 }
                }
              },
              "annual": {
                "1c-executive-lead": true,
                "8f-enhanced-dbs": { "numerator": 980, "denominator": 1002 }
              }
            }
            """;
    public static final String STANDARD_3 = """
            ## Training

            Level 3 training reached {{3b-level-3@Q4}} ({{3b-level-3@Q4 rag}}) by the end of the year. {audit=3.1}

            - Every session is evaluated. {audit="3.7 3.8"}
            """;

    public final Path root;

    public TestBundle(Path parent) {
        this.root = parent.resolve("north-wessex");
        write("report.json", REPORT);
        write("data/2023-24.json", DATA);
        write("audit.json", "{ \"1.1\": { \"answer\": \"yes\", \"comment\": \"On the website.\" } }\n");
        write("narrative/executive-summary.md", "This report gives an overview of the year.\n");
        write("narrative/standard-3.md", STANDARD_3);
    }

    /** The small bundle on another built-in template (somerset-2018's standard 3 has no question 3.8). */
    public static TestBundle on(Path parent, String template) {
        TestBundle b = new TestBundle(parent);
        if (!template.equals("dorset-2019")) {
            b.write("report.json", REPORT.replace("dorset-2019", template))
                    .write("narrative/standard-3.md", STANDARD_3.replace("3.7 3.8", "3.7"));
        }
        return b;
    }

    public TestBundle write(String rel, String text) {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestBundle write(String rel, byte[] bytes) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestBundle delete(String rel) {
        try {
            Files.delete(root.resolve(rel));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Trust's copy of a built-in template, as report-templates/{@code to} beside bundles made in
     * {@code parent}; answers the copy's folder.
     */
    public static Path copyTemplate(Path parent, String from, String to) {
        try {
            Path copy = Files.createDirectories(parent.resolve("report-templates").resolve(to));
            Path source = Path.of(System.getProperty("report.home", "."), "report-templates", from);
            try (var files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
            Files.writeString(copy.resolve("template.json"),
                    Files.readString(copy.resolve("template.json")).replace("\"" + from + "\"", "\"" + to + "\""));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the 21 sections of the template, each with a line of text, so nothing is missing. */
    public TestBundle allSections() {
        for (String id : org.safeguardingreport.model.SectionIds.ALL) {
            if (!Files.exists(root.resolve("narrative/" + id + ".md"))) {
                write("narrative/" + id + ".md", "Text of " + id + ".\n");
            }
        }
        return this;
    }
}
