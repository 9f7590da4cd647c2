package org.safeguardingreport.amalgamate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A Word edition laid out by another program: LibreOffice, headless, turns it into a PDF to read back. */
final class LibreOfficeConversion {
    private LibreOfficeConversion() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("soffice", "--version").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** {@code docx} as LibreOffice lays it out, written as a PDF into {@code dir}. */
    static Path toPdf(Path docx, Path dir) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "LibreOffice finished: " + said);
        String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
        assertTrue(Files.isRegularFile(dir.resolve(name)), "LibreOffice wrote " + name + ": " + said);
        return dir.resolve(name);
    }
}
