package org.safeguardingreport.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.model.Template;

/**
 * A first look at a reference.docx when the template is read, so that a wrong file is reported with
 * the template's other problems and not in the middle of writing: it must be a Word document
 * (.docx) with styles, and not a macro-enabled one. Only the package's list of parts is read.
 */
final class WordReference {
    /** A reference document holds styles and a page; a large one is not what its name says. */
    static final int MAX_BYTES = 20 << 20;
    private static final int MAX_CONTENT_TYPES = 1 << 20;

    private WordReference() {
    }

    static Optional<Template.Binary> check(byte[] docx, String shown, Diagnostics diags) {
        String hint = "save a Word document as .docx (Word: File > Save As > Word Document), "
                + "or delete it to use the default one";
        if (docx.length > MAX_BYTES) {
            diags.error(shown, Pos.FILE, "the Word reference document is " + (docx.length >> 20)
                    + " MB; a reference document holds styles and a page, at most " + (MAX_BYTES >> 20) + " MB", hint);
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        String contentTypes = "";
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("[Content_Types].xml")) {
                    contentTypes = new String(zip.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            names.clear();
        }
        if (!names.contains("word/document.xml") || contentTypes.isEmpty()) {
            diags.error(shown, Pos.FILE, "the Word reference document is not a Word document (.docx)", hint);
            return Optional.empty();
        }
        if (contentTypes.contains("macroEnabled")) {
            diags.error(shown, Pos.FILE, "the Word reference document is macro-enabled (.docm); macros are not taken",
                    hint);
            return Optional.empty();
        }
        if (!names.contains("word/styles.xml")) {
            diags.error(shown, Pos.FILE, "the Word reference document has no styles", hint);
            return Optional.empty();
        }
        return Optional.of(new Template.Binary(shown, docx));
    }
}
