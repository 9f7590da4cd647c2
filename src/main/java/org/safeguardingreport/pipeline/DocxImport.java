package org.safeguardingreport.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.bundle.BundleFiles;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.draft.DocxArchive;
import org.safeguardingreport.draft.Draft;
import org.safeguardingreport.draft.DraftReader;
import org.safeguardingreport.draft.MarkdownWriter;
import org.safeguardingreport.draft.SectionSplitter;
import org.safeguardingreport.markdown.NarrativeReader;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.text.Folders;

/**
 * import-docx: a Word draft into a bundle's narrative/ sections (and its pictures into images/).
 * The draft is measured, read, cut at its headings into the template's sections and written as the
 * bundle's Markdown. A section file that already holds text is not replaced unless forced (a file
 * still holding only init's prompt is not text of anyone's); every file is written into a staging
 * folder first and moved into place together, put back as it was if any move fails, so an import
 * never leaves a bundle half-written. A dry run plans the same and writes nothing.
 */
public final class DocxImport {

    /** One file the import writes, and what it does to the bundle. */
    public record Planned(String path, byte[] content, Change change) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    public enum Change {
        NEW("new"), REPLACES_PROMPT("replaces init's prompt"), UNCHANGED("unchanged"), OVERWRITES("overwrites the file");

        public final String words;

        Change(String words) {
            this.words = words;
        }
    }

    /** What an import came to: the diagnostics, and when the draft was read, its sections and the files. */
    public record Result(Diagnostics diags, Optional<SectionSplitter.Split> split, List<Planned> files,
                         Map<String, String> sectionFiles, List<String> notes, Template template, boolean written) {
        public boolean refused() {
            return diags.hasErrors();
        }
    }

    private DocxImport() {
    }

    /**
     * @param shown how messages name the draft (as the user typed its path)
     * @param force replace section files and pictures that hold something else
     * @param dryRun plan and report, write nothing
     */
    public static Result run(Path bundle, Path draftFile, String shown, boolean force, boolean dryRun) throws IOException {
        Diagnostics diags = new Diagnostics();
        List<String> notes = new ArrayList<>();
        BundleLoader.Result loaded = BundleLoader.load(bundle);
        if (loaded.bundle().isEmpty()) {
            // only what stops the template being known matters here: report.json or the template itself
            Diagnostics why = loaded.diagnostics().only(d -> d.isError()
                    && !d.file().startsWith(BundleFiles.NARRATIVE) && !d.file().startsWith("data")
                    && !d.file().startsWith("audit") && !d.file().startsWith(BundleFiles.IMAGES));
            if (!why.hasErrors()) {
                why.error(bundle.toString(), Pos.FILE, "the bundle's template could not be found",
                        "the bundle needs a report.json naming its template; ./build-report.sh init DIR writes one");
            }
            return new Result(why, Optional.empty(), List.of(), Map.of(), notes, null, false);
        }
        Template template = loaded.bundle().get().template();
        Draft draft;
        try {
            DocxArchive.Opened archive = DocxArchive.open(draftFile);
            draft = DraftReader.read(archive);
        } catch (DocxArchive.Refused r) {
            diags.error(shown, Pos.FILE, r.getMessage(), r.hint());
            return new Result(diags, Optional.empty(), List.of(), Map.of(), notes, template, false);
        } catch (org.docx4j.openpackaging.exceptions.Docx4JException | RuntimeException e) {
            diags.error(shown, Pos.FILE, "cannot be read as a Word document: " + describe(e),
                    "open it in Word and save it again as Word Document (.docx)");
            return new Result(diags, Optional.empty(), List.of(), Map.of(), notes, template, false);
        }
        // a draft may be the Word edition of a year when the Trust used another template: what any built-in
        // layout writes by itself is recognised too
        List<Template> builtIn = new ArrayList<>();
        org.safeguardingreport.template.TemplateLoader loader = org.safeguardingreport.template.TemplateLoader.forBundle(bundle);
        for (String name : org.safeguardingreport.template.TemplateLoader.BUILT_IN) {
            if (!name.equals(template.name())) {
                loader.load(name, name, Pos.FILE, new Diagnostics()).ifPresent(builtIn::add);
            }
        }
        SectionSplitter.Split split = SectionSplitter.split(draft, template, builtIn);
        report(draft.findings(), shown, diags, notes);
        for (SectionSplitter.Unplaced u : split.unplaced()) {
            diags.warning(shown, Pos.FILE, "the heading \"" + u.text() + "\" matches no section of " + template.name()
                            + "; it is kept, as a sub-heading, in " + (u.keptIn() == null ? "no section" : "narrative/" + u.keptIn() + ".md")
                            + (u.beforeFirst() ? " (it comes before the first section)" : ""),
                    "if it starts a section of its own, give it that section's heading in Word and import again");
        }
        split.notes().forEach(n -> diags.warning(shown, Pos.FILE, n));

        // the files: each section's Markdown, and its pictures
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, String> sectionFiles = new LinkedHashMap<>();
        for (SectionSplitter.Section s : split.sections()) {
            if (s.isEmpty()) {
                notes.add("\"" + s.heading() + "\" has no text in the draft: narrative/" + s.id() + ".md is left as it is");
                continue;
            }
            int[] n = {0};
            MarkdownWriter writer = new MarkdownWriter(p -> {
                byte[] bytes = p.bytes();
                for (Map.Entry<String, byte[]> e : out.entrySet()) {
                    if (e.getKey().startsWith(BundleFiles.IMAGES + "/") && Arrays.equals(e.getValue(), bytes)) {
                        return e.getKey(); // the same picture twice: one file
                    }
                }
                String path = BundleFiles.IMAGES + "/" + s.id() + "-" + (++n[0]) + "." + p.extension();
                out.put(path, bytes);
                return path;
            });
            String md = writer.section(s);
            String path = BundleFiles.NARRATIVE + "/" + s.id() + ".md";
            out.put(path, md.getBytes(StandardCharsets.UTF_8));
            sectionFiles.put(s.id(), path);
            if (writer.plainerBlocks() > 0) {
                notes.add(path + ": " + writer.plainerBlocks() + " block(s) lost their bold, italic or links so that their text reads back exactly");
            }
        }
        for (String folder : List.of(BundleFiles.NARRATIVE, BundleFiles.IMAGES)) {
            Path f = bundle.resolve(folder);
            if (Files.exists(f) && !Files.isDirectory(f)
                    && out.keySet().stream().anyMatch(k -> k.startsWith(folder + "/"))) {
                diags.error(folder, Pos.FILE, "is a file, not a folder, so the import cannot write into it",
                        "rename or remove the file " + folder + ", then import again");
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : out.entrySet()) {
            Path target = bundle.resolve(e.getKey());
            Change change = Change.NEW;
            if (Files.exists(target)) {
                byte[] old = Files.isRegularFile(target) ? Files.readAllBytes(target) : null;
                if (old != null && Arrays.equals(old, e.getValue())) {
                    change = Change.UNCHANGED;
                } else if (old != null && e.getKey().endsWith(".md") && onlyPrompt(old)) {
                    change = Change.REPLACES_PROMPT;
                } else {
                    change = Change.OVERWRITES;
                    if (!force) {
                        diags.error(e.getKey(), Pos.FILE, "already exists and holds other text; the import would overwrite it",
                                "add --force to replace it with the draft's text, or move the file away first");
                    }
                }
            }
            planned.add(new Planned(e.getKey(), e.getValue(), change));
        }
        if (split.sections().isEmpty()) {
            diags.error(shown, Pos.FILE, "no heading of the draft matches a section of " + template.name() + ", so nothing was imported",
                    "give each section's heading a heading style in Word (Home > Styles > Heading 1), worded as the template's: "
                            + template.heading(template.sections().get(0).id()) + ", ...");
        }
        Result result = new Result(diags, Optional.of(split), List.copyOf(planned), sectionFiles, notes, template, false);
        if (diags.hasErrors() || dryRun) {
            return result;
        }
        write(bundle, planned);
        return new Result(diags, Optional.of(split), List.copyOf(planned), sectionFiles, notes, template, true);
    }

    /** A section file as init wrote it: one line holding init's prompt, and nothing else. */
    private static boolean onlyPrompt(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        return !text.contains("\n") && text.startsWith(NarrativeReader.PROMPT_PREFIX);
    }

    /**
     * Writes every planned file into a staging folder inside the bundle, then moves each into place;
     * if a move fails, the files already moved are put back as they were and the staging folder removed.
     */
    static void write(Path bundle, List<Planned> planned) throws IOException {
        Path staging = Files.createTempDirectory(bundle, ".import-docx-");
        List<Path[]> done = new ArrayList<>(); // {target, backup or null}
        try {
            Map<Planned, Path> staged = new LinkedHashMap<>();
            int i = 0;
            for (Planned p : planned) {
                if (p.change() == Change.UNCHANGED) {
                    continue;
                }
                Path f = staging.resolve("new-" + (i++));
                Files.write(f, p.content());
                staged.put(p, f);
            }
            Files.createDirectories(bundle.resolve(BundleFiles.NARRATIVE));
            if (staged.keySet().stream().anyMatch(p -> p.path().startsWith(BundleFiles.IMAGES + "/"))) {
                Files.createDirectories(bundle.resolve(BundleFiles.IMAGES));
            }
            int b = 0;
            try {
                for (Map.Entry<Planned, Path> e : staged.entrySet()) {
                    Path target = bundle.resolve(e.getKey().path());
                    Path backup = null;
                    if (Files.exists(target)) {
                        backup = staging.resolve("old-" + (b++));
                        move(target, backup);
                    }
                    done.add(new Path[] {target, backup});
                    move(e.getValue(), target);
                }
            } catch (IOException | RuntimeException failed) {
                for (int k = done.size() - 1; k >= 0; k--) {
                    Path target = done.get(k)[0];
                    Path backup = done.get(k)[1];
                    try {
                        Files.deleteIfExists(target);
                        if (backup != null) {
                            move(backup, target);
                        }
                    } catch (IOException | RuntimeException ignored) {
                        failed.addSuppressed(ignored);
                    }
                }
                throw failed;
            }
        } finally {
            Folders.deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What reading the draft noticed, as warnings (what was changed or ignored) and notes. */
    private static void report(Draft.Findings f, String shown, Diagnostics diags, List<String> notes) {
        if (f.insertions + f.deletions + f.moves > 0) {
            diags.warning(shown, Pos.FILE, "the draft has tracked changes, taken as accepted: " + f.insertions
                            + " insertion(s) kept, " + f.deletions + " deletion(s) dropped" + (f.moves > 0 ? ", " + f.moves + " move(s) made" : ""),
                    "review the imported text; in Word, Review > Accept All Changes before importing gives the same");
        }
        if (f.comments > 0) {
            diags.warning(shown, Pos.FILE, f.comments + " comment(s) in the draft were left out",
                    "a report has no comments; answer them in the text before importing if they matter");
        }
        if (f.macroEnabled) {
            diags.warning(shown, Pos.FILE, "the draft is macro-enabled" + (f.macros.isEmpty() ? "" : " (" + String.join(", ", f.macros) + ")")
                    + ": the macros were ignored, never run", "save the draft as Word Document (.docx) rather than .docm");
        }
        for (String o : f.embeddedObjects) {
            diags.warning(shown, Pos.FILE, o.startsWith("an ") ? o + " was ignored, never opened"
                    : "the embedded object " + o + " was ignored, never opened",
                    "paste its content into Word as a table, or as a picture");
        }
        if (!f.activeX.isEmpty()) {
            diags.warning(shown, Pos.FILE, f.activeX.size() + " ActiveX control part(s) were ignored, never run");
        }
        for (String l : f.linkedPictures) {
            diags.warning(shown, Pos.FILE, "a picture linked to " + l + " was not fetched: only pictures inside the document come across",
                    "in Word, insert the picture itself (Insert > Pictures > This Device) rather than a link to it");
        }
        for (String l : f.fileLinks) {
            diags.warning(shown, Pos.FILE, "the link to " + l + " was dropped and its text kept: only web and e-mail links come across");
        }
        for (String d : f.drawings) {
            diags.warning(shown, Pos.FILE, d + " is not a picture and was left out",
                    "paste it into Word as a picture (Paste Special > Picture), with alt text, and import again");
        }
        for (String p : f.unusablePictures) {
            diags.warning(shown, Pos.FILE, "the picture " + p + " is in a format a report cannot show, and was left out",
                    "save it as PNG or JPEG and insert that in Word");
        }
        if (f.altChunks > 0) {
            diags.warning(shown, Pos.FILE, f.altChunks + " embedded document chunk(s) (altChunk) were not read",
                    "open the draft in Word and save it again: Word merges them into the text");
        }
        if (f.footnotes > 0) {
            notes.add(f.footnotes + " footnote(s) became paragraphs after the paragraph that cites them, marked [1], [2], ...");
        }
        if (f.textBoxes > 0) {
            notes.add(f.textBoxes + " text box(es) became paragraphs after the paragraph they are anchored to");
        }
        if (f.hiddenRuns > 0) {
            notes.add(f.hiddenRuns + " run(s) of hidden text were left out");
        }
        if (f.equations > 0) {
            notes.add(f.equations + " equation(s) came across as plain text");
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.lines().findFirst().orElse(m);
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }
}
