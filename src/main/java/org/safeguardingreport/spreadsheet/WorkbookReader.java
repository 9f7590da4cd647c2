package org.safeguardingreport.spreadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.text.Suggest;

/**
 * Reads a dashboard workbook ({@link DashboardWorkbook}'s layout) back into figures, naming every
 * problem by its sheet and cell ({@code dashboard.xlsx:Quarterly!J14}), all of them in one pass.
 *
 * <p>Nothing in the file is run: macros are never loaded, links to other workbooks are not followed
 * (a linked cell's value as last saved is taken, with a warning), embedded objects are not opened,
 * and a formula without a saved value is worked out by POI's own evaluator, which runs no code of
 * the file. The zip container is opened with explicit limits, so a file that unpacks to far more than
 * it holds (a decompression bomb) is refused before it fills the memory.
 */
public final class WorkbookReader {
    /** A dashboard workbook is some tens of kilobytes; anything past this is not one. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** No part of a real workbook unpacks to more than this. */
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    /** A part may unpack to at most 100 times its packed size (POI's default ratio, made explicit). */
    static final double MIN_INFLATE_RATIO = 0.01;
    private static final Pattern LOOKS_LIKE_REF = Pattern.compile("\\d{1,2}[a-z]([-\\s].*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL = Pattern.compile("\\[\\d+\\]|\\.xls[xmb]?\\]", Pattern.CASE_INSENSITIVE);

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(10_000_000);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private final String shown;
    private final Diagnostics diags;
    private final DataFormatter formatter = new DataFormatter(Locale.UK);
    private FormulaEvaluator evaluator;
    private final List<ImportedFigures.Entry> entries = new ArrayList<>();
    /** Each measure's row, as "Sheet!A12", to name a second row of the same measure. */
    private final Map<String, String> seen = new HashMap<>();
    private final Set<String> linkedWarned = new LinkedHashSet<>();
    private Optional<ReportingYear> year = Optional.empty();
    private String yearWhere;
    private Optional<ImportedFigures.Located> provider = Optional.empty();

    private WorkbookReader(String shown, Diagnostics diags) {
        this.shown = shown;
        this.diags = diags;
    }

    /**
     * The figures of the workbook at {@code file}, shown in messages as {@code shown}; empty when the
     * file could not be opened as a workbook at all (said in {@code diags}).
     */
    public static Optional<ImportedFigures> read(Path file, String shown, Diagnostics diags) {
        return new WorkbookReader(shown, diags).read(file);
    }

    private Optional<ImportedFigures> read(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls") || lower.endsWith(".ods") || lower.endsWith(".numbers")) {
            diags.error(shown, Pos.FILE, "this is not an Excel workbook (.xlsx) file",
                    "open it and save it as an Excel Workbook (.xlsx), then import that file");
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                diags.error(shown, Pos.FILE, "the file is " + Files.size(file) / (1024 * 1024)
                        + " MB: too large to be a dashboard workbook (the limit is " + MAX_FILE_BYTES / (1024 * 1024) + " MB)",
                        "take a fresh workbook with ./build-report.sh dashboard BUNDLE -o dashboard.xlsx");
                return Optional.empty();
            }
        } catch (IOException e) {
            diags.error(shown, Pos.FILE, "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            unreadable(e);
            return Optional.empty();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
            evaluator = wb.getCreationHelper().createFormulaEvaluator();
            contents(pkg, wb, lower);
            sheets(wb);
            return Optional.of(new ImportedFigures(year, provider, List.copyOf(entries)));
        } catch (IOException | RuntimeException e) {
            unreadable(e);
            return Optional.empty();
        } finally {
            pkg.revert();
        }
    }

    /** Why the file could not be opened, in the user's words: a bomb, not a workbook, or damaged. */
    private void unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("exceeds the max") || m.contains("MAX_ENTRY_SIZE")
                    || m.contains("max file count") || m.contains("MAX_FILE_COUNT") || m.contains("max text size")) {
                diags.error(shown, Pos.FILE, "refused: the file unpacks to far more than it holds "
                        + "(a decompression bomb, or not a dashboard workbook); nothing was read",
                        "a dashboard workbook unpacks to well under " + MAX_ENTRY_BYTES / (1024 * 1024)
                                + " MB; take a fresh one with ./build-report.sh dashboard BUNDLE -o dashboard.xlsx");
                return;
            }
        }
        diags.error(shown, Pos.FILE, "cannot be read as an Excel workbook (.xlsx): it is damaged or another kind of file",
                "open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)");
    }

    /** Macros, links to other workbooks and embedded objects: never run or opened, each said once. */
    private void contents(OPCPackage pkg, XSSFWorkbook wb, String lower) throws IOException {
        boolean macros = lower.endsWith(".xlsm");
        boolean embedded = false;
        boolean links = !wb.getExternalLinksTables().isEmpty();
        try {
            for (PackagePart p : pkg.getParts()) {
                String name = p.getPartName().getName().toLowerCase(Locale.ROOT);
                macros |= name.endsWith("vbaproject.bin") || name.contains("/macrosheets/")
                        || p.getContentType().contains("vbaProject");
                embedded |= name.contains("/embeddings/") || name.contains("/activex/");
                links |= name.contains("/externallinks/");
            }
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
        if (macros) {
            diags.warning(shown, Pos.FILE, "the workbook holds macros: they are ignored, never run",
                    "only the figures typed in the cells are read; save it as .xlsx (without macros) to be rid of them");
        }
        if (links) {
            diags.warning(shown, Pos.FILE, "the workbook links to other workbooks: the links are not followed",
                    "a linked cell's value as last saved is taken; type the figures in to be sure of them");
        }
        if (embedded) {
            diags.warning(shown, Pos.FILE, "the workbook holds embedded objects: they are ignored, never opened");
        }
    }

    private void sheets(XSSFWorkbook wb) {
        Set<String> present = new LinkedHashSet<>();
        List<String> expected = new ArrayList<>(List.of(SheetLayout.README));
        SheetLayout.all().forEach(l -> expected.add(l.name));
        for (Sheet s : wb) {
            present.add(s.getSheetName());
            if (s.getSheetName().equals(SheetLayout.README)) {
                continue;
            }
            Optional<SheetLayout> layout = SheetLayout.named(s.getSheetName());
            if (layout.isPresent()) {
                sheet(s, layout.get());
                continue;
            }
            String hint = Suggest.didYouMean(s.getSheetName(), expected);
            diags.error(at(s.getSheetName(), 0, 0), Pos.FILE, "sheet \"" + s.getSheetName()
                    + "\" is not part of the dashboard, so its cells would not be imported",
                    (hint != null ? "the sheets are named " + String.join(", ", expected) + ": " + hint + " "
                            : "") + "move any figures into the Monthly, Quarterly or Annual sheet, then delete this sheet");
        }
        for (SheetLayout l : SheetLayout.all()) {
            if (!present.contains(l.name)) {
                diags.warning(shown, Pos.FILE, "the workbook has no " + l.name + " sheet: its measures are left as they are",
                        "take a fresh workbook with ./build-report.sh dashboard to have every sheet");
            }
        }
    }

    private void sheet(Sheet s, SheetLayout layout) {
        String name = s.getSheetName();
        int header = headerRow(s, layout);
        if (header < 0) {
            return;
        }
        int offset = header - SheetLayout.HEADER_ROW;
        boolean headersOk = headers(s, layout, header) & merges(s, layout, offset);
        yearAndProvider(s, offset);
        if (!headersOk) {
            return;
        }
        for (int r = header + 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row == null) {
                continue;
            }
            String ref = text(row.getCell(SheetLayout.REF)).strip();
            boolean figures = hasFigures(row, layout);
            if (ref.isEmpty()) {
                if (figures) {
                    int c = firstFigure(row, layout);
                    diags.error(at(name, r, c), Pos.FILE, "a figure in a row without a measure reference",
                            "put the measure's reference (e.g. 3b-level-3) in column A, or move the figure to its measure's row");
                }
                continue;
            }
            Optional<Measure> m = MeasureCatalog.get().measure(ref);
            if (m.isEmpty()) {
                if (figures || LOOKS_LIKE_REF.matcher(ref).matches()) {
                    String hint = Suggest.didYouMean(ref, MeasureCatalog.get().ids());
                    diags.error(at(name, r, SheetLayout.REF), Pos.FILE, "unknown measure reference \"" + ref + "\"",
                            hint != null ? hint : "the references are those of measures.md, e.g. 3b-level-3");
                }
                continue;
            }
            String here = name + "!" + cellName(r, SheetLayout.REF);
            String before = seen.putIfAbsent(ref, here);
            if (before != null) {
                diags.error(at(name, r, SheetLayout.REF), Pos.FILE, ref + " has a second row here (its first is "
                        + before + ")", "keep one row per measure: delete one of them");
                continue;
            }
            boolean annualSheet = layout.table.annual();
            if ((m.get().frequency() == Frequency.ANNUAL) != annualSheet) {
                diags.error(at(name, r, SheetLayout.REF), Pos.FILE, ref + " is " + (annualSheet
                        ? "a quarterly measure: its row belongs on the Monthly or Quarterly sheet"
                        : "an annual measure: its row belongs on the Annual sheet"), "move the row back");
                continue;
            }
            measure(row, layout, m.get());
        }
    }

    /** The header row: where the layout puts it, or where it was moved to (an error, but the sheet is still read). */
    private int headerRow(Sheet s, SheetLayout layout) {
        String first = SheetLayout.FIXED_HEADERS.get(0);
        if (same(text(cell(s, SheetLayout.HEADER_ROW, SheetLayout.REF)), first)) {
            return SheetLayout.HEADER_ROW;
        }
        for (int r = 0; r <= Math.min(s.getLastRowNum(), 40); r++) {
            if (same(text(cell(s, r, SheetLayout.REF)), first)) {
                diags.error(at(s.getSheetName(), r, SheetLayout.REF), Pos.FILE, "the header row has moved from row "
                        + (SheetLayout.HEADER_ROW + 1) + " to row " + (r + 1),
                        "delete the rows inserted or restore those deleted above it, so that the header is row "
                                + (SheetLayout.HEADER_ROW + 1));
                return r;
            }
        }
        diags.error(at(s.getSheetName(), SheetLayout.HEADER_ROW, SheetLayout.REF), Pos.FILE,
                "the header row (Ref, Standard / statement, ...) is missing, so no figure of this sheet can be placed",
                "take a fresh workbook with ./build-report.sh dashboard and copy the figures into it");
        return -1;
    }

    /** Every header where the layout puts it; a moved or renamed column is named with where it belongs. */
    private boolean headers(Sheet s, SheetLayout layout, int header) {
        List<String> expected = layout.headers();
        boolean ok = true;
        for (int c = 0; c < expected.size(); c++) {
            String found = text(cell(s, header, c)).strip();
            if (same(found, expected.get(c))) {
                continue;
            }
            ok = false;
            int elsewhere = -1;
            for (int k = 0; k < expected.size(); k++) {
                if (same(found, expected.get(k))) {
                    elsewhere = k;
                }
            }
            String hint = elsewhere >= 0
                    ? "the \"" + expected.get(elsewhere) + "\" column belongs in column " + colName(elsewhere)
                    + ": columns cannot be moved, inserted or deleted; undo the change, or take a fresh workbook with "
                    + "./build-report.sh dashboard"
                    : "columns cannot be renamed, inserted or deleted; undo the change, or take a fresh workbook with "
                    + "./build-report.sh dashboard";
            diags.error(at(s.getSheetName(), header, c), Pos.FILE, "column " + colName(c) + " should be headed \""
                    + expected.get(c) + "\"" + (found.isEmpty() ? ", but its header is empty" : ", not \"" + found + "\""),
                    hint);
        }
        return ok;
    }

    /**
     * Merged cells: the layout merges the period titles above the header and the statements down
     * their rows. A merge across the header, or across a cell that takes a figure, hides what is where.
     */
    private boolean merges(Sheet s, SheetLayout layout, int offset) {
        boolean ok = true;
        int header = SheetLayout.HEADER_ROW + offset;
        for (CellRangeAddress m : s.getMergedRegions()) {
            boolean inHeader = m.getFirstRow() <= header && m.getLastRow() >= header;
            boolean overFigures = false;
            if (m.getLastRow() > header) {
                for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
                    overFigures |= layout.inputColumn(c);
                }
            }
            if (!inHeader && !overFigures) {
                continue;
            }
            ok &= !inHeader;
            String range = cellName(m.getFirstRow(), m.getFirstColumn()) + ":" + cellName(m.getLastRow(), m.getLastColumn());
            diags.error(at(s.getSheetName(), m.getFirstRow(), m.getFirstColumn()), Pos.FILE, "cells " + range
                    + " are merged" + (inHeader ? " across the header row" : ", where each figure needs a cell of its own"),
                    "unmerge them (Format > Merge cells > Unmerge) so that each column has its own "
                            + (inHeader ? "header" : "figure"));
        }
        return ok;
    }

    private void yearAndProvider(Sheet s, int offset) {
        int yr = SheetLayout.YEAR_ROW + offset;
        String label = text(cell(s, yr, SheetLayout.VALUE)).strip();
        String where = at(s.getSheetName(), yr, SheetLayout.VALUE);
        Optional<ReportingYear> y = ReportingYear.parseLabel(label);
        if (y.isEmpty()) {
            diags.error(where, Pos.FILE, label.isEmpty() ? "the reporting year is missing"
                    : "reporting year \"" + label + "\" is not a financial year", "write it as YYYY/YY, e.g. 2023/24");
        } else if (year.isEmpty()) {
            year = y;
            yearWhere = where;
        } else if (!year.equals(y)) {
            diags.error(where, Pos.FILE, "reporting year " + label + " differs from " + year.get().label() + " in "
                    + yearWhere, "every sheet of one workbook is for one year");
        }
        if (provider.isEmpty()) {
            String p = text(cell(s, SheetLayout.PROVIDER_ROW + offset, SheetLayout.VALUE)).strip();
            if (!p.isEmpty()) {
                provider = Optional.of(new ImportedFigures.Located(p,
                        at(s.getSheetName(), SheetLayout.PROVIDER_ROW + offset, SheetLayout.VALUE)));
            }
        }
    }

    private void measure(Row row, SheetLayout layout, Measure m) {
        String sheet = row.getSheet().getSheetName();
        int r = row.getRowNum();
        for (int i = 0; i < layout.periods.size(); i++) {
            SheetLayout.Period p = layout.periods.get(i);
            if (!p.input()) {
                continue;
            }
            String period = p.quarter() == null ? "the year" : p.quarter().name();
            Cell numCell = row.getCell(layout.number(i));
            Cell denCell = row.getCell(layout.outOf(i));
            String numAt = at(sheet, r, layout.number(i));
            String denAt = at(sheet, r, layout.outOf(i));
            Optional<MeasureValue> value = Optional.empty();
            boolean bad = false;
            if (m.kind() == MeasureKind.PERCENT) {
                Read n = number(numCell, numAt, "numerator");
                Read d = number(denCell, denAt, "denominator");
                bad = n.bad || d.bad;
                if (!bad && n.value != null && d.value == null) {
                    bad = true;
                    diags.error(denAt, Pos.FILE, "the denominator is missing: numerator " + n.value + " is filled in",
                            m.id() + ", " + period + ": type what the number is out of, or clear the numerator");
                } else if (!bad && n.value == null && d.value != null) {
                    bad = true;
                    diags.error(numAt, Pos.FILE, "the numerator is missing: denominator " + d.value + " is filled in",
                            m.id() + ", " + period + ": type the number, or clear the denominator");
                } else if (!bad && n.value != null && n.value > d.value) {
                    bad = true;
                    diags.error(numAt, Pos.FILE, "numerator " + n.value + " is greater than denominator " + d.value,
                            m.id() + ", " + period + ": the numerator counts those who met the measure, out of the denominator");
                } else if (!bad && n.value != null) {
                    value = Optional.of(new MeasureValue.Ratio(n.value, d.value));
                }
            } else {
                if (!blank(denCell)) {
                    bad = true;
                    diags.error(denAt, Pos.FILE, m.id() + " is " + (m.kind() == MeasureKind.COUNT ? "a count" : "a yes/no measure")
                            + ": it has no denominator", "type its " + (m.kind() == MeasureKind.COUNT ? "count" : "Yes or No")
                            + " in " + cellName(r, layout.number(i)) + " alone, and clear this cell");
                }
                if (m.kind() == MeasureKind.COUNT) {
                    Read n = number(numCell, numAt, "count");
                    bad |= n.bad;
                    if (!bad && n.value != null) {
                        value = Optional.of(new MeasureValue.Count(n.value));
                    }
                } else {
                    Optional<Boolean> f = flag(numCell, numAt);
                    bad |= f == null;
                    if (!bad && f.isPresent()) {
                        value = Optional.of(new MeasureValue.Flag(f.get()));
                    }
                }
            }
            if (!bad) {
                entries.add(new ImportedFigures.Entry(p.quarter(), m.id(), value, shown + ":" + sheet + "!"
                        + cellName(r, layout.number(i))));
            }
        }
    }

    /** A whole number of 0 or more, nothing (blank), or bad (said). */
    private record Read(Long value, boolean bad) {
        static final Read BLANK = new Read(null, false);
        static final Read BAD = new Read(null, true);
    }

    private Read number(Cell c, String where, String what) {
        if (blank(c)) {
            return Read.BLANK;
        }
        boolean formula = c.getCellType() == CellType.FORMULA;
        if (!formula && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            diags.error(where, Pos.FILE, "a date (" + formatter.formatCellValue(c) + ") where the " + what + " belongs",
                    "format the cell as a number and type the " + what + ", e.g. 412");
            return Read.BAD;
        }
        Optional<CellValue> v = formula ? formula(c, where) : Optional.of(plain(c));
        if (v.isEmpty()) {
            return Read.BAD;
        }
        String from = formula ? "the formula's value: " : "";
        switch (v.get().getCellType()) {
            case NUMERIC -> {
                double d = v.get().getNumberValue();
                String showing = formula ? shown(d) : formatter.formatCellValue(c);
                if (d != Math.rint(d) || Double.isInfinite(d)) {
                    diags.error(where, Pos.FILE, from + shown(d) + (showing.equals(shown(d)) ? "" : " (shown as " + showing + ")")
                            + " is not a whole number: the " + what + " is a count of people or events",
                            showing.endsWith("%") ? "type the count itself, not a percentage: the % is worked out"
                                    : "type a whole number, e.g. 412");
                    return Read.BAD;
                }
                if (d < 0) {
                    diags.error(where, Pos.FILE, from + "the " + what + " " + shown(d) + " is below 0", "a count is 0 or more");
                    return Read.BAD;
                }
                if (d > 1e12) {
                    diags.error(where, Pos.FILE, from + "the " + what + " " + shown(d) + " is too large to be a count",
                            "type the count, e.g. 412");
                    return Read.BAD;
                }
                return new Read((long) d, false);
            }
            case STRING -> {
                String t = v.get().getStringValue().strip();
                if (t.isEmpty()) {
                    return Read.BLANK;
                }
                String digits = t.replace(",", "").replace(" ", "");
                diags.error(where, Pos.FILE, from + "text \"" + clip(t) + "\" where the " + what + " belongs",
                        digits.matches("\\d{1,12}") ? "the figure is stored as text: retype it as a number, " + digits
                                : "type a whole number, e.g. 412; notes go in the Queries / comments column");
                return Read.BAD;
            }
            case BOOLEAN -> {
                diags.error(where, Pos.FILE, from + (v.get().getBooleanValue() ? "TRUE" : "FALSE") + " where the " + what
                        + " belongs", "type a whole number, e.g. 412");
                return Read.BAD;
            }
            case ERROR -> {
                diags.error(where, Pos.FILE, "formula error " + errorText(v.get().getErrorValue()) + " where the " + what
                        + " belongs", "correct the formula, or type the figure itself");
                return Read.BAD;
            }
            default -> {
                return Read.BLANK;
            }
        }
    }

    /** A cell that holds no formula, as the value it holds. */
    private static CellValue plain(Cell c) {
        return switch (c.getCellType()) {
            case NUMERIC -> new CellValue(c.getNumericCellValue());
            case STRING -> new CellValue(c.getStringCellValue());
            case BOOLEAN -> CellValue.valueOf(c.getBooleanCellValue());
            case ERROR -> CellValue.getError(c.getErrorCellValue());
            default -> new CellValue("");
        };
    }

    /** Yes or No: empty when blank, null when bad (said). */
    private Optional<Boolean> flag(Cell c, String where) {
        if (blank(c)) {
            return Optional.empty();
        }
        Optional<CellValue> read = c.getCellType() == CellType.FORMULA ? formula(c, where) : Optional.of(plain(c));
        if (read.isEmpty()) {
            return null;
        }
        CellValue v = read.get();
        switch (v.getCellType()) {
            case BOOLEAN:
                return Optional.of(v.getBooleanValue());
            case STRING: {
                String t = v.getStringValue().strip().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                if (List.of("yes", "y", "true").contains(t)) {
                    return Optional.of(true);
                }
                if (List.of("no", "n", "false").contains(t)) {
                    return Optional.of(false);
                }
                diags.error(where, Pos.FILE, "\"" + clip(v.getStringValue().strip()) + "\" where Yes or No belongs",
                        "choose Yes or No");
                return null;
            }
            case ERROR:
                diags.error(where, Pos.FILE, "formula error " + errorText(v.getErrorValue())
                        + " where Yes or No belongs", "correct the formula, or choose Yes or No");
                return null;
            default:
                diags.error(where, Pos.FILE, "the number " + shown(v.getNumberValue()) + " where Yes or No belongs",
                        "a yes/no measure takes Yes or No");
                return null;
        }
    }

    /**
     * A formula cell's value: the one saved with the file (what Excel or LibreOffice last showed);
     * one never worked out is worked out here, unless it reads another workbook.
     */
    private Optional<CellValue> formula(Cell c, String where) {
        String f = c.getCellFormula();
        boolean external = EXTERNAL.matcher(f).find();
        boolean saved = !(c instanceof XSSFCell x) || x.getCTCell().isSetV();
        if (external && linkedWarned.add(where)) {
            diags.warning(where, Pos.FILE, "the figure comes from another workbook (=" + clip(f)
                    + "): the link is not followed", saved ? "its value as last saved is taken; type the figure to be sure of it"
                    : "type the figure itself");
        }
        if (saved) {
            return Optional.of(switch (c.getCachedFormulaResultType()) {
                case NUMERIC -> new CellValue(c.getNumericCellValue());
                case STRING -> new CellValue(c.getStringCellValue());
                case BOOLEAN -> CellValue.valueOf(c.getBooleanCellValue());
                case ERROR -> CellValue.getError(c.getErrorCellValue());
                default -> new CellValue("");
            });
        }
        if (external) {
            diags.error(where, Pos.FILE, "the formula reads another workbook and has no saved value",
                    "type the figure itself");
            return Optional.empty();
        }
        try {
            CellValue v = evaluator.evaluate(c);
            return Optional.of(v == null ? new CellValue("") : v);
        } catch (RuntimeException e) {
            diags.error(where, Pos.FILE, "the formula =" + clip(f) + " cannot be worked out", "type the figure itself");
            return Optional.empty();
        }
    }

    private boolean hasFigures(Row row, SheetLayout layout) {
        return firstFigure(row, layout) >= 0;
    }

    private int firstFigure(Row row, SheetLayout layout) {
        for (int c = 0; c <= layout.lastColumn(); c++) {
            if (layout.inputColumn(c) && !blank(row.getCell(c))) {
                return c;
            }
        }
        return -1;
    }

    private static boolean blank(Cell c) {
        if (c == null || c.getCellType() == CellType.BLANK) {
            return true;
        }
        return c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank();
    }

    private String text(Cell c) {
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.FORMULA) {
            return c.getCachedFormulaResultType() == CellType.STRING ? c.getStringCellValue() : "";
        }
        return formatter.formatCellValue(c);
    }

    private static Cell cell(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    /** Header texts compare without regard to case, line breaks or repeated spaces. */
    private static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private String at(String sheet, int row, int col) {
        return shown + ":" + sheet + "!" + cellName(row, col);
    }

    static String cellName(int row, int col) {
        return new CellReference(row, col).formatAsString(false);
    }

    private static String colName(int col) {
        return CellReference.convertNumToColString(col);
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    private static String shown(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }
}
