package org.safeguardingreport.draft;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pictures of a draft as a bundle can hold them: PNG and JPEG kept as they are; GIF, BMP and TIFF
 * made PNG (their size read from the header first, so a picture claiming a huge size is never
 * decoded); anything else (EMF, WMF, ...) is not usable.
 */
final class Pictures {
    /** The same limits as a bundle's pictures (NarrativeReader). */
    static final long MAX_SIDE = 20_000;
    static final long MAX_PIXELS = 50_000_000;

    record Usable(byte[] bytes, String extension) {
    }

    private Pictures() {
    }

    static Usable usable(byte[] b) {
        if (b == null || b.length < 8) {
            return null;
        }
        if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return new Usable(b, "png");
        }
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return new Usable(b, "jpg");
        }
        boolean gif = b[0] == 'G' && b[1] == 'I' && b[2] == 'F';
        boolean bmp = b[0] == 'B' && b[1] == 'M';
        boolean tiff = (b[0] == 'I' && b[1] == 'I' && b[2] == 42) || (b[0] == 'M' && b[1] == 'M' && b[3] == 42);
        if (!(gif || bmp || tiff)) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
                    return null;
                }
                BufferedImage image = reader.read(0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (!ImageIO.write(image, "png", out)) {
                    return null;
                }
                return new Usable(out.toByteArray(), "png");
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
