package org.safeguardingreport.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.json.Fields;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.markdown.NarrativeReader;
import org.safeguardingreport.model.AuditAnswer;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.ReportMeta;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.model.SectionIds;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.template.TemplateLoader;
import org.safeguardingreport.text.SourceText;
import org.safeguardingreport.text.Suggest;

/**
 * Loads a bundle folder into the document model, checking every file against content-format.md
 * and measures.md. It never stops at the first problem: every file is read and every message
 * collected. Paths in messages are relative to the bundle.
 */
public final class BundleLoader {

    /** The loaded bundle (empty when report.json or the template could not be read) and every message. */
    public record Result(Optional<Bundle> bundle, Diagnostics diagnostics) {
        public boolean ok() {
            return bundle.isPresent() && !diagnostics.hasErrors();
        }
    }

    private final BundleFiles files;
    private final Diagnostics diags = new Diagnostics();
    /** Every file read, as read: what a final PDF carries, and the pictures the editions show. */
    private final Map<String, byte[]> sources = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Pos> places = new java.util.concurrent.ConcurrentHashMap<>();
    /** Section files that exist, readable or not: an unreadable one is reported as such, not as missing. */
    private final java.util.Set<String> sectionFiles = new java.util.HashSet<>();

    private BundleLoader(BundleFiles files) {
        this.files = files;
    }

    /** Loads the bundle folder at {@code root}. */
    public static Result load(Path root) {
        if (!Files.isDirectory(root)) {
            Diagnostics diags = new Diagnostics();
            diags.error(root.toString(), Pos.FILE, Files.exists(root) ? "this is a file, not a bundle folder"
                    : "no bundle folder here", "a bundle is a folder holding report.json and narrative/");
            return new Result(Optional.empty(), diags);
        }
        return load(BundleFiles.folder(root));
    }

    /** Loads a bundle from wherever its files are: a folder, or the files a final PDF carries. */
    public static Result load(BundleFiles files) {
        return new BundleLoader(files).load();
    }

    /**
     * One data file's text read as {@code check} reads it (shown as {@code file}, for the year its name
     * gives): the year's figures, or empty; every message goes to {@code diags}.
     */
    public static Optional<DataYear> readDataFile(String text, String file, ReportingYear year, Diagnostics diags) {
        return JsonReader.read(text, file, diags)
                .flatMap(v -> Fields.asObject(v, file, "the data file", diags))
                .flatMap(o -> DataReader.read(o, file, year, diags));
    }

    private Result load() {
        ReportReader.Parsed report = readReport();
        Template template = null;
        if (report != null && report.template() != null) {
            template = TemplateLoader.forBundle(files.location())
                    .load(report.template(), ReportReader.FILE, report.templatePos(), diags).orElse(null);
        }
        Map<String, Narrative> sections = readNarrative(template);
        if (report != null && report.meta() != null && report.meta().logo() != null) {
            ReportMeta.Logo logo = report.meta().logo();
            new NarrativeReader(files, template, diags, sources::put).picture(logo.file(), BundleFiles.REPORT, logo.pos());
        }
        Map<ReportingYear, DataYear> data = readData(report == null ? null : report.year());
        Map<String, AuditAnswer> audit = readAudit(template);

        if (report == null || report.meta() == null || template == null) {
            return new Result(Optional.empty(), diags);
        }
        Bundle bundle = new Bundle(files.location(), files.name(), report.meta(), template, order(sections, template), data,
                audit, places, sources);
        for (DataYear y : data.values()) {
            java.util.Set<String> given = new java.util.TreeSet<>(y.annual().keySet());
            y.quarters().values().forEach(q -> given.addAll(q.keySet()));
            for (String id : given) {
                if (!report.meta().provides(id)) {
                    diags.warning(y.file(), Pos.FILE, "report.json says the Trust does not provide "
                            + org.safeguardingreport.model.Services.of(id).orElse(id) + ", yet this file has figures for " + id
                            + ": they are shown", "remove the service from \"servicesNotProvided\", or the figures from this file");
                }
            }
        }
        unfinished(bundle);
        for (String missing : bundle.missingSections()) {
            if (sectionFiles.contains(missing)) {
                continue;
            }
            diags.warning("narrative/" + missing + ".md", Pos.FILE, "section " + missing + " (" + template.heading(missing)
                    + ") is missing: the report will say \"No narrative provided.\"", "write narrative/" + missing + ".md");
        }
        return new Result(Optional.of(bundle), diags);
    }

    private ReportReader.Parsed readReport() {
        if (!files.isFile(BundleFiles.REPORT)) {
            diags.error(ReportReader.FILE, Pos.FILE, "the bundle has no report.json",
                    "every bundle needs report.json; ./build-report.sh init DIR writes a bundle to start from");
            return null;
        }
        return text(BundleFiles.REPORT)
                .flatMap(text -> JsonReader.read(text, ReportReader.FILE, diags))
                .flatMap(v -> Fields.asObject(v, ReportReader.FILE, "report.json", diags))
                .map(o -> {
                    remember(ReportReader.FILE, o);
                    return ReportReader.read(o, diags);
                })
                .orElse(null);
    }

    private Map<String, Narrative> readNarrative(Template template) {
        Map<String, Narrative> out = new HashMap<>();
        if (!files.isFolder(BundleFiles.NARRATIVE)) {
            diags.error("narrative/", Pos.FILE, "the bundle has no narrative/ folder",
                    "create narrative/ with one Markdown file per section, e.g. narrative/executive-summary.md");
            return out;
        }
        NarrativeReader reader = new NarrativeReader(files, template, diags, sources::put);
        for (String name : list(BundleFiles.NARRATIVE)) {
            String shown = BundleFiles.NARRATIVE + "/" + name;
            if (name.startsWith(".") || name.startsWith("~$")) {
                continue;
            }
            if (name.endsWith("/")) {
                diags.warning(shown, Pos.FILE, "folders inside narrative/ are not read");
                continue;
            }
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot + 1) : "";
            if (!ext.equals("md")) {
                if (SectionIds.ALL.contains(stem) || SectionIds.isAppendix(stem)) {
                    diags.error(shown, new Pos(1, 1), "section files must end in .md: this one is not read",
                            "rename it to " + stem + ".md");
                } else {
                    diags.warning(shown, Pos.FILE, "not a section file (only .md files are read): ignored");
                }
                continue;
            }
            if (!SectionIds.ALL.contains(stem) && !SectionIds.isAppendix(stem)) {
                String hint = Suggest.didYouMean(stem, SectionIds.ALL);
                diags.error(shown, new Pos(1, 1), "unknown section file name \"" + stem + "\"",
                        (hint != null ? hint.replace("?", ".md?") + " " : "") + "section files are named "
                                + String.join(", ", SectionIds.ALL) + " or appendix-<name> (each with .md)");
                continue;
            }
            sectionFiles.add(stem);
            text(shown).ifPresent(text -> out.put(stem, reader.read(stem, shown, text)));
        }
        return out;
    }

    /**
     * Sections that still hold the prompt {@code init} wrote: one warning for the bundle, naming them,
     * at the first one's line (a fresh bundle would otherwise give one per section).
     */
    private void unfinished(Bundle bundle) {
        List<Narrative> open = bundle.sections().values().stream()
                .filter(n -> NarrativeReader.promptLine(n.text()) > 0).toList();
        if (open.isEmpty()) {
            return;
        }
        Narrative first = open.get(0);
        Pos at = new Pos(NarrativeReader.promptLine(first.text()) + frontMatterLines(first), 1);
        String hint = "replace the line that starts '" + NarrativeReader.PROMPT_PREFIX + "' with the section's text";
        if (open.size() == 1) {
            diags.warning(first.file(), at, "this section still holds the template's prompt", hint);
        } else {
            diags.warning(first.file(), at, open.size() + " sections still hold the template's prompt: "
                    + String.join(", ", open.stream().map(Narrative::id).toList()), hint + " in each; the report shows "
                    + "the prompts until then");
        }
    }

    /** Lines of front matter above the Markdown a narrative holds (its text starts after them). */
    private int frontMatterLines(Narrative n) {
        byte[] raw = sources.get(n.file());
        if (raw == null) {
            return 0;
        }
        String all = new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
        int at = all.indexOf(n.text());
        return at <= 0 ? 0 : (int) all.substring(0, at).chars().filter(c -> c == '\n').count();
    }

    /** Template order first, then appendices by file name. */
    private static Map<String, Narrative> order(Map<String, Narrative> sections, Template template) {
        Map<String, Narrative> ordered = new LinkedHashMap<>();
        for (Template.SectionSpec s : template.sections()) {
            if (sections.containsKey(s.id())) {
                ordered.put(s.id(), sections.get(s.id()));
            }
        }
        sections.keySet().stream().filter(SectionIds::isAppendix).sorted()
                .forEach(id -> ordered.put(id, sections.get(id)));
        return ordered;
    }

    private Map<ReportingYear, DataYear> readData(ReportingYear reportYear) {
        Map<ReportingYear, DataYear> out = new HashMap<>();
        if (!files.isFolder(BundleFiles.DATA)) {
            if (reportYear != null) {
                diags.warning("data/", Pos.FILE, "the bundle has no data/ folder: every dashboard figure will show \u2014",
                        "add data/" + reportYear.fileStem() + ".json with the year's dashboard figures");
            }
            return out;
        }
        boolean anyFile = false;
        for (String name : list(BundleFiles.DATA)) {
            String shown = BundleFiles.DATA + "/" + name;
            if (name.startsWith(".") || name.endsWith("/")) {
                continue;
            }
            if (!name.endsWith(".json")) {
                diags.warning(shown, Pos.FILE, "not a data file (data/ holds YYYY-YY.json files): ignored");
                continue;
            }
            anyFile = true;
            Optional<ReportingYear> year = ReportingYear.parseFileStem(name.substring(0, name.length() - 5));
            if (year.isEmpty()) {
                diags.error(shown, new Pos(1, 1), "a data file is named after its reporting year, e.g. 2023-24.json",
                        reportYear != null ? "rename it to " + reportYear.fileStem() + ".json" : null);
                continue;
            }
            text(shown)
                    .flatMap(text -> JsonReader.read(text, shown, diags))
                    .flatMap(v -> Fields.asObject(v, shown, "the data file", diags))
                    .flatMap(o -> DataReader.read(o, shown, year.get(), diags))
                    .ifPresent(d -> out.put(d.year(), d));
        }
        if (anyFile && reportYear != null && !files.isFile(BundleFiles.DATA + "/" + reportYear.fileStem() + ".json")) {
            diags.error("data/", Pos.FILE, "no data file for the report's year " + reportYear.label(),
                    "add data/" + reportYear.fileStem() + ".json; earlier years' files only extend the trend charts");
        }
        return out;
    }

    /** Where a file's object and each of its members are written, for messages about what is missing or wrong there. */
    private void remember(String file, org.safeguardingreport.json.JsonValue.JsonObject o) {
        places.put(file, o.pos());
        o.members().values().forEach(m -> places.put(file + "#" + m.key(), m.keyPos()));
    }

    private Map<String, AuditAnswer> readAudit(Template template) {
        if (!files.isFile(BundleFiles.AUDIT)) {
            return Map.of();
        }
        return text(BundleFiles.AUDIT)
                .flatMap(text -> JsonReader.read(text, AuditReader.FILE, diags))
                .flatMap(v -> Fields.asObject(v, AuditReader.FILE, "audit.json", diags))
                .map(o -> {
                    remember(AuditReader.FILE, o);
                    return AuditReader.read(o, template, diags);
                })
                .orElse(Map.of());
    }

    private List<String> list(String folder) {
        try {
            return files.list(folder);
        } catch (IOException e) {
            diags.error(folder + "/", Pos.FILE, "cannot list the folder: " + SourceText.describe(e));
            return new ArrayList<>();
        }
    }

    /** A text file of the bundle, decoded as SourceText does, its bytes kept as read. */
    private Optional<String> text(String path) {
        byte[] bytes;
        try {
            bytes = files.read(path, SourceText.MAX_BYTES);
        } catch (IOException e) {
            String why = SourceText.describe(e);
            diags.error(path, Pos.FILE, why.startsWith("it is larger")
                    ? "file is too large to be a report text (the limit is " + SourceText.MAX_BYTES / (1024 * 1024) + " MB)"
                    : "cannot read the file: " + why);
            return Optional.empty();
        }
        sources.put(path, bytes);
        return SourceText.decode(bytes, path, diags);
    }
}
