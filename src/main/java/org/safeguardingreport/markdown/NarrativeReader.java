package org.safeguardingreport.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.safeguardingreport.bundle.BundleFiles;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.Narrative.BlockKind;
import org.safeguardingreport.model.Narrative.ChartRef;
import org.safeguardingreport.model.Narrative.EvidenceMarker;
import org.safeguardingreport.model.Narrative.FigureRef;
import org.safeguardingreport.model.Narrative.PictureRef;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.template.QuestionIds;
import org.safeguardingreport.text.LineIndex;
import org.safeguardingreport.text.Suggest;

/**
 * Parses one narrative file and checks everything the dialect adds to CommonMark: evidence
 * markers against the template's audit questions, figures and charts against the measures,
 * pictures against the bundle's images/ folder. Every problem is reported; the file is still
 * returned so later stages can render what is valid.
 */
public final class NarrativeReader {
    /** Written by {@code init} in each new section file; a file still holding it is unfinished. */
    public static final String PROMPT_PREFIX = "_Replace this line:";

    private static final Pattern MARKER = Pattern.compile(
            "\\{\\s*audit\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s}\"']*)\\s*\\}", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIGURE = Pattern.compile("([^@\\s]+)@(\\S+)(?:\\s+(\\S+))?");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Set<String> PICTURE_TYPES = Set.of("png", "jpg", "jpeg", "svg");
    private static final long MAX_PICTURE_SIDE = 20_000;
    private static final long MAX_PICTURE_PIXELS = 50_000_000;
    /** A picture file larger than this is not placed in a report. */
    private static final long MAX_PICTURE_BYTES = 32L << 20;
    /** Lists and quotes nested deeper than this are refused: no report needs them, and they only cost. */
    public static final int MAX_NESTING = 50;

    private final BundleFiles files;
    private final Template template;
    private final Diagnostics diags;
    private final java.util.function.BiConsumer<String, byte[]> pictureRead;

    /**
     * @param template null when report.json names no usable template: question checks are then skipped
     * @param pictureRead told each picture that can be shown, with its bytes, so that they are read once
     */
    public NarrativeReader(BundleFiles files, Template template, Diagnostics diags,
                           java.util.function.BiConsumer<String, byte[]> pictureRead) {
        this.files = files;
        this.template = template;
        this.diags = diags;
        this.pictureRead = pictureRead;
    }

    /**
     * The line (1-based) of the first prompt {@code init} wrote that the text still holds, or 0. The
     * bundle's loader reports unfinished sections together, in one warning.
     */
    public static int promptLine(String markdown) {
        int n = 0;
        for (String l : markdown.split("\n", -1)) {
            n++;
            if (l.strip().startsWith(PROMPT_PREFIX)) {
                return n;
            }
        }
        return 0;
    }

    public Narrative read(String id, String file, String text) {
        FrontMatter.Result fm = FrontMatter.read(text, file, diags);
        String markdown = fm.markdown();
        Document doc = ReportMarkdown.parse(markdown);
        LineIndex lines = new LineIndex(markdown);
        List<EvidenceMarker> markers = new ArrayList<>();
        List<FigureRef> figures = new ArrayList<>();
        List<ChartRef> charts = new ArrayList<>();
        List<PictureRef> pictures = new ArrayList<>();
        Pos firstHtml = null;
        int htmlCount = 0;
        for (Node n : doc.getDescendants()) {
            if (n instanceof EvidenceMarkerNode m) {
                marker(m, file, lines).ifPresent(e -> {
                    markers.add(e);
                    m.questions(e.questions());
                });
            } else if (n instanceof DataRefNode d) {
                if (d.isChart()) {
                    chart(d, file, lines).ifPresent(c -> {
                        charts.add(c);
                        d.ref(c);
                    });
                } else {
                    figure(d, file, lines).ifPresent(f -> {
                        figures.add(f);
                        d.ref(f);
                    });
                }
            } else if (n instanceof Image img) {
                pictures.add(picture(img.getUrl().toString(), img.getText().toString(), file, lines.pos(n.getStartOffset())));
            } else if (n instanceof ImageRef ref) {
                Reference r = ref.getReferenceNode(doc);
                if (r != null) {
                    pictures.add(picture(r.getUrl().toString(), ref.getText().toString(), file, lines.pos(n.getStartOffset())));
                }
            } else if (n instanceof HtmlBlock || n instanceof HtmlInline || n instanceof HtmlCommentBlock
                    || n instanceof HtmlInlineComment) {
                if (htmlCount++ == 0) {
                    firstHtml = lines.pos(n.getStartOffset());
                }
            } else if (n instanceof Heading h && h.getLevel() == 1) {
                diags.warning(file, lines.pos(n.getStartOffset()),
                        "a '#' heading stands level with the section's own heading",
                        "start sub-headings with '##'; to rename the section, set title: in front matter");
            }
        }
        int depth = depth(doc);
        if (depth > MAX_NESTING) {
            diags.error(file, Pos.FILE, "lists or quotes are nested " + depth + " levels deep; the limit is " + MAX_NESTING,
                    "flatten the nesting: a report needs only a few levels");
        }
        if (firstHtml != null) {
            diags.warning(file, firstHtml, "raw HTML is not interpreted: it will be shown as written"
                    + (htmlCount > 1 ? " (" + htmlCount + " places in this file)" : ""),
                    "use Markdown instead: **bold**, - lists, | tables |, ![alt](images/picture.png)");
        }
        if (markdown.isBlank()) {
            diags.warning(file, Pos.FILE, "the section file is empty: the report will say \"No narrative provided.\"",
                    "write the section's text, or delete the file");
        }
        return new Narrative(id, file, fm.title(), markdown, doc, List.copyOf(markers), List.copyOf(figures),
                List.copyOf(charts), List.copyOf(pictures));
    }

    /** The deepest nesting of block containers (lists, list items, quotes), without recursion. */
    private static int depth(Document doc) {
        int max = 0;
        for (Node n : doc.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.ListBlock || n instanceof com.vladsch.flexmark.ast.BlockQuote) {
                int d = 0;
                for (Node p = n; p != null; p = p.getParent()) {
                    if (p instanceof com.vladsch.flexmark.ast.ListBlock || p instanceof com.vladsch.flexmark.ast.BlockQuote) {
                        d++;
                    }
                }
                max = Math.max(max, d);
            }
        }
        return max;
    }

    // ---------------------------------------------------------------- evidence markers

    private Optional<EvidenceMarker> marker(EvidenceMarkerNode node, String file, LineIndex lines) {
        int start = node.getStartOffset();
        Pos pos = lines.pos(start);
        String raw = node.getChars().toString();
        if (!node.closed()) {
            diags.error(file, pos, "the evidence marker is not closed", "write it as {audit=3.2} on one line");
            return Optional.empty();
        }
        Matcher m = MARKER.matcher(raw);
        if (!m.matches()) {
            diags.error(file, pos, "malformed evidence marker " + raw,
                    "write {audit=3.2}, or {audit=\"3.2 4.1\"} for several questions");
            return Optional.empty();
        }
        String value = m.group(1);
        int valueStart = m.start(1);
        if (value.startsWith("\"") || value.startsWith("'")) {
            value = value.substring(1, value.length() - 1);
            valueStart++;
        }
        Set<String> questions = new LinkedHashSet<>();
        Matcher tok = Pattern.compile("[^\\s,]+").matcher(value);
        boolean ok = true;
        while (tok.find()) {
            Pos at = lines.pos(start + valueStart + tok.start());
            String q = tok.group();
            if (question(q, file, at)) {
                questions.add(q);
            } else {
                ok = false;
            }
        }
        if (questions.isEmpty() && ok) {
            diags.error(file, pos, "the evidence marker names no audit question", "write {audit=3.2}");
            return Optional.empty();
        }
        Optional<Marked> block = markedBlock(node, file, pos);
        if (block.isEmpty() || questions.isEmpty()) {
            return Optional.empty();
        }
        Node marked = block.get().node();
        return Optional.of(new EvidenceMarker(List.copyOf(questions), file, pos, block.get().kind(), marked,
                lines.pos(marked.getStartOffset())));
    }

    private boolean question(String q, String file, Pos at) {
        return QuestionIds.check(q, template, file, at, diags);
    }

    private record Marked(BlockKind kind, Node node) {
    }

    /** The block a marker marks, when it ends a paragraph, list item, heading or table cell. */
    private Optional<Marked> markedBlock(EvidenceMarkerNode node, String file, Pos pos) {
        for (Node next = node.getNext(); next != null; next = next.getNext()) {
            boolean blank = next instanceof EvidenceMarkerNode || next instanceof SoftLineBreak
                    || next instanceof HardLineBreak || (next instanceof Text && next.getChars().isBlank());
            if (!blank) {
                diags.error(file, pos, "an evidence marker must end its paragraph, list item, heading or table cell",
                        "move the marker to the end of the block it marks");
                return Optional.empty();
            }
        }
        Node parent = node.getParent();
        if (parent instanceof Heading) {
            return Optional.of(new Marked(BlockKind.HEADING, parent));
        }
        if (parent instanceof Paragraph p) {
            boolean onlyMarkers = true;
            for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof EvidenceMarkerNode || c instanceof SoftLineBreak || c instanceof HardLineBreak
                        || (c instanceof Text && c.getChars().isBlank()))) {
                    onlyMarkers = false;
                }
            }
            if (onlyMarkers) {
                diags.error(file, pos, "the evidence marker stands alone, so it marks nothing",
                        "put it at the end of the paragraph, list item or heading it marks (no blank line between)");
                return Optional.empty();
            }
            return Optional.of(p.getParent() instanceof ListItem li && li.getFirstChild() == p
                    ? new Marked(BlockKind.LIST_ITEM, li) : new Marked(BlockKind.PARAGRAPH, p));
        }
        if (parent instanceof TableCell && parent.getParent() instanceof TableRow row) {
            return Optional.of(new Marked(BlockKind.TABLE_ROW, row));
        }
        diags.error(file, pos, "an evidence marker cannot sit inside emphasis or a link",
                "move the marker to the very end of the block, after any closing * or ]");
        return Optional.empty();
    }

    // ---------------------------------------------------------------- figures and charts

    private Optional<FigureRef> figure(DataRefNode node, String file, LineIndex lines) {
        Pos pos = lines.pos(node.getStartOffset());
        String content = node.content();
        Matcher m = FIGURE.matcher(content);
        if (!m.matches()) {
            diags.error(file, pos, "malformed figure {{" + content + "}}",
                    "write {{measure@Q4}} for a value, or {{measure@Q4 rag}} for its rating");
            return Optional.empty();
        }
        String id = m.group(1);
        String period = m.group(2);
        String option = m.group(3);
        boolean ok = true;
        Optional<Measure> measure = MeasureCatalog.get().measure(id);
        if (measure.isEmpty()) {
            unknownMeasure(id, file, pos);
            ok = false;
        }
        Quarter quarter = Quarter.parse(period.toUpperCase(Locale.ROOT));
        boolean year = period.equalsIgnoreCase("year");
        Pos periodPos = lines.pos(node.getStartOffset() + node.getChars().toString().indexOf('@') + 1);
        if (quarter == null && !year) {
            diags.error(file, periodPos, "unknown quarter \"" + period + "\" in {{" + content + "}}",
                    "the quarters are " + Quarter.listed() + "; an annual measure takes @year");
            ok = false;
        }
        if (option != null && !option.equals("rag")) {
            diags.error(file, pos, "unknown option \"" + option + "\" in {{" + content + "}}",
                    "the only option is rag: {{" + id + "@" + period + " rag}}");
            ok = false;
        }
        if (measure.isPresent() && ok) {
            Measure me = measure.get();
            if (quarter != null && me.frequency() == Frequency.ANNUAL) {
                diags.error(file, periodPos, id + " is an annual measure: it has no " + period + " value",
                        "write {{" + id + "@year" + (option != null ? " rag" : "") + "}}");
                ok = false;
            } else if (year && me.frequency() == Frequency.QUARTERLY) {
                diags.error(file, periodPos, id + " is a quarterly measure: name a quarter",
                        "write {{" + id + "@Q4" + (option != null ? " rag" : "") + "}}");
                ok = false;
            }
            if ("rag".equals(option) && !me.rated()) {
                diags.error(file, pos, id + " is " + (me.kind() == MeasureKind.COUNT ? "a count" : "a yes/no measure")
                        + " and has no Red/Amber/Green rating", "only % measures have a rating: write {{" + id + "@"
                        + period + "}}");
                ok = false;
            }
        }
        return ok ? Optional.of(new FigureRef(id, year ? "year" : quarter.name(), option != null, file, pos))
                : Optional.empty();
    }

    private Optional<ChartRef> chart(DataRefNode node, String file, LineIndex lines) {
        Pos pos = lines.pos(node.getStartOffset());
        List<String> ids = List.of(node.content().substring("chart".length()).strip().split("\\s+"));
        ids = ids.stream().filter(s -> !s.isEmpty()).toList();
        boolean ok = true;
        if (ids.isEmpty()) {
            diags.error(file, pos, "the chart names no measure", "write {{chart 3b-level-3}}");
            return Optional.empty();
        }
        Set<MeasureKind> kinds = new LinkedHashSet<>();
        for (String id : ids) {
            Optional<Measure> m = MeasureCatalog.get().measure(id);
            if (m.isEmpty()) {
                unknownMeasure(id, file, pos);
                ok = false;
            } else if (m.get().frequency() != Frequency.QUARTERLY || m.get().kind() == MeasureKind.YES_NO) {
                diags.error(file, pos, id + " cannot be charted: charts show quarterly % measures and counts",
                        "name quarterly measures only, e.g. {{chart 3b-level-3}}");
                ok = false;
            } else {
                kinds.add(m.get().kind());
            }
        }
        if (kinds.size() > 1) {
            diags.error(file, pos, "a chart cannot mix % measures and counts", "make two charts, one of each");
            ok = false;
        }
        Node parent = node.getParent();
        boolean alone = parent instanceof Paragraph && parent.getChars().toString().strip().equals(node.getChars().toString());
        if (!alone) {
            diags.error(file, pos, "a chart must stand alone on its line",
                    "leave a blank line before and after {{" + node.content() + "}}");
            ok = false;
        }
        return ok ? Optional.of(new ChartRef(ids, file, pos)) : Optional.empty();
    }

    private void unknownMeasure(String id, String file, Pos pos) {
        String hint = Suggest.didYouMean(id, MeasureCatalog.get().ids());
        diags.error(file, pos, "unknown measure \"" + id + "\"",
                hint != null ? hint : "measure ids are listed in the README, e.g. 3b-level-3");
    }

    // ---------------------------------------------------------------- pictures

    private PictureRef picture(String url, String alt, String file, Pos pos) {
        if (alt.isBlank()) {
            diags.warning(file, pos, "the picture " + url + " has no alt text",
                    "describe it for readers who cannot see it: ![What the picture shows](" + url + ")");
        }
        String path = checkPicturePath(url, file, pos);
        return new PictureRef(url, alt, file, pos, path);
    }

    /**
     * The picture's path inside the bundle ("images/x.png") when it can be shown; otherwise null,
     * after a warning: the report then shows a placeholder with the alt text, and nothing outside
     * the bundle's images/ folder is ever read.
     */
    /**
     * A picture named outside the narrative (the cover's logo in report.json), checked as any
     * picture is: its path inside the bundle when it can be shown, else null after a warning.
     */
    public String picture(String url, String file, Pos pos) {
        return checkPicturePath(url, file, pos);
    }

    private String checkPicturePath(String url, String file, Pos pos) {
        String path = url;
        if (path.contains("%")) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // keep it as written
            }
        }
        if (path.isBlank()) {
            diags.warning(file, pos, "the picture has no file", "write ![alt text](images/picture.png)");
            return null;
        }
        if (SCHEME.matcher(path).matches() && !path.matches("[A-Za-z]:[\\\\/].*")) {
            diags.warning(file, pos, "pictures are never fetched from a web address or URL: " + url,
                    "save the picture into the bundle's images/ folder and write images/<name>");
            return null;
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || path.matches("[A-Za-z]:.*")) {
            diags.warning(file, pos, "a picture path must be inside the bundle, not an absolute path: " + url,
                    "copy the picture into images/ and write images/<name>");
            return null;
        }
        if (path.contains("\\")) {
            diags.warning(file, pos, "write picture paths with '/', not '\\': " + url,
                    "write " + path.replace('\\', '/'));
            return null;
        }
        Path rel;
        try {
            rel = Paths.get(path).normalize();
        } catch (InvalidPathException e) {
            diags.warning(file, pos, "not a usable file name: " + url);
            return null;
        }
        if (rel.getNameCount() < 2 || !rel.getName(0).toString().equals("images") || rel.startsWith("..")) {
            diags.warning(file, pos, "pictures must be in the bundle's images/ folder: " + url,
                    "copy the picture into images/ and write images/<name>");
            return null;
        }
        String inside = rel.toString().replace('\\', '/');
        if (files.leadsOutside(inside)) {
            diags.warning(file, pos, rel + " leads outside the bundle's images/ folder (a link); it is not read",
                    "copy the picture itself into images/");
            return null;
        }
        if (!files.isFile(inside)) {
            String hint = Suggest.didYouMean(rel.subpath(1, rel.getNameCount()).toString(), listImages());
            diags.warning(file, pos, "no picture " + rel + " in the bundle",
                    hint != null ? hint.replace("did you mean ", "did you mean images/") : "put the file in images/");
            return null;
        }
        String name = rel.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!PICTURE_TYPES.contains(ext)) {
            diags.warning(file, pos, "unsupported picture type" + (ext.isEmpty() ? "" : " ." + ext) + ": " + rel,
                    "use PNG, JPEG or SVG");
            return null;
        }
        byte[] bytes;
        try {
            bytes = files.read(inside, MAX_PICTURE_BYTES);
        } catch (IOException e) {
            diags.warning(file, pos, "cannot read the picture " + rel + ": " + org.safeguardingreport.text.SourceText.describe(e),
                    "pictures are at most " + (MAX_PICTURE_BYTES >> 20) + " MB");
            return null;
        }
        if (!checkPictureContent(bytes, ext, inside, file, pos)) {
            return null;
        }
        pictureRead.accept(inside, bytes);
        return inside;
    }

    private boolean checkPictureContent(byte[] bytes, String ext, String shown, String file, Pos pos) {
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(1024, bytes.length));
        int n = head.length;
        boolean png = n >= 24 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
        boolean jpeg = n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF;
        String start = new String(head, 0, n, StandardCharsets.UTF_8);
        boolean svg = start.contains("<svg");
        String actual = png ? "PNG" : jpeg ? "JPEG" : svg ? "SVG" : "unknown";
        String expected = ext.equals("png") ? "PNG" : ext.equals("svg") ? "SVG" : "JPEG";
        if (!actual.equals(expected)) {
            diags.warning(file, pos, shown + " is not a " + expected + " file"
                    + (actual.equals("unknown") ? "" : " (it holds a " + actual + " picture)"),
                    actual.equals("unknown") ? "export the picture again as PNG or JPEG"
                            : "rename it to end in ." + actual.toLowerCase(Locale.ROOT).replace("jpeg", "jpg"));
            return false;
        }
        if (svg) {
            String unsafe = unsafeSvg(bytes);
            if (unsafe != null) {
                diags.warning(file, pos, shown + " is not shown: " + unsafe,
                        "export the picture again as PNG, or as a plain SVG without entities, scripts or links to other files");
                return false;
            }
        }
        long[] size = png ? new long[] {readInt(head, 16), readInt(head, 20)} : jpeg ? jpegSize(bytes) : null;
        if (size != null) {
            long width = size[0];
            long height = size[1];
            if (width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE || width * height > MAX_PICTURE_PIXELS) {
                diags.warning(file, pos, shown + " claims to be " + width + " x " + height
                        + " pixels, too large to place in a report", "resize it to at most 4000 pixels a side");
                return false;
            }
        }
        return true;
    }

    private static final Pattern SVG_REFERENCE = Pattern.compile(
            "(?i)(?:xlink:)?href\\s*=\\s*[\"']\\s*([^\"'\\s]*)|url\\(\\s*[\"']?\\s*([^)\"'\\s]*)");
    private static final long MAX_SVG_BYTES = 5L * 1024 * 1024;

    /**
     * Why an SVG cannot be shown safely, or null. It is read as text and never parsed here: a DOCTYPE
     * (entities, XXE), a script, or a reference to anything but its own fragments makes it unsafe.
     */
    static String unsafeSvg(byte[] bytes) {
        {
            if (bytes.length > MAX_SVG_BYTES) {
                return "it is larger than 5 MB";
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("<!doctype") || lower.contains("<!entity")) {
                return "it declares a DOCTYPE or entities, which could read other files";
            }
            if (lower.contains("<script") || lower.matches("(?s).*\\son[a-z]+\\s*=.*")) {
                return "it holds a script";
            }
            Matcher m = SVG_REFERENCE.matcher(text);
            while (m.find()) {
                String ref = m.group(1) != null ? m.group(1) : m.group(2);
                if (!ref.isEmpty() && !ref.startsWith("#")) {
                    return "it refers to " + (ref.length() > 60 ? ref.substring(0, 57) + "..." : ref)
                            + "; pictures may not load other files or addresses";
                }
            }
            return null;
        }
    }

    /** Width and height from a JPEG's start-of-frame header, read without decoding; null if not found. */
    static long[] jpegSize(byte[] bytes) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
                return null;
            }
            for (int guard = 0; guard < 10_000; guard++) {
                int b = in.readUnsignedByte();
                if (b != 0xFF) {
                    continue;
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) {
                    marker = in.readUnsignedByte();
                }
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue;
                }
                int length = in.readUnsignedShort();
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof) {
                    in.readUnsignedByte();
                    long height = in.readUnsignedShort();
                    long width = in.readUnsignedShort();
                    return new long[] {width, height};
                }
                if (in.skipBytes(length - 2) < length - 2) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static long readInt(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private List<String> listImages() {
        if (!files.isFolder(BundleFiles.IMAGES)) {
            return List.of();
        }
        try {
            return files.list(BundleFiles.IMAGES).stream().filter(n -> !n.endsWith("/")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
