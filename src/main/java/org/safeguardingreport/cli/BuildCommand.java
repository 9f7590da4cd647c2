package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.sign.SigningKey;
import org.safeguardingreport.pipeline.Publish;
import org.safeguardingreport.pipeline.ReportBuild;
import org.safeguardingreport.text.SourceText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the annual report and its audit: annual-report.pdf and .docx, audit.pdf and .docx, build.json.",
                "Without --final it is a draft, marked DRAFT on every page."})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder")
    Path bundle;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "output folder (default: out/<bundle folder name>/)")
    Path out;

    @Option(names = "--final", description = "the signed-off report: refuses unless the bundle passes check --final (the "
            + "sign-off filled in, a complete board cover sheet, no audit gap, no placeholder picture, no init prompt left)")
    boolean finalBuild;

    @Option(names = "--sign", paramLabel = "KEYSTORE.p12",
            description = "with --final: sign annual-report.pdf and audit.pdf with the key in this PKCS#12 keystore")
    Path keystore;

    @Option(names = "--sign-password-env", paramLabel = "VAR",
            description = "the environment variable holding the keystore's password (otherwise it is asked for)")
    String passwordEnv;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (keystore != null && !finalBuild) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sign signs a final report: add --final");
        }
        if (passwordEnv != null && keystore == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sign-password-env needs --sign KEYSTORE.p12");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-o " + out + ": this is a file; the output "
                    + "must be a folder, which will hold annual-report.pdf, annual-report.docx, audit.pdf, audit.docx and build.json");
        }
        SigningKey key = null;
        if (keystore != null) {
            char[] password = password(err);
            if (password == null) {
                return ExitStatus.INPUT_ERRORS;
            }
            try {
                key = SigningKey.load(keystore, password);
            } catch (SigningKey.Unusable e) {
                err.println(e.getMessage().startsWith(keystore.toString()) ? e.getMessage().replaceFirst(
                        java.util.regex.Pattern.quote(keystore.toString()) + ": ", keystore + ": error: ") : "error: " + e.getMessage());
                err.println("build stopped: the report cannot be signed; nothing was written");
                return ExitStatus.INPUT_ERRORS;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        ReportBuild.Outcome outcome = ReportBuild.run(bundle, finalBuild, key);
        if (outcome instanceof ReportBuild.Unproven u) {
            u.lines().forEach(err::println);
            err.println("build stopped: a page the report or audit would print could not be proven against the PDF's text;"
                    + " nothing was written. Please report this with the bundle.");
            return ExitStatus.INTERNAL;
        }
        if (outcome instanceof ReportBuild.Refused r) {
            DiagnosticPrinter.print(r.diags(), err);
            err.println((r.finalGate() ? "final build refused: " : "build stopped: ") + DiagnosticPrinter.counts(r.diags())
                    + "; nothing was written");
            return ExitStatus.INPUT_ERRORS;
        }
        ReportBuild.Built built = (ReportBuild.Built) outcome;
        DiagnosticPrinter.print(built.diags(), err);
        Bundle b = built.bundle();
        Path target = out != null ? out : Paths.get("out", b.name());
        try {
            Publish.publish(target, built.files());
        } catch (IOException e) {
            err.println(target + ": error: cannot write the outputs: " + SourceText.describe(e));
            return ExitStatus.INPUT_ERRORS;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("Built the " + (finalBuild ? "final" : "draft") + " annual report and audit of " + b.meta().provider().name()
                + ", " + b.meta().reportingYear().label() + " (" + built.report().pages() + " pages)");
        for (String f : built.files().keySet()) {
            o.println("  " + target.resolve(f));
        }
        if (finalBuild) {
            o.println(key != null ? "The PDFs are digitally signed by " + key.certificate().getSubjectX500Principal().getName()
                    + "; check them with: ./build-report.sh verify " + target.resolve(ReportBuild.REPORT_PDF)
                    : "The final PDFs are not digitally signed (add --sign KEYSTORE.p12 to sign them).");
        }
        return ExitStatus.OK;
    }

    /** From the named environment variable, or asked for on the terminal; never from the command line. */
    private char[] password(PrintWriter err) {
        if (passwordEnv != null) {
            String v = System.getenv(passwordEnv);
            if (v == null) {
                err.println("error: the environment variable " + passwordEnv + " is not set");
                return null;
            }
            return v.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            err.println("error: no terminal to ask for the keystore password: give --sign-password-env VAR");
            return null;
        }
        return console.readPassword("Password for %s: ", keystore);
    }
}
