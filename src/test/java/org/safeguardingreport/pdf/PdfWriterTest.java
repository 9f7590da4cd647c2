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

        assertEquals(realImages.resolve("a.png").toUri().toString(), PdfWriter.resolve(root, images, "images/a.png"));
        assertNull(PdfWriter.resolve(root, images, "report.json"));
        assertNull(PdfWriter.resolve(root, images, "images/../report.json"));
        assertNull(PdfWriter.resolve(root, images, "../secret.png"));
        assertNull(PdfWriter.resolve(root, images, "images/link.png"), "a link out of images/ is not followed");
        assertNull(PdfWriter.resolve(root, images, tmp.resolve("secret.png").toUri().toString()));
        assertNull(PdfWriter.resolve(root, images, "file:///etc/passwd"));
        assertNull(PdfWriter.resolve(root, images, "http://127.0.0.1:9/x.png"));
        assertNull(PdfWriter.resolve(root, images, "https://example.org/x.png"));
        assertNull(PdfWriter.resolve(root, images, "jar:file:/x.jar!/a.png"));
        assertNull(PdfWriter.resolve(root, images, "data:image/png;base64,AAAA"));
        assertTrue(PdfWriter.inside(images, realImages.resolve("a.png").toUri().toString()));
        assertFalse(PdfWriter.inside(images, "file:///etc/passwd"));
        assertFalse(PdfWriter.inside(images, "http://127.0.0.1:9/"));
    }
}
