package org.safeguardingreport.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.safeguardingreport.model.Appendix4;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.model.Threshold;

/**
 * Writes the year's dashboard as a workbook in the seed's Appendix 4 layout: a read-me sheet, then one
 * sheet each for the monthly (reported per quarter), quarterly and annual measures. Each measure has
 * one row: its reference, statement, guidance reference, the seed's wording, its Red / Amber / Green
 * thresholds and regularity, then per quarter a number and an "out of" to type in and the % worked
 * out by a formula, coloured by conditional formatting on the exact ratio, so the sheet rates figures
 * on its own in Excel and LibreOffice. Figures the bundle already has are filled in. Only the cells to
 * type in are unlocked; the sheets are protected without a password, against overtyping a formula.
 */
public final class DashboardWorkbook {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final byte[] NHS_BLUE = rgb(0x005EB8);
    private static final byte[] DARK_BLUE = rgb(0x003087);
    private static final byte[] PALE_BLUE = rgb(0xDCE6F2);
    private static final byte[] PALE_GREY = rgb(0xF2F2F2);
    private static final byte[] INPUT_YELLOW = rgb(0xFFFDE7);
    private static final byte[] GREEN_FILL = rgb(0xC6EFCE);
    private static final byte[] GREEN_TEXT = rgb(0x006100);
    private static final byte[] AMBER_FILL = rgb(0xFFEB9C);
    private static final byte[] AMBER_TEXT = rgb(0x9C5700);
    private static final byte[] RED_FILL = rgb(0xFFC7CE);
    private static final byte[] RED_TEXT = rgb(0x9C0006);

    /** Widths, in characters, of the columns before the periods (reference to regularity), and of the comments. */
    private static final int[] WIDTHS = {24, 30, 24, 38, 8, 11, 8, 12};
    private static final int COMMENT_WIDTH = 40;

    private final Bundle bundle;
    private final Optional<DataYear> year;
    private final ReportingYear ry;
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Map<String, XSSFCellStyle> styles = new HashMap<>();

    private DashboardWorkbook(Bundle bundle) {
        this.bundle = bundle;
        this.year = bundle.currentYear();
        this.ry = bundle.meta().reportingYear();
    }

    /** The workbook of the bundle's report year, as the bytes of an .xlsx file. */
    public static byte[] write(Bundle bundle) {
        DashboardWorkbook w = new DashboardWorkbook(bundle);
        try (XSSFWorkbook wb = w.wb) {
            w.readMe();
            for (SheetLayout layout : SheetLayout.all()) {
                w.sheet(layout);
            }
            wb.setActiveSheet(1);
            wb.setFirstVisibleTab(0);
            // the year and % formulas are worked out when the file is opened
            wb.setForceFormulaRecalculation(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readMe() {
        XSSFSheet s = wb.createSheet(SheetLayout.README);
        s.setColumnWidth(0, 100 * 256);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"title", "Safeguarding children dashboard " + ry.label()});
        lines.add(new String[] {"bold", bundle.meta().provider().name()});
        lines.add(new String[] {"text", "Reporting year " + ry.label() + ": 1 April " + ry.startYear() + " to 31 March "
                + (ry.startYear() + 1) + ". Laid out as the Somerset CCG safeguarding children dashboard (Appendix 4)."});
        lines.add(new String[] {"text", ""});
        lines.add(new String[] {"bold", "How to fill it in"});
        lines.add(new String[] {"text", "Type figures only in the pale yellow cells. The Monthly sheet's measures are reported "
                + "here per quarter: the quarter's figures, not a month's."});
        lines.add(new String[] {"text", "A percentage measure takes a number (those who met the measure, e.g. staff trained) "
                + "and what it is out of (e.g. applicable staff). Its % and colour are worked out."});
        lines.add(new String[] {"text", "A count takes the number alone. A yes/no measure (Annual sheet) takes Yes or No."});
        lines.add(new String[] {"text", "Leave a cell empty when there is no figure yet: an empty cell changes nothing on import."});
        lines.add(new String[] {"text", "The year's columns are worked out: training (3b, 3c) is the position at the latest "
                + "quarter filled in; other measures add the quarters up."});
        lines.add(new String[] {"text", ""});
        lines.add(new String[] {"bold", "Ratings"});
        lines.add(new String[] {"green", "Green: 90% or more (unless the template sets another threshold for the measure)"});
        lines.add(new String[] {"amber", "Amber: 76% or more and below 90%"});
        lines.add(new String[] {"red", "Red: below 76%"});
        lines.add(new String[] {"text", "The rating is worked out on the exact ratio, as in the annual report; where one decimal would "
                + "show a figure across a threshold, two are shown (89.97% is Amber). A denominator of 0 shows n/a, not rated."});
        lines.add(new String[] {"text", ""});
        lines.add(new String[] {"bold", "Bringing the figures back"});
        lines.add(new String[] {"text", "./build-report.sh import-data BUNDLE this-file.xlsx   writes data/" + ry.fileStem()
                + ".json, or names every cell to correct and writes nothing."});
        lines.add(new String[] {"text", "Keep the sheets, their names and the header rows as they are; comments and other "
                + "notes in the Queries / comments column are not imported. The workbook holds no macros."});
        int r = 0;
        for (String[] line : lines) {
            Row row = s.createRow(r++);
            Cell c = row.createCell(0);
            c.setCellValue(line[1]);
            c.setCellStyle(style("readme-" + line[0]));
            row.setHeightInPoints(line[0].equals("title") ? 24 : (float) height(lines(line[1], 100 * 1.3)));
        }
        s.setDisplayGridlines(false);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setFitToPage(true);
        s.enableLocking();
    }

    private void sheet(SheetLayout layout) {
        XSSFSheet s = wb.createSheet(layout.name);
        Appendix4.Table table = layout.table;
        header(s, layout);
        int r = SheetLayout.FIRST_ROW;
        List<Integer> percentRows = new ArrayList<>();
        List<Integer> flagRows = new ArrayList<>();
        List<Integer> numberRows = new ArrayList<>();
        for (Appendix4.Standard st : table.standards()) {
            Row heading = s.createRow(r);
            fill(heading, layout, "standard");
            String title = "Standard " + st.number() + ": " + bundle.template().standard(st.number()).title();
            if (!st.outcomesFramework().isEmpty()) {
                title += "   (NHS Outcomes Framework: " + st.outcomesFramework()
                        + (st.domain().isEmpty() ? "" : ", " + st.domain()) + ")";
            }
            heading.getCell(SheetLayout.REF).setCellValue(title);
            r++;
            for (Appendix4.Block block : st.blocks()) {
                int first = r;
                for (Appendix4.Row row : block.rows()) {
                    Row x = s.createRow(r);
                    if (!row.isMeasure()) {
                        fill(x, layout, "sub");
                        x.getCell(SheetLayout.MEASURE).setCellValue(row.subheading());
                    } else {
                        Measure m = MeasureCatalog.get().measure(row.measure()).orElseThrow();
                        measureRow(x, layout, row, m);
                        (m.kind() == MeasureKind.PERCENT ? percentRows : m.kind() == MeasureKind.YES_NO ? flagRows
                                : numberRows).add(r);
                    }
                    r++;
                }
                Row top = s.getRow(first);
                top.getCell(SheetLayout.STATEMENT).setCellValue(block.statement());
                top.getCell(SheetLayout.REFERENCE).setCellValue(block.reference());
                fitBlock(s, first, r - 1, block);
                if (r - 1 > first) {
                    s.addMergedRegion(new CellRangeAddress(first, r - 1, SheetLayout.STATEMENT, SheetLayout.STATEMENT));
                    s.addMergedRegion(new CellRangeAddress(first, r - 1, SheetLayout.REFERENCE, SheetLayout.REFERENCE));
                }
            }
        }
        rating(s, layout, percentRows, flagRows);
        validation(s, layout, percentRows, numberRows, flagRows);
        columns(s, layout);
        s.createFreezePane(SheetLayout.MEASURE + 1, SheetLayout.FIRST_ROW);
        PrintSetup print = s.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A3_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        s.setFitToPage(true);
        s.setMargin(PageMargin.LEFT, 0.4);
        s.setMargin(PageMargin.RIGHT, 0.4);
        s.setRepeatingRows(new CellRangeAddress(SheetLayout.GROUP_ROW, SheetLayout.HEADER_ROW, -1, -1));
        s.getHeader().setCenter(bundle.meta().provider().name() + " - safeguarding children dashboard " + ry.label()
                + " - " + table.heading());
        s.getFooter().setCenter("Page &P of &N");
        s.lockFormatColumns(false);
        s.lockFormatRows(false);
        s.enableLocking();
    }

    private void header(XSSFSheet s, SheetLayout layout) {
        Appendix4.Table table = layout.table;
        Row title = s.createRow(SheetLayout.TITLE_ROW);
        title.setHeightInPoints(22);
        cell(title, 0, "Safeguarding children dashboard " + ry.label() + ": " + table.heading()
                + (table.annual() ? "" : table.regularity().equals("Monthly")
                ? " (each quarter's figures)" : ""), "title");
        Row provider = s.createRow(SheetLayout.PROVIDER_ROW);
        cell(provider, 0, "Provider", "label");
        cell(provider, SheetLayout.VALUE, bundle.meta().provider().name(), "bold");
        Row yr = s.createRow(SheetLayout.YEAR_ROW);
        cell(yr, 0, "Reporting year", "label");
        cell(yr, SheetLayout.VALUE, ry.label(), "bold");
        Row note = s.createRow(SheetLayout.NOTE_ROW);
        cell(note, 0, table.annual()
                ? "Type the year's figures in the pale yellow cells: a number (and what it is out of, for a %), or Yes / No."
                : "Type each quarter's figures in the pale yellow cells: the number and, for a %, what it is out of. "
                        + "The % and the year are worked out.", "note");

        Row group = s.createRow(SheetLayout.GROUP_ROW);
        Row head = s.createRow(SheetLayout.HEADER_ROW);
        group.setHeightInPoints(18);
        head.setHeightInPoints(30);
        for (int c = 0; c <= layout.lastColumn(); c++) {
            cell(group, c, "", "group");
        }
        group.getCell(SheetLayout.RED).setCellValue("Threshold");
        s.addMergedRegion(new CellRangeAddress(SheetLayout.GROUP_ROW, SheetLayout.GROUP_ROW, SheetLayout.RED, SheetLayout.GREEN));
        LocalDate from = LocalDate.of(ry.startYear(), 4, 1);
        for (int i = 0; i < layout.periods.size(); i++) {
            SheetLayout.Period p = layout.periods.get(i);
            String text;
            if (p.quarter() == null) {
                text = "Year " + ry.label() + (p.input() ? "" : " (worked out)");
            } else {
                LocalDate to = ry.endOf(p.quarter());
                text = p.quarter().name() + ": " + from.format(DAY) + " to " + to.format(DAY);
                from = to.plusDays(1);
            }
            group.getCell(layout.number(i)).setCellValue(text);
            s.addMergedRegion(new CellRangeAddress(SheetLayout.GROUP_ROW, SheetLayout.GROUP_ROW, layout.number(i),
                    layout.percent(i)));
        }
        List<String> headers = layout.headers();
        for (int c = 0; c < headers.size(); c++) {
            cell(head, c, headers.get(c), "header");
        }
    }

    private void measureRow(Row x, SheetLayout layout, Appendix4.Row row, Measure m) {
        boolean provided = bundle.meta().provides(m.id());
        fill(x, layout, "text");
        x.getCell(SheetLayout.REF).setCellValue(m.id());
        x.getCell(SheetLayout.REF).setCellStyle(style("ref"));
        XSSFRichTextString label = new XSSFRichTextString();
        label.append(row.label(), font("bold-small"));
        if (m.rated()) {
            label.append("\nNumber: " + row.numerator() + "\nOut of: " + row.denominator(), font("small"));
        }
        x.getCell(SheetLayout.MEASURE).setCellValue(label);
        Threshold t = bundle.template().threshold(m.id());
        if (m.rated()) {
            numberCell(x, SheetLayout.RED, t.amber(), "<" + pct(t.amber()), "red");
            numberCell(x, SheetLayout.AMBER, t.amber(), pct(t.amber()) + " to <" + pct(t.green()), "amber");
            numberCell(x, SheetLayout.GREEN, t.green(), "\u2265" + pct(t.green()), "green");
        } else if (m.kind() == MeasureKind.YES_NO) {
            x.getCell(SheetLayout.RED).setCellValue("No");
            x.getCell(SheetLayout.GREEN).setCellValue("Yes");
            for (int c = SheetLayout.RED; c <= SheetLayout.GREEN; c++) {
                x.getCell(c).setCellStyle(style("centre"));
            }
        } else {
            x.getCell(SheetLayout.RED).setCellValue("Baseline");
            x.getCell(SheetLayout.RED).setCellStyle(style("centre"));
        }
        x.getCell(SheetLayout.REGULARITY).setCellValue(layout.table.annual() ? "Annual"
                : layout.table.regularity().equals("Monthly") ? "Monthly, reported quarterly" : layout.table.regularity());
        x.getCell(SheetLayout.REGULARITY).setCellStyle(style("centre"));
        int rowNo = x.getRowNum();
        for (int i = 0; i < layout.periods.size(); i++) {
            SheetLayout.Period p = layout.periods.get(i);
            Cell num = x.getCell(layout.number(i));
            Cell den = x.getCell(layout.outOf(i));
            Cell pc = x.getCell(layout.percent(i));
            if (p.input()) {
                Optional<MeasureValue> v = year.flatMap(y -> p.quarter() == null ? y.annual(m.id())
                        : y.quarterly(m.id(), p.quarter()));
                num.setCellStyle(style(m.kind() == MeasureKind.YES_NO ? "input-flag" : "input"));
                if (v.isPresent() && v.get() instanceof MeasureValue.Ratio ratio) {
                    num.setCellValue(ratio.numerator());
                    den.setCellValue(ratio.denominator());
                } else if (v.isPresent() && v.get() instanceof MeasureValue.Count c) {
                    num.setCellValue(c.value());
                } else if (v.isPresent() && v.get() instanceof MeasureValue.Flag f) {
                    num.setCellValue(f.value() ? "Yes" : "No");
                }
                den.setCellStyle(style(m.rated() ? "input" : "none"));
            } else {
                num.setCellStyle(style("computed"));
                den.setCellStyle(style("none"));
                if (m.kind() != MeasureKind.YES_NO) {
                    num.setCellFormula(yearFormula(layout, rowNo, m, true));
                }
                if (m.rated()) {
                    den.setCellStyle(style("computed"));
                    den.setCellFormula(yearFormula(layout, rowNo, m, false));
                }
            }
            pc.setCellStyle(style(m.rated() ? "percent" : "none"));
            if (m.rated()) {
                String n = ref(layout.number(i), rowNo);
                String d = ref(layout.outOf(i), rowNo);
                pc.setCellFormula("IF(AND(ISNUMBER(" + n + "),ISNUMBER(" + d + ")),IF(" + d + "=0,\"n/a\"," + n + "/" + d
                        + "),\"\")");
            }
        }
        Cell comments = x.getCell(layout.comments());
        comments.setCellStyle(style("comment"));
        String comment = row.comment();
        if (!provided) {
            comment = "Not provided by the Trust (report.json, servicesNotProvided)." + (comment.isEmpty() ? "" : " " + comment);
        }
        comments.setCellValue(comment);
        // spreadsheets do not grow a row to its wrapped text on opening a file: the height is set here
        double lines = lines(row.label(), WIDTHS[SheetLayout.MEASURE] * 1.3);
        if (m.rated()) {
            lines += 0.9 * (lines("Number: " + row.numerator(), WIDTHS[SheetLayout.MEASURE] * 1.65)
                    + lines("Out of: " + row.denominator(), WIDTHS[SheetLayout.MEASURE] * 1.65));
        }
        lines = Math.max(lines, lines(x.getCell(SheetLayout.REGULARITY).getStringCellValue(), WIDTHS[SheetLayout.REGULARITY] * 1.4));
        lines = Math.max(lines, 0.9 * lines(comment, COMMENT_WIDTH * 1.65));
        x.setHeightInPoints((float) height(lines));
    }

    /** Grows the rows of a block, evenly, until its merged statement and reference fit. */
    private static void fitBlock(XSSFSheet s, int first, int last, Appendix4.Block block) {
        double need = Math.max(height(lines(block.statement(), WIDTHS[SheetLayout.STATEMENT] * 1.4)),
                height(0.9 * lines(block.reference(), WIDTHS[SheetLayout.REFERENCE] * 1.65)));
        double have = 0;
        for (int r = first; r <= last; r++) {
            have += s.getRow(r).getHeightInPoints();
        }
        if (need > have) {
            float extra = (float) ((need - have) / (last - first + 1));
            for (int r = first; r <= last; r++) {
                Row row = s.getRow(r);
                row.setHeightInPoints(row.getHeightInPoints() + extra);
            }
        }
    }

    /** A 9-point line is about 10.5 points high, with a little room above and below. */
    private static double height(double lines) {
        return Math.max(1, lines) * 10.5 + 3;
    }

    /** How many lines {@code text} wraps to in a column holding about {@code perLine} characters. */
    static double lines(String text, double perLine) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int lines = 0;
        for (String para : text.split("\n")) {
            lines++;
            int used = 0;
            for (String word : para.split(" ")) {
                if (used > 0 && used + 1 + word.length() > perLine) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? 1 : 0) + word.length();
                while (used > perLine) {
                    lines++;
                    used -= (int) perLine;
                }
            }
        }
        return lines;
    }

    /**
     * The year's number or "out of" as measures.md takes it: for training (a stock) the latest
     * quarter filled in, for any other measure the quarters added up; empty while no quarter is.
     */
    private static String yearFormula(SheetLayout layout, int row, Measure m, boolean number) {
        int quarters = layout.periods.size() - 1;
        if (m.stock()) {
            StringBuilder f = new StringBuilder();
            for (int i = quarters - 1; i >= 0; i--) {
                f.append("IF(ISNUMBER(").append(ref(layout.outOf(i), row)).append("),")
                        .append(ref(number ? layout.number(i) : layout.outOf(i), row)).append(',');
            }
            f.append("\"\"").append(")".repeat(quarters));
            return f.toString();
        }
        List<String> given = new ArrayList<>();
        List<String> summed = new ArrayList<>();
        for (int i = 0; i < quarters; i++) {
            given.add(ref(m.rated() ? layout.outOf(i) : layout.number(i), row));
            summed.add(ref(number ? layout.number(i) : layout.outOf(i), row));
        }
        return "IF(COUNT(" + String.join(",", given) + ")=0,\"\",SUM(" + String.join(",", summed) + "))";
    }

    /** Colours the % cells by the exact ratio against the row's thresholds, and the yes/no cells. */
    private void rating(XSSFSheet s, SheetLayout layout, List<Integer> percentRows, List<Integer> flagRows) {
        SheetConditionalFormatting cf = s.getSheetConditionalFormatting();
        for (int i = 0; i < layout.periods.size(); i++) {
            if (percentRows.isEmpty()) {
                break;
            }
            CellRangeAddress[] ranges = runs(percentRows, layout.percent(i));
            int top = ranges[0].getFirstRow();
            String p = ref(layout.percent(i), top);
            String n = ref(layout.number(i), top);
            String d = ref(layout.outOf(i), top);
            String g = "$" + CellReference.convertNumToColString(SheetLayout.GREEN) + (top + 1);
            String a = "$" + CellReference.convertNumToColString(SheetLayout.AMBER) + (top + 1);
            String rated = "ISNUMBER(" + p + ")";
            String atGreen = n + "*100>=" + g + "*" + d;
            String atAmber = n + "*100>=" + a + "*" + d;
            // where one decimal would print a figure on the other side of a threshold (89.97% as 90.0%), two are shown
            String showsGreen = "ROUND(" + p + "*100,1)>=" + g;
            String showsAmber = "ROUND(" + p + "*100,1)>=" + a;
            List<ConditionalFormattingRule> rules = List.of(
                    rule(cf, "AND(" + rated + "," + atGreen + ")", GREEN_FILL, GREEN_TEXT, false),
                    rule(cf, "AND(" + rated + "," + atAmber + ",NOT(" + atGreen + ")," + showsGreen + ")", AMBER_FILL, AMBER_TEXT,
                            true),
                    rule(cf, "AND(" + rated + "," + atAmber + ",NOT(" + atGreen + "))", AMBER_FILL, AMBER_TEXT, false),
                    rule(cf, "AND(" + rated + ",NOT(" + atAmber + ")," + showsAmber + ")", RED_FILL, RED_TEXT, true),
                    rule(cf, "AND(" + rated + ",NOT(" + atAmber + "))", RED_FILL, RED_TEXT, false));
            cf.addConditionalFormatting(ranges, rules.toArray(new ConditionalFormattingRule[0]));
            twoDecimals(s);
        }
        if (!flagRows.isEmpty()) {
            CellRangeAddress[] ranges = runs(flagRows, layout.number(0));
            ConditionalFormattingRule yes = cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"Yes\"");
            ConditionalFormattingRule no = cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"No\"");
            colour(yes, GREEN_FILL, GREEN_TEXT);
            colour(no, RED_FILL, RED_TEXT);
            cf.addConditionalFormatting(ranges, new ConditionalFormattingRule[] {yes, no});
        }
    }

    private static void colour(ConditionalFormattingRule rule, byte[] fill, byte[] text) {
        var pattern = rule.createPatternFormatting();
        pattern.setFillBackgroundColor(new XSSFColor(fill, null));
        pattern.setFillPattern(org.apache.poi.ss.usermodel.PatternFormatting.SOLID_FOREGROUND);
        rule.createFontFormatting().setFontColor(new XSSFColor(text, null));
    }

    /** A rating rule: its colours, and whether it shows the % to two decimals (said by a marker in the list). */
    private ConditionalFormattingRule rule(SheetConditionalFormatting cf, String formula, byte[] fill, byte[] text,
                                           boolean twoDecimals) {
        ConditionalFormattingRule r = cf.createConditionalFormattingRule(formula);
        colour(r, fill, text);
        if (twoDecimals) {
            twoDecimalRules.add(formula);
        }
        return r;
    }

    private final java.util.Set<String> twoDecimalRules = new java.util.HashSet<>();

    /**
     * POI has no call for a conditional number format: the rules that show two decimals get a copy
     * of their colours with the format 0.00% (built-in format 10) added, in the workbook's styles.
     */
    private void twoDecimals(XSSFSheet s) {
        var styles = wb.getStylesSource();
        for (var cf : s.getCTWorksheet().getConditionalFormattingArray()) {
            for (var rule : cf.getCfRuleArray()) {
                if (rule.sizeOfFormulaArray() == 0 || !twoDecimalRules.contains(rule.getFormulaArray(0)) || !rule.isSetDxfId()) {
                    continue;
                }
                var dxf = (org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDxf) styles.getDxfAt((int) rule.getDxfId()).copy();
                if (!dxf.isSetNumFmt()) {
                    var fmt = dxf.addNewNumFmt();
                    fmt.setNumFmtId(10);
                    fmt.setFormatCode("0.00%");
                    rule.setDxfId(styles.putDxf(dxf) - 1);
                }
            }
        }
    }

    /** Whole numbers of 0 or more in the number cells, Yes or No in the yes/no ones: refused as typed. */
    private void validation(XSSFSheet s, SheetLayout layout, List<Integer> percentRows, List<Integer> numberRows,
                            List<Integer> flagRows) {
        DataValidationHelper h = s.getDataValidationHelper();
        CellRangeAddressList numbers = new CellRangeAddressList();
        for (int i = 0; i < layout.periods.size(); i++) {
            if (!layout.periods.get(i).input()) {
                continue;
            }
            for (int r : percentRows) {
                numbers.addCellRangeAddress(r, layout.number(i), r, layout.outOf(i));
            }
            for (int r : numberRows) {
                numbers.addCellRangeAddress(r, layout.number(i), r, layout.number(i));
            }
        }
        if (numbers.countRanges() > 0) {
            DataValidationConstraint whole = h.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "0", "999999999");
            DataValidation dv = h.createValidation(whole, numbers);
            dv.setShowErrorBox(true);
            dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
            dv.createErrorBox("A whole number", "Type a whole number of 0 or more, e.g. 412 (no % sign, no text).");
            s.addValidationData(dv);
        }
        if (!flagRows.isEmpty()) {
            CellRangeAddressList flags = new CellRangeAddressList();
            for (int r : flagRows) {
                flags.addCellRangeAddress(r, layout.number(0), r, layout.number(0));
            }
            DataValidation dv = h.createValidation(h.createExplicitListConstraint(new String[] {"Yes", "No"}), flags);
            dv.setShowErrorBox(true);
            dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
            dv.createErrorBox("Yes or No", "Choose Yes or No.");
            s.addValidationData(dv);
        }
    }

    private static void columns(XSSFSheet s, SheetLayout layout) {
        for (int c = 0; c < WIDTHS.length; c++) {
            s.setColumnWidth(c, WIDTHS[c] * 256);
        }
        for (int i = 0; i < layout.periods.size(); i++) {
            s.setColumnWidth(layout.number(i), (layout.table.annual() ? 12 : 9) * 256);
            s.setColumnWidth(layout.outOf(i), 9 * 256);
            s.setColumnWidth(layout.percent(i), 8 * 256);
        }
        s.setColumnWidth(layout.comments(), COMMENT_WIDTH * 256);
    }

    /** Consecutive rows as ranges of one column (a conditional format or validation covers them all). */
    private static CellRangeAddress[] runs(List<Integer> rows, int col) {
        List<CellRangeAddress> out = new ArrayList<>();
        int start = rows.get(0);
        int prev = start;
        for (int k = 1; k <= rows.size(); k++) {
            if (k < rows.size() && rows.get(k) == prev + 1) {
                prev = rows.get(k);
                continue;
            }
            out.add(new CellRangeAddress(start, prev, col, col));
            if (k < rows.size()) {
                start = rows.get(k);
                prev = start;
            }
        }
        return out.toArray(new CellRangeAddress[0]);
    }

    private void fill(Row row, SheetLayout layout, String kind) {
        for (int c = 0; c <= layout.lastColumn(); c++) {
            Cell cell = row.createCell(c);
            if (kind.equals("standard")) {
                cell.setCellStyle(style("standard"));
            } else if (kind.equals("sub")) {
                cell.setCellStyle(style(c == SheetLayout.STATEMENT || c == SheetLayout.REFERENCE ? "text" : "sub"));
            } else {
                cell.setCellStyle(style(c == SheetLayout.REFERENCE ? "small" : "text"));
            }
        }
    }

    private void numberCell(Row row, int col, double value, String shown, String kind) {
        Cell c = row.getCell(col);
        c.setCellValue(value);
        String key = kind + ":" + shown;
        XSSFCellStyle st = styles.get(key);
        if (st == null) {
            st = wb.createCellStyle();
            st.cloneStyleFrom(style(kind));
            // the threshold is kept as a number (the colour rules read it) and shown as the seed words it
            st.setDataFormat(wb.createDataFormat().getFormat("\"" + shown + "\""));
            styles.put(key, st);
        }
        c.setCellStyle(st);
    }

    private static String pct(double d) {
        return (d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d)) + "%";
    }

    private void cell(Row row, int col, String text, String style) {
        Cell c = row.createCell(col);
        c.setCellValue(text);
        c.setCellStyle(style(style));
    }

    private static String ref(int col, int row) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }

    private XSSFFont font(String kind) {
        String key = "font:" + kind;
        XSSFCellStyle holder = styles.get(key);
        if (holder != null) {
            return holder.getFont();
        }
        XSSFFont f = wb.createFont();
        f.setFontName("Arial");
        f.setFontHeightInPoints((short) 9);
        switch (kind) {
            case "title" -> {
                f.setBold(true);
                f.setFontHeightInPoints((short) 14);
                f.setColor(new XSSFColor(DARK_BLUE, null));
            }
            case "bold", "bold-small" -> f.setBold(true);
            case "header" -> {
                f.setBold(true);
                f.setColor(new XSSFColor(rgb(0xFFFFFF), null));
            }
            case "small" -> {
                f.setFontHeightInPoints((short) 8);
                f.setColor(new XSSFColor(rgb(0x425563), null));
            }
            case "italic" -> {
                f.setItalic(true);
                f.setColor(new XSSFColor(rgb(0x425563), null));
            }
            case "ref" -> f.setFontName("Consolas");
            case "red" -> f.setColor(new XSSFColor(RED_TEXT, null));
            case "amber" -> f.setColor(new XSSFColor(AMBER_TEXT, null));
            case "green" -> f.setColor(new XSSFColor(GREEN_TEXT, null));
            default -> {
            }
        }
        XSSFCellStyle h = wb.createCellStyle();
        h.setFont(f);
        styles.put(key, h);
        return f;
    }

    private XSSFCellStyle style(String kind) {
        XSSFCellStyle cached = styles.get(kind);
        if (cached != null) {
            return cached;
        }
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(font("plain"));
        s.setVerticalAlignment(VerticalAlignment.TOP);
        boolean bordered = true;
        switch (kind) {
            case "readme-title" -> {
                s.setFont(font("title"));
                bordered = false;
            }
            case "readme-bold" -> {
                s.setFont(font("bold"));
                bordered = false;
            }
            case "readme-text" -> {
                s.setWrapText(true);
                bordered = false;
            }
            case "readme-green", "readme-amber", "readme-red" -> {
                String c = kind.substring(7);
                s.setFont(font(c));
                fillWith(s, c.equals("green") ? GREEN_FILL : c.equals("amber") ? AMBER_FILL : RED_FILL);
                bordered = false;
            }
            case "title" -> {
                s.setFont(font("title"));
                bordered = false;
            }
            case "label" -> {
                s.setFont(font("italic"));
                bordered = false;
            }
            case "bold" -> {
                s.setFont(font("bold"));
                bordered = false;
            }
            case "note" -> {
                s.setFont(font("italic"));
                bordered = false;
            }
            case "group" -> {
                s.setFont(font("header"));
                fillWith(s, DARK_BLUE);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setVerticalAlignment(VerticalAlignment.CENTER);
            }
            case "header" -> {
                s.setFont(font("header"));
                fillWith(s, NHS_BLUE);
                s.setWrapText(true);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setVerticalAlignment(VerticalAlignment.CENTER);
            }
            case "standard" -> {
                s.setFont(font("bold"));
                fillWith(s, PALE_BLUE);
            }
            case "sub" -> {
                s.setFont(font("bold-small"));
                fillWith(s, PALE_GREY);
            }
            case "text" -> s.setWrapText(true);
            case "small" -> {
                s.setFont(font("small"));
                s.setWrapText(true);
            }
            case "ref" -> s.setFont(font("ref"));
            case "centre" -> {
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setWrapText(true);
            }
            case "red", "amber", "green" -> {
                s.setFont(font(kind));
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            case "input" -> {
                fillWith(s, INPUT_YELLOW);
                s.setLocked(false);
                s.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
                s.setAlignment(HorizontalAlignment.RIGHT);
            }
            case "input-flag" -> {
                fillWith(s, INPUT_YELLOW);
                s.setLocked(false);
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            case "computed" -> {
                fillWith(s, PALE_GREY);
                s.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
                s.setAlignment(HorizontalAlignment.RIGHT);
            }
            case "percent" -> {
                fillWith(s, PALE_GREY);
                s.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
                s.setAlignment(HorizontalAlignment.RIGHT);
            }
            case "none" -> fillWith(s, PALE_GREY);
            case "comment" -> {
                s.setWrapText(true);
                s.setLocked(false);
                s.setFont(font("small"));
            }
            default -> {
            }
        }
        if (bordered) {
            for (var setter : List.<java.util.function.Consumer<BorderStyle>>of(s::setBorderTop, s::setBorderBottom,
                    s::setBorderLeft, s::setBorderRight)) {
                setter.accept(BorderStyle.THIN);
            }
            XSSFColor grey = new XSSFColor(rgb(0xA6A6A6), null);
            s.setTopBorderColor(grey);
            s.setBottomBorderColor(grey);
            s.setLeftBorderColor(grey);
            s.setRightBorderColor(grey);
        }
        styles.put(kind, s);
        return s;
    }

    private static void fillWith(XSSFCellStyle s, byte[] colour) {
        s.setFillForegroundColor(new XSSFColor(colour, null));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static byte[] rgb(int v) {
        return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
