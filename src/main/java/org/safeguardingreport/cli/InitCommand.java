package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.init.Skeleton;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.template.TemplateLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a new bundle skeleton that passes check: every section with a prompt, an empty "
                + "data file for the year, and audit.json with every question unanswered.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the new bundle folder (must not exist, or be empty)")
    Path dir;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "dorset-2019",
            description = "dorset-2019 (the default), somerset-2018, or your own copy under report-templates/")
    String template;

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "Your NHS Trust",
            description = "the provider's name, as on the cover")
    String provider;

    @Option(names = "--year", paramLabel = "YYYY/YY",
            description = "the reporting year (default: the last financial year that has ended, the one a report is "
                    + "written about)")
    String year;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // a year's report is written after its 31 March, so the default is the last year that has ended
        ReportingYear ry = year == null ? ReportingYear.containing(LocalDate.now()).previous()
                : ReportingYear.parseLabel(year).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--year \"" + year + "\" is not a financial year: write it like 2023/24"));
        if (provider.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--provider needs a name");
        }
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            err.println(dir + ": error: already exists and is not an empty folder; init never overwrites a bundle");
            err.println("  hint: choose a new folder name");
            return ExitStatus.INPUT_ERRORS;
        }
        TemplateLoader loader = TemplateLoader.forBundle(dir);
        if (!loader.exists(template)) {
            String hint = org.safeguardingreport.text.Suggest.didYouMean(template, loader.names());
            throw new CommandLine.ParameterException(spec.commandLine(), "--template: no template is called \"" + template
                    + "\"" + (hint != null ? "; " + hint : "") + " (templates: " + String.join(", ", loader.names()) + ")");
        }
        Diagnostics diags = new Diagnostics();
        Optional<Template> t = loader.load(template, "--template", Pos.FILE, diags);
        if (t.isEmpty()) {
            DiagnosticPrinter.print(diags, err);
            return ExitStatus.INPUT_ERRORS;
        }
        Skeleton.write(dir, t.get(), provider.strip(), ry);
        out.println("Wrote a new " + t.get().name() + " bundle for " + provider.strip() + ", " + ry.label() + ", in " + dir);
        out.println("  report.json             who, which year, the cover sheet and (when approved) the sign-off");
        out.println("  narrative/*.md          " + t.get().sections().size()
                + " sections, each holding a prompt to replace with your text");
        out.println("  data/" + ry.fileStem() + ".json     the year's dashboard figures, quarter by quarter");
        out.println("  audit.json              an answer to each of the " + t.get().audit().questions().size()
                + " audit questions");
        out.println("  images/                 pictures used in the narrative");
        out.println("Next: ./build-report.sh check " + dir);
        return ExitStatus.OK;
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }
}
