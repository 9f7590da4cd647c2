package org.safeguardingreport.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.model.Threshold;

class TemplateLoaderTest {
    @TempDir
    Path tmp;

    private static Template builtIn(String name) {
        Diagnostics d = new Diagnostics();
        Template t = new TemplateLoader(List.of()).load(name, "test", Pos.FILE, d).orElseThrow(
                () -> new AssertionError(d.sorted().toString()));
        assertEquals(0, d.sorted().size(), d.sorted().toString());
        return t;
    }

    @Test
    void dorsetHas52QuestionsNumberedByPosition() {
        Template t = builtIn("dorset-2019");
        assertEquals(List.of(7, 7, 8, 4, 6, 1, 5, 6, 3, 5),
                t.audit().standards().stream().map(s -> s.questions().size()).toList());
        assertEquals(52, t.audit().questions().size());
        assertEquals("How many staff do you employ?", t.question("3.4").orElseThrow().text());
        assertEquals(List.of("Domestic Abuse", "Child Sexual Exploitation", "Female Genital Mutilation"),
                t.question("3.3").orElseThrow().items());
        assertEquals(21, t.sections().size());
        assertEquals("Standard 1 \u2013 Governance and Commitment to Safeguarding Children", t.heading("standard-1"));
        assertEquals("Executive Summary of the Report", t.heading("executive-summary"));
        assertEquals(10, t.standards().size());
        assertTrue(t.standard(6).criteria().stream().allMatch(c -> c.report().equals("Quarterly")));
        assertEquals(new Threshold(100, 76), t.threshold("8f-enhanced-dbs"));
        assertEquals(Threshold.DEFAULT, t.threshold("3b-level-3"));
    }

    @Test
    void somersetHas47QuestionsAnd45RepeatsFourOne() {
        Template t = builtIn("somerset-2018");
        assertEquals(List.of(6, 6, 7, 5, 6, 3, 3, 4, 4, 3),
                t.audit().standards().stream().map(s -> s.questions().size()).toList());
        assertEquals(t.question("4.1").orElseThrow().text(), t.question("4.5").orElseThrow().text());
        assertEquals("Governance and Commitment to Safeguarding Children & Young People", t.standard(1).title());
    }

    @Test
    void aUsersOwnCopyNextToTheBundleIsFoundAndItsErrorsReported() throws Exception {
        Path mine = tmp.resolve("report-templates/my-trust-2024");
        Files.createDirectories(mine);
        Path shipped = Path.of(System.getProperty("report.home", "."), "report-templates/dorset-2019");
        for (String f : List.of("template.json", "standards.json", "audit-questions.json", "report.vm", "report.css", "audit.vm", "audit.css")) {
            Files.copy(shipped.resolve(f), mine.resolve(f));
        }
        String tpl = Files.readString(mine.resolve("template.json"))
                .replace("\"heading\": \"Conclusion\"", "\"heading\": \"Summing up\"");
        Files.writeString(mine.resolve("template.json"), tpl);
        TestBundle b = new TestBundle(tmp).write("report.json", TestBundle.REPORT.replace("dorset-2019", "my-trust-2024"));
        Cli ok = Cli.run("check", b.root.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("template my-trust-2024"), ok.out());

        Files.writeString(mine.resolve("template.json"), tpl.replace("\"thresholds\": {", "\"thresholds\": {\n    \"3b-levl-3\": { \"green\": 95 },"));
        Cli bad = Cli.run("check", b.root.toString());
        assertEquals(1, bad.status());
        String line = bad.err().lines().filter(l -> l.contains("my-trust-2024/template.json:")).findFirst().orElseThrow();
        assertTrue(line.contains("\"3b-levl-3\" is not a rated (%) measure"), line);
        assertTrue(bad.err().contains("hint: did you mean 3b-level-3?"), bad.err());
    }
}
