package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.safeguardingreport.sign.Verifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the digital signatures of a signed final PDF: signer, time, reason, and that no byte "
                + "changed since signing. Exit 0 only when every signature is intact and covers the whole file.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "the PDF to check")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(file)) {
            err.println(file + ": error: this is a folder; give the signed PDF file itself, such as "
                    + file.resolve("annual-report.pdf"));
            return ExitStatus.INPUT_ERRORS;
        }
        if (!Files.isRegularFile(file)) {
            err.println(file + ": error: no such file");
            return ExitStatus.INPUT_ERRORS;
        }
        List<Verifier.Result> results;
        try {
            results = Verifier.verify(file);
        } catch (IOException e) {
            err.println(file + ": error: not a readable PDF (" + e.getMessage() + ")");
            return ExitStatus.INPUT_ERRORS;
        }
        if (results.isEmpty()) {
            err.println(file + ": error: the file has no digital signature");
            return ExitStatus.INPUT_ERRORS;
        }
        boolean ok = true;
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
        for (Verifier.Result r : results) {
            out.println("Signature \"" + r.name() + "\"");
            out.println("  signer:  " + r.signer());
            out.println("  time:    " + (r.time() == null ? "not given" : when.format(r.time().toInstant().atZone(ZoneOffset.UTC))));
            out.println("  reason:  " + (r.reason() == null ? "not given" : r.reason()));
            out.println("  intact:  " + (r.intact() ? "yes, no signed byte has changed" : "NO: " + r.problem()));
            out.println("  covers:  " + (r.coversWholeFile() ? "the whole file"
                    : "NOT the whole file: " + r.bytesAfter() + " bytes were added after signing"));
            if (!r.ok()) {
                ok = false;
                err.println(file + ": error: signature \"" + r.name() + "\" "
                        + (!r.intact() ? "is not intact: " + r.problem() : "does not cover the whole file: "
                        + r.bytesAfter() + " bytes were added after signing"));
            }
        }
        out.println(ok ? "Valid: every signature is intact and covers the whole file." : "NOT VALID.");
        return ok ? ExitStatus.OK : ExitStatus.INPUT_ERRORS;
    }
}
