package org.safeguardingreport.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.json.Fields;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;
import org.safeguardingreport.json.JsonValue.Member;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.SectionIds;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.model.Template.AuditForm;
import org.safeguardingreport.model.Template.AuditQuestion;
import org.safeguardingreport.model.Template.AuditStandard;
import org.safeguardingreport.model.Template.Criterion;
import org.safeguardingreport.model.Template.SectionSpec;
import org.safeguardingreport.model.Template.Standard;
import org.safeguardingreport.model.Threshold;
import org.safeguardingreport.text.SourceText;
import org.safeguardingreport.text.Suggest;

/**
 * Finds a template by name and reads it. A template is a folder of three JSON files that a user
 * may copy and edit; a broken copy is reported like any bundle file, with file, line and column.
 *
 * <p>Search order for report-templates/NAME: next to the bundle (its parent folder), the current
 * folder, the installation (system property {@code report.home}), then the copies in the jar.
 */
public final class TemplateLoader {
    public static final String TEMPLATE_FILE = "template.json";
    public static final String STANDARDS_FILE = "standards.json";
    public static final String AUDIT_FILE = "audit-questions.json";
    public static final String LAYOUT_FILE = "report.vm";
    public static final String STYLESHEET_FILE = "report.css";
    public static final String AUDIT_LAYOUT_FILE = "audit.vm";
    public static final String AUDIT_STYLESHEET_FILE = "audit.css";
    /** The Word reference document of a template folder; without one, report-templates/reference.docx. */
    public static final String WORD_REFERENCE_FILE = "reference.docx";
    public static final List<String> BUILT_IN = List.of("dorset-2019", "somerset-2018");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> PARTS = Set.of("cover", "standards", "closing");

    private final List<Path> searchDirs;

    public TemplateLoader(List<Path> searchDirs) {
        this.searchDirs = List.copyOf(searchDirs);
    }

    /** The usual search path for a bundle at {@code bundleRoot}. */
    public static TemplateLoader forBundle(Path bundleRoot) {
        Set<Path> dirs = new LinkedHashSet<>();
        Path parent = bundleRoot.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            dirs.add(parent.resolve("report-templates"));
        }
        dirs.add(Paths.get("").toAbsolutePath().resolve("report-templates"));
        String home = System.getProperty("report.home");
        if (home != null && !home.isBlank()) {
            dirs.add(Paths.get(home).toAbsolutePath().normalize().resolve("report-templates"));
        }
        return new TemplateLoader(new ArrayList<>(dirs));
    }

    public static boolean validName(String name) {
        return NAME.matcher(name).matches() && !name.contains("..");
    }

    /** A text file of a layout folder under report-templates/ (such as amalgamation/health.vm), found like templates. */
    public Optional<String> layoutFile(String folder, String file, Diagnostics diags) {
        for (Path dir : searchDirs) {
            Path f = dir.resolve(folder).resolve(file);
            if (Files.isRegularFile(f)) {
                return new DirSource(dir.resolve(folder)).text(file, diags);
            }
        }
        if (TemplateLoader.class.getResource("/report-templates/" + folder + "/" + file) != null) {
            return new JarSource(folder).text(file, diags);
        }
        diags.error("report-templates/" + folder + "/" + file, Pos.FILE, "the layout file is missing");
        return Optional.empty();
    }

    /** As {@link #layoutFile}, with the name messages give the file (relative to the current folder, or "(built in)"). */
    public Optional<Template.Text> layoutText(String folder, String file, Diagnostics diags) {
        for (Path dir : searchDirs) {
            Path f = dir.resolve(folder).resolve(file);
            if (Files.isRegularFile(f)) {
                DirSource src = new DirSource(dir.resolve(folder));
                return src.text(file, diags).map(t -> new Template.Text(src.shown(file), t));
            }
        }
        if (TemplateLoader.class.getResource("/report-templates/" + folder + "/" + file) != null) {
            JarSource src = new JarSource(folder);
            return src.text(file, diags).map(t -> new Template.Text(src.shown(file), t));
        }
        diags.error("report-templates/" + folder + "/" + file, Pos.FILE, "the layout file is missing");
        return Optional.empty();
    }

    /**
     * The Word reference document for a layout folder under report-templates/ (such as amalgamation):
     * the folder's own reference.docx, else the default one.
     */
    public Optional<Template.Binary> wordReference(String folder, Diagnostics diags) {
        for (Path dir : searchDirs) {
            if (Files.isRegularFile(dir.resolve(folder).resolve(WORD_REFERENCE_FILE))) {
                return wordReference(new DirSource(dir.resolve(folder)), diags);
            }
        }
        return wordReference(new JarSource(folder), diags);
    }

    private static Optional<Template.Binary> wordReference(Source src, Diagnostics diags) {
        Optional<byte[]> own = src.bytes(WORD_REFERENCE_FILE, diags);
        if (own.isPresent()) {
            return WordReference.check(own.get(), src.shown(WORD_REFERENCE_FILE), diags);
        }
        JarSource shared = new JarSource(null);
        return shared.bytes(WORD_REFERENCE_FILE, diags)
                .flatMap(b -> WordReference.check(b, shared.shown(WORD_REFERENCE_FILE), diags));
    }

    /** Names of every template this loader can find. */
    public List<String> available() {
        Set<String> names = new TreeSet<>(BUILT_IN);
        for (Path dir : searchDirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> Files.isRegularFile(p.resolve(TEMPLATE_FILE)))
                            .map(p -> p.getFileName().toString()).filter(TemplateLoader::validName).forEach(names::add);
                } catch (IOException ignored) {
                    // an unreadable folder simply offers no templates
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * Loads template {@code name}; problems with the name are reported at {@code refFile}:{@code refPos}
     * (the report.json value), problems inside the template at the template's own files.
     */
    public Optional<Template> load(String name, String refFile, Pos refPos, Diagnostics diags) {
        if (!validName(name)) {
            diags.error(refFile, refPos, "template \"" + name + "\" is not a template name",
                    "name a folder under report-templates/, e.g. \"dorset-2019\"; paths are not allowed");
            return Optional.empty();
        }
        Optional<Source> source = find(name);
        if (source.isEmpty()) {
            List<String> names = available();
            String hint = Suggest.didYouMean(name, names);
            diags.error(refFile, refPos, "unknown template \"" + name + "\"",
                    (hint != null ? hint + " " : "") + "templates available: " + String.join(", ", names));
            return Optional.empty();
        }
        return read(name, source.get(), diags);
    }

    /** Whether a template of that name can be found (it may still have errors of its own). */
    public boolean exists(String name) {
        return NAME.matcher(name).matches() && find(name).isPresent();
    }

    /** The names of the templates that can be found, for a message. */
    public List<String> names() {
        return available();
    }

    private Optional<Source> find(String name) {
        for (Path dir : searchDirs) {
            Path t = dir.resolve(name);
            if (Files.isRegularFile(t.resolve(TEMPLATE_FILE))) {
                return Optional.of(new DirSource(t));
            }
        }
        if (TemplateLoader.class.getResource("/report-templates/" + name + "/" + TEMPLATE_FILE) != null) {
            return Optional.of(new JarSource(name));
        }
        return Optional.empty();
    }

    private interface Source {
        String shown(String file);

        Optional<String> text(String file, Diagnostics diags);

        /** The file's bytes, or empty when there is no such file (a file that cannot be read is an error). */
        Optional<byte[]> bytes(String file, Diagnostics diags);
    }

    private record DirSource(Path dir) implements Source {
        public String shown(String file) {
            Path p = dir.resolve(file).toAbsolutePath().normalize();
            Path cwd = Paths.get("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
        }

        public Optional<String> text(String file, Diagnostics diags) {
            Path p = dir.resolve(file);
            if (!Files.isRegularFile(p)) {
                diags.error(shown(file), Pos.FILE, "the template has no " + file,
                        "copy it from report-templates/dorset-2019/" + file);
                return Optional.empty();
            }
            return SourceText.read(p, shown(file), diags);
        }

        public Optional<byte[]> bytes(String file, Diagnostics diags) {
            Path p = dir.resolve(file);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(p));
            } catch (IOException e) {
                diags.error(shown(file), Pos.FILE, "cannot read the file: " + e.getMessage());
                return Optional.empty();
            }
        }
    }

    /** A folder of the templates inside the jar; {@code name} null for report-templates/ itself. */
    private record JarSource(String name) implements Source {
        public String shown(String file) {
            return "report-templates/" + (name == null ? "" : name + "/") + file + " (built in)";
        }

        public Optional<byte[]> bytes(String file, Diagnostics diags) {
            try (InputStream in = TemplateLoader.class.getResourceAsStream(
                    "/report-templates/" + (name == null ? "" : name + "/") + file)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                diags.error(shown(file), Pos.FILE, "cannot read the built-in template: " + e.getMessage());
                return Optional.empty();
            }
        }

        public Optional<String> text(String file, Diagnostics diags) {
            try (InputStream in = TemplateLoader.class.getResourceAsStream("/report-templates/" + name + "/" + file)) {
                if (in == null) {
                    diags.error(shown(file), Pos.FILE, "the built-in template has no " + file);
                    return Optional.empty();
                }
                return SourceText.decode(in.readAllBytes(), shown(file), diags);
            } catch (IOException e) {
                diags.error(shown(file), Pos.FILE, "cannot read the built-in template: " + e.getMessage());
                return Optional.empty();
            }
        }
    }

    private Optional<Template> read(String name, Source src, Diagnostics diags) {
        long before = diags.errorCount();
        Optional<JsonObject> tpl = json(src, TEMPLATE_FILE, diags);
        Optional<JsonObject> std = json(src, STANDARDS_FILE, diags);
        Optional<JsonObject> aud = json(src, AUDIT_FILE, diags);
        if (tpl.isEmpty() || std.isEmpty() || aud.isEmpty()) {
            return Optional.empty();
        }
        String tf = src.shown(TEMPLATE_FILE);
        Fields t = new Fields(tpl.get(), tf, "the template", diags);
        t.onlyKeys(List.of("name", "title", "description", "source", "sections", "thresholds", "charts", "localNames"));
        String title = t.text("title", true).orElse("Safeguarding Children Annual Report");
        String description = t.text("description", false).orElse("");
        t.text("source", false);
        t.text("name", false);
        List<SectionSpec> sections = sections(t, tf, diags);
        Map<String, Threshold> thresholds = thresholds(t, tf, diags);
        List<Template.ChartGroup> charts = chartGroups(t, tf, diags);
        java.util.function.UnaryOperator<String> local = localNames(t, tf, diags);
        List<Standard> standards = standards(std.get(), src.shown(STANDARDS_FILE), diags).stream()
                .map(st -> new Standard(st.number(), local.apply(st.title()), local.apply(st.statement()), st.links(),
                        st.criteria().stream().map(c -> new Criterion(local.apply(c.text()), c.report(), c.numbered())).toList(),
                        st.guidance().stream().map(local).toList())).toList();
        AuditForm read = audit(aud.get(), src.shown(AUDIT_FILE), diags);
        AuditForm audit = new AuditForm(local.apply(read.title()), local.apply(read.instructions()), read.standards().stream()
                .map(as -> new AuditStandard(as.standard(), local.apply(as.title()), as.questions().stream()
                        .map(q -> new AuditQuestion(q.id(), q.standard(), q.number(), local.apply(q.text()),
                                q.followUp() == null ? null : local.apply(q.followUp()), q.items().stream().map(local).toList()))
                        .toList())).toList());
        Optional<String> layout = src.text(LAYOUT_FILE, diags);
        Optional<String> stylesheet = src.text(STYLESHEET_FILE, diags);
        Optional<String> auditLayout = src.text(AUDIT_LAYOUT_FILE, diags);
        Optional<String> auditStylesheet = src.text(AUDIT_STYLESHEET_FILE, diags);
        Optional<Template.Binary> reference = wordReference(src, diags);
        if (diags.errorCount() > before || layout.isEmpty() || stylesheet.isEmpty() || auditLayout.isEmpty()
                || auditStylesheet.isEmpty() || reference.isEmpty()) {
            return Optional.empty();
        }
        String location = src instanceof DirSource d ? d.dir().toString() : "built in";
        return Optional.of(new Template(name, location, title, description, sections, standards, audit, thresholds,
                new Template.Text(src.shown(LAYOUT_FILE), layout.get()),
                new Template.Text(src.shown(STYLESHEET_FILE), stylesheet.get()),
                new Template.Text(src.shown(AUDIT_LAYOUT_FILE), auditLayout.get()),
                new Template.Text(src.shown(AUDIT_STYLESHEET_FILE), auditStylesheet.get()), charts, reference.get()));
    }

    /**
     * The template's local names ({@code "localNames": {"CCG": "ICB", "SPB": "Safeguarding Children
     * Partnership"}}): each name as a whole word in the standards and the audit form becomes the local one,
     * so a template written for one area and era reads right in another.
     */
    private static java.util.function.UnaryOperator<String> localNames(Fields t, String file, Diagnostics diags) {
        Map<String, String> names = new java.util.TreeMap<>(java.util.Comparator.comparing(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        t.obj("localNames", false).ifPresent(o -> o.members().values().forEach(m -> {
            if (m.value() instanceof JsonString v && !m.key().isBlank()) {
                names.put(m.key(), v.value());
            } else {
                diags.error(file, m.value().pos(), "each of \"localNames\" maps a name to the local one, as \"CCG\": \"ICB\"");
            }
        }));
        if (names.isEmpty()) {
            return java.util.function.UnaryOperator.identity();
        }
        Pattern any = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", names.keySet().stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}])");
        return text -> text == null ? null : any.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(names.get(m.group(1))));
    }

    private static Optional<JsonObject> json(Source src, String file, Diagnostics diags) {
        return src.text(file, diags).flatMap(text -> JsonReader.read(text, src.shown(file), diags))
                .flatMap(v -> Fields.asObject(v, src.shown(file), file, diags));
    }

    private static List<SectionSpec> sections(Fields t, String file, Diagnostics diags) {
        List<SectionSpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonValue v : t.list("sections", true).orElse(List.of())) {
            Optional<JsonObject> o = Fields.asObject(v, file, "each section", diags);
            if (o.isEmpty()) {
                continue;
            }
            Fields s = new Fields(o.get(), file, "the section", diags);
            s.onlyKeys(List.of("id", "part", "number", "heading", "prompt"));
            Optional<String> id = s.text("id", true);
            if (id.isEmpty()) {
                continue;
            }
            if (!SectionIds.ALL.contains(id.get())) {
                diags.error(file, o.get().get("id").pos(), "unknown section id \"" + id.get() + "\"",
                        Optional.ofNullable(Suggest.didYouMean(id.get(), SectionIds.ALL))
                                .orElse("section ids are " + String.join(", ", SectionIds.ALL)));
                continue;
            }
            if (!seen.add(id.get())) {
                diags.error(file, o.get().get("id").pos(), "section \"" + id.get() + "\" is placed twice");
                continue;
            }
            String part = s.text("part", true).orElse("standards");
            if (!PARTS.contains(part)) {
                diags.error(file, o.get().get("part").pos(), "unknown part \"" + part + "\"",
                        "a part is one of cover, standards, closing");
            }
            boolean standard = SectionIds.standardNumber(id.get()) > 0;
            String heading = s.text("heading", !standard).orElse(null);
            out.add(new SectionSpec(id.get(), part, s.text("number", false).orElse(null), heading,
                    s.text("prompt", false).orElse("")));
        }
        for (String id : SectionIds.ALL) {
            if (!seen.contains(id) && t.has("sections")) {
                diags.error(file, t.raw("sections").pos(), "the template does not place section \"" + id + "\"",
                        "every section id needs a place: add { \"id\": \"" + id + "\", ... }");
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Threshold> thresholds(Fields t, String file, Diagnostics diags) {
        Map<String, Threshold> out = new LinkedHashMap<>();
        Optional<JsonObject> o = t.obj("thresholds", false);
        if (o.isEmpty()) {
            return Map.of();
        }
        List<String> rated = MeasureCatalog.get().all().stream().filter(Measure::rated).map(Measure::id).toList();
        for (Member m : o.get().members().values()) {
            if (!rated.contains(m.key())) {
                diags.error(file, m.keyPos(), "\"" + m.key() + "\" is not a rated (%) measure",
                        Optional.ofNullable(Suggest.didYouMean(m.key(), rated)).orElse("thresholds apply to % measures"));
                continue;
            }
            Optional<JsonObject> th = Fields.asObject(m.value(), file, "threshold \"" + m.key() + "\"", diags);
            if (th.isEmpty()) {
                continue;
            }
            Fields f = new Fields(th.get(), file, "threshold \"" + m.key() + "\"", diags);
            f.onlyKeys(List.of("green", "amber"));
            double green = f.number("green").orElse(Threshold.DEFAULT.green());
            double amber = f.number("amber").orElse(Threshold.DEFAULT.amber());
            if (green < 0 || green > 100 || amber < 0 || amber > 100 || amber > green) {
                diags.error(file, th.get().pos(), "threshold \"" + m.key() + "\" must have 0 <= amber <= green <= 100",
                        "green and amber are the lowest percentages rated Green and Amber");
                continue;
            }
            out.put(m.key(), new Threshold(green, amber));
        }
        return Map.copyOf(out);
    }

    /** "charts": [ { "title": ..., "measures": [ quarterly ids of one kind and one standard ] } ] */
    private static List<Template.ChartGroup> chartGroups(Fields t, String file, Diagnostics diags) {
        List<Template.ChartGroup> out = new ArrayList<>();
        for (JsonValue v : t.list("charts", false).orElse(List.of())) {
            Optional<JsonObject> o = Fields.asObject(v, file, "each chart", diags);
            if (o.isEmpty()) {
                continue;
            }
            Fields c = new Fields(o.get(), file, "the chart", diags);
            c.onlyKeys(List.of("title", "measures"));
            String title = c.text("title", true).orElse("");
            List<String> ids = new ArrayList<>();
            java.util.Set<String> kinds = new java.util.HashSet<>();
            java.util.Set<Integer> standards = new java.util.HashSet<>();
            for (JsonValue m : c.list("measures", true).orElse(List.of())) {
                Optional<Measure> measure = m instanceof JsonString s ? MeasureCatalog.get().measure(s.value()) : Optional.empty();
                if (measure.isEmpty() || measure.get().frequency() != org.safeguardingreport.model.Frequency.QUARTERLY
                        || measure.get().kind() == org.safeguardingreport.model.MeasureKind.YES_NO) {
                    String hint = m instanceof JsonString s ? Suggest.didYouMean(s.value(), MeasureCatalog.get().ids()) : null;
                    diags.error(file, m.pos(), "a chart shows quarterly % measures or counts: " + m.describe() + " is not one",
                            hint);
                    continue;
                }
                ids.add(measure.get().id());
                kinds.add(measure.get().kind().code());
                standards.add(measure.get().standard());
            }
            if (kinds.size() > 1 || standards.size() > 1) {
                diags.error(file, o.get().pos(), "a chart's measures must be of one kind (% or count) and one standard");
                continue;
            }
            if (!ids.isEmpty()) {
                out.add(new Template.ChartGroup(title, List.copyOf(ids)));
            }
        }
        return List.copyOf(out);
    }

    private static List<Standard> standards(JsonObject root, String file, Diagnostics diags) {
        Fields r = new Fields(root, file, "the standards file", diags);
        r.onlyKeys(List.of("standards"));
        List<JsonValue> items = r.list("standards", true).orElse(List.of());
        if (items.size() != 10 && r.has("standards")) {
            diags.error(file, root.get("standards").pos(), "expected the ten standards, found " + items.size());
        }
        List<Standard> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<JsonObject> o = Fields.asObject(items.get(i), file, "each standard", diags);
            if (o.isEmpty()) {
                continue;
            }
            Fields s = new Fields(o.get(), file, "standard " + (i + 1), diags);
            s.onlyKeys(List.of("number", "title", "statement", "links", "criteria", "guidance"));
            checkNumber(s, "number", i + 1, file, diags);
            List<Criterion> criteria = new ArrayList<>();
            for (JsonValue c : s.list("criteria", true).orElse(List.of())) {
                Fields.asObject(c, file, "each criterion", diags).ifPresent(co -> {
                    Fields cf = new Fields(co, file, "the criterion", diags);
                    cf.onlyKeys(List.of("text", "report", "numbered"));
                    JsonValue report = co.get("report");
                    criteria.add(new Criterion(cf.text("text", true).orElse(""),
                            report instanceof JsonString rs ? rs.value().strip() : cf.text("report", false).orElse(""),
                            !(co.get("numbered") instanceof JsonValue.JsonBoolean nb) || nb.value()));
                });
            }
            out.add(new Standard(i + 1, s.text("title", true).orElse(""), s.text("statement", true).orElse(""),
                    strings(s, "links", file, diags), List.copyOf(criteria), strings(s, "guidance", file, diags)));
        }
        return List.copyOf(out);
    }

    private static AuditForm audit(JsonObject root, String file, Diagnostics diags) {
        Fields r = new Fields(root, file, "the audit form", diags);
        r.onlyKeys(List.of("title", "instructions", "standards"));
        List<JsonValue> items = r.list("standards", true).orElse(List.of());
        if (items.size() != 10 && r.has("standards")) {
            diags.error(file, root.get("standards").pos(), "expected the ten standards, found " + items.size());
        }
        List<AuditStandard> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int number = i + 1;
            Optional<JsonObject> o = Fields.asObject(items.get(i), file, "each audit standard", diags);
            if (o.isEmpty()) {
                continue;
            }
            Fields s = new Fields(o.get(), file, "audit standard " + number, diags);
            s.onlyKeys(List.of("standard", "title", "questions"));
            checkNumber(s, "standard", number, file, diags);
            List<AuditQuestion> questions = new ArrayList<>();
            for (JsonValue qv : s.list("questions", true).orElse(List.of())) {
                Optional<JsonObject> qo = Fields.asObject(qv, file, "each question", diags);
                if (qo.isEmpty()) {
                    continue;
                }
                Fields q = new Fields(qo.get(), file, "the question", diags);
                q.onlyKeys(List.of("text", "followUp", "items"));
                int n = questions.size() + 1;
                questions.add(new AuditQuestion(number + "." + n, number, n, q.text("text", true).orElse(""),
                        q.text("followUp", false).orElse(null), strings(q, "items", file, diags)));
            }
            if (questions.isEmpty() && s.has("questions")) {
                diags.error(file, o.get().get("questions").pos(), "audit standard " + number + " has no questions");
            }
            out.add(new AuditStandard(number, s.text("title", true).orElse(""), List.copyOf(questions)));
        }
        return new AuditForm(r.text("title", true).orElse(""), r.text("instructions", false).orElse(""),
                List.copyOf(out));
    }

    private static void checkNumber(Fields s, String key, int expected, String file, Diagnostics diags) {
        Optional<Double> n = s.number(key);
        if (n.isPresent() && n.get() != expected) {
            diags.error(file, s.raw(key).pos(), "expected " + key + " " + expected + " here, found "
                    + n.get().intValue(), "standards are listed in order, 1 to 10");
        }
    }

    private static List<String> strings(Fields f, String key, String file, Diagnostics diags) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : f.list(key, false).orElse(List.of())) {
            if (v instanceof JsonString s) {
                out.add(s.value().strip());
            } else {
                diags.error(file, v.pos(), "each of \"" + key + "\" must be text, not " + v.describe());
            }
        }
        return List.copyOf(out);
    }
}
