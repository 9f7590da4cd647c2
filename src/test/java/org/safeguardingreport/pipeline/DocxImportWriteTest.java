package org.safeguardingreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import's files go into place together or not at all. */
class DocxImportWriteTest {
    @TempDir
    Path bundle;

    private static DocxImport.Planned file(String path, String text, DocxImport.Change change) {
        return new DocxImport.Planned(path, text.getBytes(StandardCharsets.UTF_8), change);
    }

    @Test
    void aMoveThatFailsPutsBackWhatWasAlreadyMoved() throws Exception {
        Files.createDirectories(bundle.resolve("narrative"));
        Files.writeString(bundle.resolve("narrative/risk.md"), "The old risk section.\n");
        // the second file's folder cannot be written: a file stands where its folder should be
        Files.writeString(bundle.resolve("blocked"), "not a folder");
        List<DocxImport.Planned> planned = List.of(
                file("narrative/risk.md", "The new risk section.\n", DocxImport.Change.OVERWRITES),
                file("narrative/conclusion.md", "A new conclusion.\n", DocxImport.Change.NEW),
                file("blocked/x.md", "cannot be written\n", DocxImport.Change.NEW));
        assertThrows(java.io.IOException.class, () -> DocxImport.write(bundle, planned));
        assertEquals("The old risk section.\n", Files.readString(bundle.resolve("narrative/risk.md")));
        assertFalse(Files.exists(bundle.resolve("narrative/conclusion.md")));
        try (Stream<Path> s = Files.list(bundle)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".import-docx")), "the staging folder is removed");
        }
    }
}
