package org.safeguardingreport.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test helpers: a dashboard workbook changed as a person would change it in a spreadsheet program. */
final class Workbooks {
    private Workbooks() {
    }

    /** Opens {@code file}, lets {@code edit} change it, and saves it to {@code to}. */
    static void edit(Path file, Path to, Consumer<XSSFWorkbook> edit) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            // a person cannot type over locked cells; a test changes the layout on purpose
            wb.forEach(s -> ((org.apache.poi.xssf.usermodel.XSSFSheet) s).disableLocking());
            edit.accept(wb);
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        }
    }

    /** The 0-based row of a measure on a sheet, by its reference in column A. */
    static int row(Sheet s, String measure) {
        for (Row r : s) {
            Cell a = r.getCell(SheetLayout.REF);
            if (a != null && a.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && a.getStringCellValue().equals(measure)) {
                return r.getRowNum();
            }
        }
        throw new AssertionError("no row for " + measure + " on " + s.getSheetName());
    }

    /** The cell of a measure's row in a column, created when absent. */
    static Cell cell(XSSFWorkbook wb, String sheet, String measure, int col) {
        Sheet s = wb.getSheet(sheet);
        Row r = s.getRow(row(s, measure));
        Cell c = r.getCell(col);
        return c != null ? c : r.createCell(col);
    }

    /** "J14": a cell's name as messages give it. */
    static String name(XSSFWorkbook wb, String sheet, String measure, int col) {
        return SheetLayout.named(sheet).map(l -> WorkbookReader.cellName(row(wb.getSheet(sheet), measure), col)).orElseThrow();
    }

    /** The layout of a data sheet, for its columns. */
    static SheetLayout layout(String sheet) {
        return SheetLayout.named(sheet).orElseThrow();
    }
}
