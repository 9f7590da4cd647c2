package org.safeguardingreport.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;

/**
 * Reads an author's text file: strict UTF-8 (the first invalid byte is reported with its line, column
 * and value; nothing is ever replaced), a leading byte-order mark dropped, and CRLF or CR line ends
 * turned into LF so that lines and columns mean the same thing in every later stage.
 */
public final class SourceText {
    /** Larger text files are refused before decoding: no report section comes near this. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SourceText() {
    }

    public static Optional<String> read(Path file, String shownAs, Diagnostics diags) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                diags.error(shownAs, Pos.FILE, "file is too large to be a report text (" + Files.size(file) / (1024 * 1024)
                        + " MB; the limit is " + MAX_BYTES / (1024 * 1024) + " MB)");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diags.error(shownAs, Pos.FILE, "cannot read the file: " + describe(e));
            return Optional.empty();
        }
        return decode(bytes, shownAs, diags);
    }

    public static Optional<String> decode(byte[] bytes, String shownAs, Diagnostics diags) {
        int start = hasBom(bytes) ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            reportInvalidByte(bytes, start, bad, shownAs, diags);
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        return Optional.of(normaliseLineEnds(out.toString()));
    }

    private static void reportInvalidByte(byte[] bytes, int start, int bad, String shownAs, Diagnostics diags) {
        String before;
        try {
            before = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, bad - start)).toString();
        } catch (CharacterCodingException e) {
            before = "";
        }
        before = normaliseLineEnds(before);
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lastNewline = i;
            }
        }
        int column = before.length() - lastNewline;
        int value = bytes[bad] & 0xff;
        String guess = "";
        if (value >= 0x80) {
            String cp1252 = new String(new byte[] {bytes[bad]}, WINDOWS_1252);
            if (!cp1252.isEmpty() && cp1252.charAt(0) != '\ufffd' && !Character.isISOControl(cp1252.charAt(0))) {
                guess = " (in Windows-1252 it would be '" + cp1252 + "')";
            }
        }
        diags.error(shownAs, new Pos(line, column),
                String.format("the file is not UTF-8: byte 0x%02X is not valid UTF-8%s", value, guess),
                "re-save the file as UTF-8 (in Notepad or Word: Save As, Encoding: UTF-8)");
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    static String normaliseLineEnds(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
