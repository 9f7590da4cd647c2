package org.safeguardingreport.html;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.safeguardingreport.TestBundle;

/**
 * Writes a dorset-2019 bundle whose narrative is made of random blocks of random lengths: paragraphs,
 * headings, tight, loose and nested lists, tables, block quotes (with lists inside) and pictures with
 * text below them. Every marked block opens with a word found nowhere else (its token) and is marked
 * for a question no other block cites, so the one page its question cites must be the one page on
 * which its token is drawn. The same seed always writes the same bundle.
 */
final class LayoutGenerator {
    /** One marked block: the token it opens with, the question it is marked for, and what kind of block it is. */
    record Marked(String token, String question, String kind, String file) {
    }

    record Generated(TestBundle bundle, List<Marked> marked) {
    }

    private static final String[] WORDS = ("safeguarding children training supervision named nurse doctor board "
            + "assurance partnership referral assessment health visiting school practitioners review learning "
            + "quarter dashboard compliance level policy audit staff service community midwifery neglect "
            + "exploitation domestic abuse multi-agency plan improvement evidence records family early help "
            + "and the of in to for with was were has have is a by on at").split(" ");
    private static final int[] QUESTIONS = {7, 7, 8, 4, 6, 1, 5, 6, 3, 5};
    private static final String[] SECTIONS = {"executive-summary", "standard-2", "standard-4", "standard-5", "achievements"};

    private final Random random;
    private final List<String> questions = new ArrayList<>();
    private final List<Marked> marked = new ArrayList<>();
    private String file;
    private int tokens;

    private LayoutGenerator(long seed) {
        random = new Random(seed);
        for (int s = 1; s <= QUESTIONS.length; s++) {
            for (int q = 1; q <= QUESTIONS[s - 1]; q++) {
                questions.add(s + "." + q);
            }
        }
        // TestBundle's own standard-3 file cites these
        questions.removeAll(List.of("3.1", "3.7", "3.8"));
        java.util.Collections.shuffle(questions, random);
    }

    static Generated write(Path parent, long seed) {
        return new LayoutGenerator(seed).bundle(parent);
    }

    private Generated bundle(Path parent) {
        TestBundle b = new TestBundle(parent);
        b.write("images/figure.png", png(random.nextInt(60, 420)));
        int sections = random.nextInt(2, 4);
        for (int i = 0; i < sections; i++) {
            file = "narrative/" + SECTIONS[i] + ".md";
            StringBuilder md = new StringBuilder();
            int blocks = random.nextInt(6, 16);
            for (int k = 0; k < blocks && !questions.isEmpty(); k++) {
                block(md);
            }
            b.write(file, md.toString());
        }
        return new Generated(b, List.copyOf(marked));
    }

    private void block(StringBuilder md) {
        switch (random.nextInt(9)) {
            case 0, 1 -> md.append(paragraph(random.nextInt(5, 160), mark("paragraph"))).append("\n\n");
            case 2 -> {
                String m = mark("heading");
                md.append(random.nextBoolean() ? "## " : "### ").append(m == null ? "" : token() + " ")
                        .append(words(random.nextInt(1, 8))).append(m == null ? "" : " " + m).append("\n\n");
                md.append(paragraph(random.nextInt(10, 120), null)).append("\n\n");
            }
            case 3, 4 -> {
                md.append(paragraph(random.nextInt(5, 140), null)).append("\n\n");
                list(md, "", random.nextBoolean(), 0);
                md.append('\n');
            }
            case 5 -> table(md);
            case 6 -> {
                md.append("> ").append(paragraph(random.nextInt(5, 80), mark("quoted paragraph"))).append("\n");
                if (random.nextBoolean()) {
                    md.append(">\n");
                    for (int i = random.nextInt(1, 4); i > 0; i--) {
                        md.append("> - ").append(paragraph(random.nextInt(3, 40), mark("list item in a quote"))).append('\n');
                    }
                }
                md.append('\n');
            }
            case 7 -> {
                md.append("![A chart of the year's figures](images/figure.png)\n\n");
                md.append(paragraph(random.nextInt(5, 100), mark("paragraph below a picture"))).append("\n\n");
            }
            default -> md.append(paragraph(random.nextInt(40, 220), null)).append("\n\n");
        }
    }

    private void list(StringBuilder md, String indent, boolean loose, int depth) {
        boolean numbered = random.nextInt(3) == 0;
        int items = random.nextInt(1, 7);
        for (int i = 1; i <= items; i++) {
            String kind = (loose ? "loose " : "tight ") + (depth > 0 ? "nested " : "") + "list item";
            md.append(indent).append(numbered ? i + ". " : "- ").append(paragraph(random.nextInt(3, 70), mark(kind)))
                    .append('\n');
            String inner = indent + (numbered ? "   " : "  ");
            if (loose) {
                md.append('\n');
                if (random.nextInt(3) == 0) {
                    md.append(inner).append(paragraph(random.nextInt(5, 50), null)).append("\n\n");
                }
            }
            if (depth < 2 && random.nextInt(5) == 0) {
                list(md, inner, loose, depth + 1);
                if (!loose) {
                    continue;
                }
                md.append('\n');
            }
        }
    }

    private void table(StringBuilder md) {
        md.append(paragraph(random.nextInt(5, 120), null)).append("\n\n");
        int cols = random.nextInt(2, 5);
        md.append('|');
        for (int c = 0; c < cols; c++) {
            md.append(' ').append(capital(words(random.nextInt(1, 3)))).append(" |");
        }
        md.append("\n|");
        md.append(" --- |".repeat(cols)).append('\n');
        for (int r = random.nextInt(1, 14); r > 0; r--) {
            String m = mark("table row");
            md.append('|');
            for (int c = 0; c < cols; c++) {
                String text = words(random.nextInt(1, c == 0 ? 20 : 8));
                if (c == 0 && m != null) {
                    text = token() + " " + text;
                }
                md.append(' ').append(text);
                if (c == cols - 1 && m != null) {
                    md.append(' ').append(m);
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** A marker for a fresh question about half the time (null otherwise), recording the block it will mark. */
    private String mark(String kind) {
        if (questions.isEmpty() || random.nextInt(2) == 0) {
            return null;
        }
        String q = questions.remove(questions.size() - 1);
        marked.add(new Marked("Tok" + (++tokens) + "q", q, kind, file));
        return "{audit=" + q + "}";
    }

    /** The token of the block {@link #mark} has just recorded. */
    private String token() {
        return marked.get(marked.size() - 1).token();
    }

    /** A paragraph of about {@code n} words; with a marker it opens with the marked block's token and ends with the marker. */
    private String paragraph(int n, String marker) {
        String text = capital(words(n)) + ".";
        return marker == null ? text : token() + " " + text + " " + marker;
    }

    private String words(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(i % 17 == 0 ? ". " : " ");
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static byte[] png(int height) {
        BufferedImage img = new BufferedImage(400, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xE8EDEE));
        g.fillRect(0, 0, 400, height);
        g.setColor(new Color(0x005EB8));
        g.fillRect(20, height / 3, 360, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
