package org.safeguardingreport.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Figures;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.spreadsheet.CsvFigures;
import org.safeguardingreport.spreadsheet.ImportedFigures;
import org.safeguardingreport.spreadsheet.WorkbookReader;

/**
 * The {@code import-data} command's work: the figures of a dashboard workbook or CSV file merged into
 * the year's {@code data/<year>.json}. A figure in the file replaces the data's; an empty cell, and a
 * measure the file has no place for, leave the data as it was. Nothing is written unless the whole
 * file is clean, and then the data file is replaced whole (written beside it and moved into place),
 * in the form a person writes it, which {@code check} reads without a message.
 */
public final class DataImport {
    /** A CSV file of a year's figures is a few kilobytes. */
    private static final long MAX_CSV_BYTES = 5L * 1024 * 1024;

    private DataImport() {
    }

    /** What the import did to the data file. */
    public record Written(String file, ReportingYear year, int added, int changed, int unchanged, boolean rewritten) {
    }

    public record Result(Diagnostics diagnostics, Optional<Written> written) {
    }

    /** Imports {@code input} (named {@code shown} in messages) into the bundle at {@code bundleDir}. */
    public static Result run(Path bundleDir, Path input, String shown) throws IOException {
        Diagnostics diags = new Diagnostics();
        BundleLoader.Result loaded = BundleLoader.load(bundleDir);
        if (loaded.bundle().isEmpty()) {
            diags.addAll(loaded.diagnostics());
            return new Result(diags, Optional.empty());
        }
        Bundle bundle = loaded.bundle().get();
        Optional<ImportedFigures> read = read(input, shown, diags);
        if (read.isEmpty()) {
            return new Result(diags, Optional.empty());
        }
        ImportedFigures figures = read.get();
        ReportingYear year = figures.year().orElse(bundle.meta().reportingYear());
        String file = "data/" + year.fileStem() + ".json";
        // the data file as it is must be sound: its figures are kept where the import does not touch them
        diags.addAll(loaded.diagnostics().only(d -> d.isError() && d.file().equals(file)));
        figures.provider().filter(p -> !p.text().equals(bundle.meta().provider().name())).ifPresent(p ->
                diags.warning(p.where(), Pos.FILE, "the workbook is for " + p.text() + ", the bundle for "
                        + bundle.meta().provider().name(), "check that this is the right workbook for the bundle"));
        Optional<DataYear> before = Optional.ofNullable(bundle.data().get(year));
        Map<Quarter, Map<String, MeasureValue>> quarters = new EnumMap<>(Quarter.class);
        Map<String, MeasureValue> annual = new LinkedHashMap<>();
        before.ifPresent(y -> {
            y.quarters().forEach((q, m) -> quarters.put(q, new LinkedHashMap<>(m)));
            annual.putAll(y.annual());
        });
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (ImportedFigures.Entry e : figures.entries()) {
            Map<String, MeasureValue> target = e.quarter() == null ? annual
                    : quarters.computeIfAbsent(e.quarter(), q -> new LinkedHashMap<>());
            MeasureValue old = target.get(e.measure());
            if (e.value().isEmpty()) {
                if (old != null) {
                    diags.warning(e.where(), Pos.FILE, "left empty, so " + e.measure() + " "
                            + (e.quarter() == null ? "for the year" : e.quarter().name()) + " keeps its figure in " + file
                            + " (" + shown(old) + ")", "to remove a figure, delete it from " + file);
                }
                continue;
            }
            MeasureValue v = e.value().get();
            if (old == null) {
                added++;
            } else if (old.equals(v)) {
                unchanged++;
            } else {
                changed++;
            }
            target.put(e.measure(), v);
        }
        if (diags.hasErrors()) {
            return new Result(diags, Optional.empty());
        }
        Path target = bundleDir.resolve(file);
        String text = JsonWriter.writeAsTyped(json(year, quarters, annual, before));
        if (Files.isRegularFile(target) && !endsWithNewline(target)) {
            // a file that ended without a line break keeps ending so: only the figures change
            text = text.stripTrailing();
        }
        Diagnostics proof = new Diagnostics();
        BundleLoader.readDataFile(text, file, year, proof);
        if (proof.hasErrors()) {
            throw new IllegalStateException("the data written for " + file + " does not pass check: "
                    + proof.sorted().get(0).format());
        }
        // a file whose figures are all as they were is left as it is, however it was laid out
        boolean same = Files.isRegularFile(target) && before.isPresent() && added == 0 && changed == 0;
        if (!same) {
            Publish.publishFile(target, text.getBytes(StandardCharsets.UTF_8));
        }
        return new Result(diags, Optional.of(new Written(file, year, added, changed, unchanged, !same)));
    }

    private static Optional<ImportedFigures> read(Path input, String shown, Diagnostics diags) throws IOException {
        if (!Files.isRegularFile(input)) {
            diags.error(shown, Pos.FILE, Files.exists(input) ? "this is a folder, not a workbook or CSV file" : "no such file",
                    "give the dashboard workbook (.xlsx) or CSV file to import");
            return Optional.empty();
        }
        if (!input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return WorkbookReader.read(input, shown, diags);
        }
        if (Files.size(input) > MAX_CSV_BYTES) {
            diags.error(shown, Pos.FILE, "the file is too large to be a year's figures (the limit is "
                    + MAX_CSV_BYTES / (1024 * 1024) + " MB)");
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(input);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            diags.error(shown, Pos.FILE, "the file is not UTF-8 text", "save it as CSV UTF-8 (comma delimited)");
            return Optional.empty();
        }
        return Optional.of(CsvFigures.read(text, shown, diags));
    }

    /**
     * The data file's content, as content-format.md writes it: quarters in order; in each, the
     * measures the file had in their order there, then those added in measures.md's order.
     */
    private static Map<String, Object> json(ReportingYear year, Map<Quarter, Map<String, MeasureValue>> quarters,
                                            Map<String, MeasureValue> annual, Optional<DataYear> before) {
        Map<String, Object> q = new LinkedHashMap<>();
        for (Quarter quarter : Quarter.values()) {
            Map<String, Object> values = ordered(quarters.getOrDefault(quarter, Map.of()),
                    before.map(y -> y.quarters().getOrDefault(quarter, Map.of()).keySet()).orElse(Set.of()));
            if (!values.isEmpty()) {
                q.put(quarter.name(), values);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reportingYear", year.label());
        root.put("quarters", q);
        root.put("annual", ordered(annual, before.map(y -> y.annual().keySet()).orElse(Set.of())));
        return root;
    }

    /** The measures {@code had} (the file's, in its order) first, then those added, in measures.md's order. */
    private static Map<String, Object> ordered(Map<String, MeasureValue> values, Set<String> had) {
        List<String> order = new ArrayList<>(had);
        MeasureCatalog.get().all().stream().map(Measure::id).filter(id -> !had.contains(id)).forEach(order::add);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String id : order) {
            MeasureValue v = values.get(id);
            if (v instanceof MeasureValue.Ratio r) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("numerator", r.numerator());
                pair.put("denominator", r.denominator());
                out.put(id, pair);
            } else if (v instanceof MeasureValue.Count c) {
                out.put(id, c.value());
            } else if (v instanceof MeasureValue.Flag f) {
                out.put(id, f.value());
            }
        }
        return out;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            if (f.length() == 0) {
                return true;
            }
            f.seek(f.length() - 1);
            return f.read() == '\n';
        }
    }

    private static String shown(MeasureValue v) {
        String count = Figures.count(Optional.of(v));
        return count != null ? count : Figures.format(v);
    }
}
