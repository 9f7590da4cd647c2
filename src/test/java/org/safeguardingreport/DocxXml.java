package org.safeguardingreport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reading a built Word file back as its raw XML parts. */
public final class DocxXml {
    private DocxXml() {
    }

    /** The body, word/document.xml. */
    public static String document(Path docx) throws IOException {
        return parts(docx, "word/document.xml");
    }

    /** Every XML part whose name starts with {@code prefix}, one after another. */
    public static String parts(Path docx, String prefix) throws IOException {
        StringBuilder out = new StringBuilder();
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith(prefix) && e.getName().endsWith(".xml")) {
                    out.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out.toString();
    }
}
