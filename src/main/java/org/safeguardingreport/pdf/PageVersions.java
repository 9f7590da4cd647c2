package org.safeguardingreport.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;

/**
 * Each page's version: a digest of what is drawn on it (its content, its size, its pictures and the
 * fonts it names), equal for two pages that look the same. A font's subset tag ("ABCDEF+") is left
 * out: it changes with the glyphs the whole document uses, not with what this page shows, since the
 * page draws glyphs by their number in the full font.
 */
public final class PageVersions {
    private PageVersions() {
    }

    public static List<String> of(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>(doc.getNumberOfPages());
        for (PDPage page : doc.getPages()) {
            out.add(of(page));
        }
        return out;
    }

    public static String of(PDPage page) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = page.getContents()) {
            if (in != null) {
                md.update(in.readAllBytes());
            }
        }
        md.update(page.getMediaBox().toString().getBytes(StandardCharsets.UTF_8));
        PDResources res = page.getResources();
        if (res != null) {
            for (COSName n : res.getXObjectNames()) {
                PDXObject x = res.getXObject(n);
                md.update(n.getName().getBytes(StandardCharsets.UTF_8));
                if (x != null && x.getCOSObject() != null) {
                    COSStream s = x.getCOSObject();
                    try (InputStream in = s.createRawInputStream()) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            // the font's name from its dictionary: making a PDFont of it would cost more than the digest
            COSDictionary fonts = res.getCOSObject().getCOSDictionary(COSName.FONT);
            for (COSName n : res.getFontNames()) {
                COSDictionary f = fonts == null ? null : fonts.getCOSDictionary(n);
                String name = f == null ? "" : String.valueOf(f.getNameAsString(COSName.BASE_FONT));
                md.update((n.getName() + "=" + name.replaceFirst("^[A-Z]{6}\\+", "")).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest(), 0, 12);
    }
}
