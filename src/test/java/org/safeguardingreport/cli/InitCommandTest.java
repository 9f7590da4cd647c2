package org.safeguardingreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.safeguardingreport.model.SectionIds;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.Bundle;

class InitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void dorsetSkeletonPassesCheckAndListsEveryQuestionUnanswered() throws Exception {
        Path dir = tmp.resolve("wessex-acute");
        Cli init = Cli.run("init", dir.toString(), "--provider", "Wessex Acute NHS Trust", "--year", "2024/25");
        assertEquals(0, init.status(), init.err());
        Cli check = Cli.run("check", dir.toString());
        assertEquals(0, check.status(), check.err());
        assertFalse(check.err().contains("error"), check.err());
        Bundle b = BundleLoader.load(dir).bundle().orElseThrow();
        assertEquals("Wessex Acute NHS Trust", b.meta().provider().name());
        assertEquals("2024/25", b.meta().reportingYear().label());
        assertEquals(21, b.sections().size());
        assertEquals(52, b.audit().size());
        assertTrue(b.audit().values().stream().noneMatch(a -> a.answered()));
        assertEquals(52, b.gaps().size());
        assertTrue(Files.isRegularFile(dir.resolve("data/2024-25.json")));
        assertTrue(Files.isDirectory(dir.resolve("images")));
        String standard3 = Files.readString(dir.resolve("narrative/standard-3.md"));
        // the heading comes from the template: a heading in the file would print twice
        assertFalse(standard3.contains("#"), standard3);
        assertTrue(standard3.startsWith("_Replace this line:"), standard3);
        // one warning for the bundle's 21 unfinished sections, not one each
        List<String> prompts = check.err().lines().filter(l -> l.contains("warning:") && l.contains("prompt")).toList();
        assertEquals(List.of("narrative/executive-summary.md:1:1: warning: 21 sections still hold the template's prompt: "
                + String.join(", ", SectionIds.ALL)), prompts, check.err());
        assertFalse(check.err().contains("level with the section's own heading"), check.err());
        Cli fin = Cli.run("check", dir.toString(), "--final");
        assertEquals(1, fin.status());
        assertTrue(fin.err().contains("narrative/standard-3.md:1:1: error: a final report cannot hold the template's prompt"), fin.err());
    }

    @Test
    void aFreshBundleBuildsWithOneWarningAboutItsPrompts() {
        Path dir = tmp.resolve("fresh");
        assertEquals(0, Cli.run("init", dir.toString()).status());
        Cli build = Cli.run("build", dir.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, build.status(), build.err());
        assertEquals(1, build.err().lines().filter(l -> l.contains("warning:") && l.contains("prompt")).count(), build.err());
        assertEquals(0, build.err().lines().filter(l -> l.contains("warning:") && l.startsWith("narrative/")
                && !l.contains("prompt")).count(), build.err());
    }

    @Test
    void somersetSkeletonHas47Questions() {
        Path dir = tmp.resolve("somerset");
        assertEquals(0, Cli.run("init", dir.toString(), "--template", "somerset-2018").status());
        Bundle b = BundleLoader.load(dir).bundle().orElseThrow();
        assertEquals("somerset-2018", b.template().name());
        assertEquals(47, b.audit().size());
        assertEquals(0, Cli.run("check", dir.toString()).status());
    }

    @Test
    void initNeverOverwrites() throws Exception {
        Path dir = tmp.resolve("existing");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), "{ \"mine\": true }");
        Cli r = Cli.run("init", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("already exists and is not an empty folder"), r.err());
        assertEquals("{ \"mine\": true }", Files.readString(dir.resolve("report.json")));
    }

    @Test
    void unknownTemplateWritesNothing() throws Exception {
        Path dir = tmp.resolve("new");
        Cli r = Cli.run("init", dir.toString(), "--template", "dorset-2020");
        assertEquals(2, r.status(), "a usage error, as other wrong options are");
        assertTrue(r.err().contains("--template: no template is called \"dorset-2020\"; did you mean dorset-2019?"), r.err());
        assertFalse(Files.exists(dir));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no temporary folder is left behind");
        }
    }

    @Test
    void badYearIsAUsageError() {
        assertEquals(2, Cli.run("init", tmp.resolve("x").toString(), "--year", "2024").status());
    }
}
