package org.safeguardingreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout shows the pictures it is given, by their names, and reads nothing else: no file, no address. */
public class PdfWriterTest {
    @TempDir
    Path tmp;

    @Test
    void onlyThePicturesGivenAreShown() throws Exception {
        byte[] given = png(40, 20);
        Files.write(tmp.resolve("secret.png"), png(30, 30));
        Files.createDirectories(tmp.resolve("images"));
        Files.write(tmp.resolve("images/a.png"), png(30, 30));
        String uri = "picture:0123456789abcdef01234567/a.png";
        StringBuilder body = new StringBuilder("<p>Pictures</p><img src=\"" + uri + "\" alt=\"given\"/>");
        for (String src : new String[] {"images/a.png", "../secret.png", tmp.resolve("secret.png").toUri().toString(),
                "file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.org/x.png", "jar:file:/x.jar!/a.png",
                "picture:ffffffffffffffffffffffff/a.png", "picture:0123456789abcdef01234567/../a.png"}) {
            body.append("<img src=\"").append(src).append("\" alt=\"refused\"/>");
        }
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head><title>t</title></head><body>"
                + body + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter.write(xhtml, Map.of(uri, given), java.util.List.of(), false, Map.of(), PdfWriter.PostProcess.NONE, false, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            int images = 0;
            int width = 0;
            PDResources res = doc.getPage(0).getResources();
            for (COSName n : res.getXObjectNames()) {
                if (res.getXObject(n) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                    images++;
                    width = img.getWidth();
                }
            }
            assertEquals(1, images, "the one picture given, and no other");
            assertEquals(40, width, "it is the picture given");
        }
    }

    public static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", b);
        return b.toByteArray();
    }
}
