package org.safeguardingreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The only files the layout may read are the bundle's own pictures. */
class PdfWriterTest {
    @TempDir
    Path tmp;

    @Test
    void resolverAllowsOnlyFilesInsideImages() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("bundle"));
        Path images = Files.createDirectories(root.resolve("images"));
        Files.writeString(images.resolve("a.png"), "x");
        Files.writeString(root.resolve("report.json"), "{}");
        Files.writeString(tmp.resolve("secret.png"), "x");
        Files.createSymbolicLink(images.resolve("link.png"), tmp.resolve("secret.png"));
        Path realImages = images.toRealPath();
        // a second bundle's pictures are allowed too, and only its images/ folder
        Path other = Files.createDirectories(tmp.resolve("other"));
        Path otherImages = Files.createDirectories(other.resolve("images"));
        Files.writeString(otherImages.resolve("b.png"), "x");
        Files.writeString(other.resolve("audit.json"), "{}");
        java.util.List<Path> dirs = java.util.List.of(images, otherImages);
        assertEquals(otherImages.toRealPath().resolve("b.png").toUri().toString(),
                PdfWriter.resolve(root, dirs, otherImages.resolve("b.png").toUri().toString()));
        assertNull(PdfWriter.resolve(root, dirs, other.resolve("audit.json").toUri().toString()));
        assertNull(PdfWriter.resolve(root, dirs, otherImages.resolve("../audit.json").toUri().toString()));

        assertEquals(realImages.resolve("a.png").toUri().toString(), PdfWriter.resolve(root, dirs, "images/a.png"));
        assertNull(PdfWriter.resolve(root, dirs, "report.json"));
        assertNull(PdfWriter.resolve(root, dirs, "images/../report.json"));
        assertNull(PdfWriter.resolve(root, dirs, "../secret.png"));
        assertNull(PdfWriter.resolve(root, dirs, "images/link.png"), "a link out of images/ is not followed");
        assertNull(PdfWriter.resolve(root, dirs, tmp.resolve("secret.png").toUri().toString()));
        assertNull(PdfWriter.resolve(root, dirs, "file:///etc/passwd"));
        assertNull(PdfWriter.resolve(root, dirs, "http://127.0.0.1:9/x.png"));
        assertNull(PdfWriter.resolve(root, dirs, "https://example.org/x.png"));
        assertNull(PdfWriter.resolve(root, dirs, "jar:file:/x.jar!/a.png"));
        assertNull(PdfWriter.resolve(root, dirs, "data:image/png;base64,AAAA"));
        assertTrue(PdfWriter.inside(dirs, realImages.resolve("a.png").toUri().toString()));
        assertFalse(PdfWriter.inside(dirs, "file:///etc/passwd"));
        assertFalse(PdfWriter.inside(dirs, "http://127.0.0.1:9/"));
    }
}
