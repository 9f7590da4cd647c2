package org.safeguardingreport.amalgamate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.safeguardingreport.LibreOffice;

/** A Word edition laid out by another program: LibreOffice, headless, turns it into a PDF to read back. */
final class LibreOfficeConversion {
    private LibreOfficeConversion() {
    }

    /** {@code docx} as LibreOffice lays it out, written as a PDF into {@code dir}. */
    static Path toPdf(Path docx, Path dir) throws Exception {
        Files.createDirectories(dir);
        LibreOffice.Conversion c = LibreOffice.convert(docx, "pdf", dir, dir.resolve("profile"));
        assertTrue(Files.isRegularFile(c.written()), "LibreOffice wrote " + c.written().getFileName() + ": " + c.said());
        return c.written();
    }
}
