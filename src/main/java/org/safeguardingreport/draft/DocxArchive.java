package org.safeguardingreport.draft;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A Word file's zip, opened with the JDK's own zip reader and measured before any Word library sees
 * it: the sizes its directory declares and the bytes each entry really inflates to, stopping as soon
 * as a limit is passed, so a decompression bomb (a kilobyte that unpacks to gigabytes) is refused
 * after reading no more than the limit. What passes is packed again from the bytes counted here, so
 * the Word library reads exactly what was measured. Macros, embedded objects and ActiveX controls
 * are noticed here by their part names; nothing of them is ever run.
 */
public final class DocxArchive {
    /** A Word draft on disk larger than this is refused before it is read. */
    public static final long MAX_FILE_BYTES = 100L << 20;
    /** All entries together may unpack to at most this much. */
    public static final long MAX_TOTAL_BYTES = 200L << 20;
    /** One entry may unpack to at most this much. */
    public static final long MAX_ENTRY_BYTES = 100L << 20;
    public static final int MAX_ENTRIES = 10_000;
    /**
     * An entry may inflate to at most this many times its compressed size once it is past
     * {@link #RATIO_GRACE_BYTES} (POI's ZipSecureFile refuses the same, a minimum inflate ratio of 0.01).
     */
    public static final int MAX_RATIO = 100;
    static final long RATIO_GRACE_BYTES = 1L << 20;

    /** Why a file cannot be imported, in words for the person who chose it. */
    public static final class Refused extends Exception {
        private final String hint;

        public Refused(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /**
     * The measured archive: its entries packed again (for the Word library), and what it carries
     * that is never used: a macro project, embedded objects, ActiveX controls.
     */
    public record Opened(byte[] repacked, boolean macroEnabled, List<String> macros, List<String> embedded,
                         List<String> activeX) {
    }

    private DocxArchive() {
    }

    public static Opened open(Path file) throws Refused, IOException {
        if (!Files.exists(file)) {
            throw new Refused("no such file", "give the path of the Word document (.docx)");
        }
        if (!Files.isRegularFile(file)) {
            throw new Refused("this is a folder, not a Word document", "give the path of the .docx file");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new Refused("the file is " + (size >> 20) + " MB; a Word draft is at most " + (MAX_FILE_BYTES >> 20) + " MB",
                    "make pictures smaller in Word (Picture Format > Compress Pictures) and save it again");
        }
        byte[] bytes = Files.readAllBytes(file);
        notAZip(bytes);
        declared(file);
        return measured(bytes);
    }

    /** Refuses what is not a zip at all, naming what it looks like. */
    private static void notAZip(byte[] b) throws Refused {
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return;
        }
        if (b.length == 0) {
            throw new Refused("the file is empty", "save the draft from Word again as a Word Document (.docx)");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0) {
            throw new Refused("this is an old-style Word file (.doc) or a password-protected document, not a .docx",
                    "open it in Word, remove any password (File > Info > Protect Document), and save it as Word Document (.docx)");
        }
        String start = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1).stripLeading();
        if (start.startsWith("{\\rtf")) {
            throw new Refused("this is a Rich Text (.rtf) file, not a .docx", "open it in Word and save it as Word Document (.docx)");
        }
        if (start.startsWith("%PDF")) {
            throw new Refused("this is a PDF, not a Word document", "import the Word edition (annual-report.docx), not the PDF");
        }
        if (start.startsWith("<")) {
            throw new Refused("this is an XML or HTML file, not a .docx", "open it in Word and save it as Word Document (.docx)");
        }
        throw new Refused("this is not a Word document (.docx): it is not a zip package",
                "save the draft from Word as Word Document (.docx)");
    }

    /** The sizes the zip's central directory declares, checked before anything is inflated. */
    private static void declared(Path file) throws Refused, IOException {
        long total = 0;
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw bomb("it holds more than " + MAX_ENTRIES + " parts");
                }
                long s = entry.getSize();
                long c = entry.getCompressedSize();
                if (s > MAX_ENTRY_BYTES) {
                    throw bomb("its part " + entry.getName() + " declares " + (s >> 20) + " MB unpacked");
                }
                if (s > RATIO_GRACE_BYTES && c > 0 && s / c > MAX_RATIO) {
                    throw bomb("its part " + entry.getName() + " declares " + (s >> 20) + " MB unpacked from "
                            + Math.max(1, c >> 10) + " KB packed");
                }
                total += Math.max(0, s);
                if (total > MAX_TOTAL_BYTES) {
                    throw bomb("it declares more than " + (MAX_TOTAL_BYTES >> 20) + " MB unpacked");
                }
            }
        } catch (ZipException e) {
            throw new Refused("this is not a readable zip package (" + e.getMessage() + "), so not a Word document",
                    "save the draft from Word again as Word Document (.docx)");
        }
    }

    /** Inflates every entry, counting real bytes and stopping at the limits; packs what passed again. */
    private static Opened measured(byte[] bytes) throws Refused, IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        Counting packedIn = new Counting(new ByteArrayInputStream(bytes));
        try (ZipInputStream in = new ZipInputStream(packedIn)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw bomb("it holds more than " + MAX_ENTRIES + " parts");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                long packedAtStart = packedIn.count;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long n = 0;
                int r;
                while ((r = in.read(buffer)) > 0) {
                    n += r;
                    total += r;
                    if (n > MAX_ENTRY_BYTES) {
                        throw bomb("its part " + name + " unpacks to more than " + (MAX_ENTRY_BYTES >> 20) + " MB");
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw bomb("it unpacks to more than " + (MAX_TOTAL_BYTES >> 20) + " MB");
                    }
                    if (n > RATIO_GRACE_BYTES) {
                        long packed = Math.max(1, packedIn.count - packedAtStart);
                        if (n / packed > MAX_RATIO) {
                            throw bomb("its part " + name + " unpacks to more than " + MAX_RATIO
                                    + " times its packed size");
                        }
                    }
                    out.write(buffer, 0, r);
                }
                if (entries.put(name, out.toByteArray()) != null) {
                    throw new Refused("the zip holds the part " + name + " twice, so it is not a sound Word document",
                            "save the draft from Word again as Word Document (.docx)");
                }
            }
        } catch (ZipException e) {
            throw new Refused("this is not a readable zip package (" + e.getMessage() + "), so not a Word document",
                    "save the draft from Word again as Word Document (.docx)");
        }
        byte[] types = entries.get("[Content_Types].xml");
        if (types == null || !entries.containsKey("word/document.xml")) {
            String looks = entries.keySet().stream().anyMatch(k -> k.startsWith("xl/")) ? " (it looks like an Excel workbook)"
                    : entries.keySet().stream().anyMatch(k -> k.startsWith("ppt/")) ? " (it looks like a PowerPoint file)"
                    : entries.containsKey("content.xml") ? " (it looks like an OpenDocument file)" : "";
            throw new Refused("this zip is not a Word document: it has no word/document.xml" + looks,
                    "save the draft from Word as Word Document (.docx)");
        }
        String contentTypes = new String(types, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        List<String> macros = new ArrayList<>();
        List<String> embedded = new ArrayList<>();
        List<String> activeX = new ArrayList<>();
        for (String name : entries.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
                macros.add(name);
            } else if (lower.startsWith("word/embeddings/")) {
                embedded.add(name);
            } else if (lower.startsWith("word/activex/") && !lower.contains("/_rels/")) {
                activeX.add(name);
            }
        }
        boolean macroEnabled = contentTypes.contains("macroenabled") || !macros.isEmpty();
        return new Opened(repack(entries), macroEnabled, macros, embedded, activeX);
    }

    /** Counts the packed bytes the zip reader has taken (it reads ahead a little, so an over-estimate). */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }

    private static byte[] repack(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Refused bomb(String why) {
        return new Refused("refused as a possible decompression bomb: " + why,
                "a Word draft unpacks to at most " + (MAX_TOTAL_BYTES >> 20) + " MB; save the draft from Word again, "
                        + "with pictures compressed (Picture Format > Compress Pictures)");
    }
}
