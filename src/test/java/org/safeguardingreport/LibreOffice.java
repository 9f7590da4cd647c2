package org.safeguardingreport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** LibreOffice, headless, for the tests that read an edition as another program does (.ci/run installs it). */
public final class LibreOffice {
    private LibreOffice() {
    }

    /** Whether {@code soffice} runs. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("soffice", "--version").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Whether Calc, LibreOffice's spreadsheet, is installed too. */
    public static boolean hasCalc() {
        return available() && (Files.exists(Path.of("/usr/lib/libreoffice/program/libsclo.so"))
                || Files.exists(Path.of("/opt/libreoffice/program/libsclo.so")));
    }

    /** What a conversion came to: soffice's exit status and words, and the file it was to write. */
    public record Conversion(int exit, String said, Path written) {
    }

    /**
     * Converts {@code file} to {@code to} (soffice's --convert-to, such as {@code "pdf"} or
     * {@code "xlsx:Calc MS Excel 2007 XML"}) into {@code outDir}, with its profile in {@code profile}.
     */
    public static Conversion convert(Path file, String to, Path outDir, Path profile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", to, "--outdir", outDir.toString(), file.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "LibreOffice finished");
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "." + to.split(":")[0];
        return new Conversion(p.exitValue(), said, outDir.resolve(name));
    }
}
