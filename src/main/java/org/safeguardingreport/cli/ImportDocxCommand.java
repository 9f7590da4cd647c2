package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.safeguardingreport.draft.SectionSplitter;
import org.safeguardingreport.pipeline.DocxImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-docx", mixinStandardHelpOptions = true,
        description = {"Split a Word draft into the bundle's narrative/ sections by its headings, matched to the "
                + "template's section headings; pictures go into images/.",
                "Tracked changes are taken as accepted and comments left out; macros, linked pictures and embedded "
                        + "objects are ignored, never run. Section files that already hold text are kept unless --force."})
final class ImportDocxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder (./build-report.sh init makes one)")
    Path bundle;

    @Parameters(index = "1", paramLabel = "DRAFT.docx", description = "the Word document")
    Path draft;

    @Option(names = "--force", description = "replace section files and pictures that already hold something else")
    boolean force;

    @Option(names = "--dry-run", description = "print what would be written, and write nothing")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DocxImport.Result r = DocxImport.run(bundle, draft, draft.toString(), force, dryRun);
        DiagnosticPrinter.print(r.diags(), spec.commandLine().getErr());
        r.split().ifPresent(split -> out.print(summary(r, split)));
        if (dryRun && !r.files().isEmpty()) {
            for (DocxImport.Planned p : r.files()) {
                if (p.path().endsWith(".md")) {
                    out.println();
                    out.println("--- " + p.path() + " (" + p.change().words + ") ---");
                    out.print(p.text());
                }
            }
        }
        if (r.refused()) {
            out.println(dryRun ? "The import would be refused: nothing would be written."
                    : "Nothing was written.");
        } else if (r.written()) {
            out.println("Next: ./build-report.sh check " + bundle);
        } else if (dryRun) {
            out.println("Dry run: nothing was written.");
        }
        out.flush();
        return r.refused() ? ExitStatus.INPUT_ERRORS : ExitStatus.OK;
    }

    private String summary(DocxImport.Result r, SectionSplitter.Split split) {
        StringBuilder s = new StringBuilder();
        s.append(dryRun ? "Would import " : r.refused() ? "Read " : "Imported ").append(draft).append(" into ").append(bundle)
                .append(" (template ").append(r.template().name()).append("):\n");
        int width = 0;
        for (SectionSplitter.Section sec : split.sections()) {
            width = Math.max(width, Math.min(60, sec.heading().length() + 2));
        }
        for (SectionSplitter.Section sec : split.sections()) {
            String heading = "\"" + shorten(sec.heading(), 58) + "\"";
            String target = r.sectionFiles().getOrDefault(sec.id(), "narrative/" + sec.id() + ".md (nothing to write)");
            s.append("  ").append(heading).append(" ".repeat(Math.max(1, width - heading.length() + 1)))
                    .append("-> ").append(target).append("  (").append(sec.how()).append(")\n");
        }
        List<String> absent = new ArrayList<>();
        for (var spec : r.template().sections()) {
            if (split.sections().stream().noneMatch(x -> x.id().equals(spec.id()))) {
                absent.add(spec.id());
            }
        }
        if (!absent.isEmpty()) {
            s.append("Not in the draft (files left as they are): ").append(String.join(", ", absent)).append('\n');
        }
        if (!split.leftOut().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Integer> e : split.leftOut().entrySet()) {
                parts.add(e.getValue() > 1 ? e.getKey() + " (" + e.getValue() + ")" : e.getKey());
            }
            s.append("Left out, as the layout writes them at every build: ").append(String.join(", ", parts)).append('\n');
        }
        for (String n : r.notes()) {
            s.append("Note: ").append(n).append('\n');
        }
        long sections = r.files().stream().filter(p -> p.path().endsWith(".md")).count();
        long pictures = r.files().size() - sections;
        s.append(dryRun || r.refused() ? "Would write " : "Wrote ").append(sections).append(sections == 1 ? " section" : " sections")
                .append(pictures > 0 ? " and " + pictures + (pictures == 1 ? " picture" : " pictures") : "").append(":\n");
        for (DocxImport.Planned p : r.files()) {
            s.append("  ").append(p.path()).append("  (").append(p.change().words).append(")\n");
        }
        return s.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
