package org.safeguardingreport.spreadsheet;

import java.util.List;
import java.util.Optional;

import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.ReportingYear;

/**
 * The figures read from a dashboard workbook or CSV file, each already checked against its measure:
 * the year and provider the file names (a CSV file names neither), and one entry per measure and
 * period it has a place for.
 *
 * @param year     the reporting year the file is for, when it says
 * @param provider the provider it names, and where, when it says
 */
public record ImportedFigures(Optional<ReportingYear> year, Optional<Located> provider, List<Entry> entries) {

    /** A text and where it was read (e.g. {@code dashboard.xlsx:Quarterly!B2}). */
    public record Located(String text, String where) {
    }

    /**
     * One measure's figure for one period: {@code quarter} null for an annual measure; {@code value}
     * empty where the cell is blank (nothing to change); {@code where} names the cell or line.
     */
    public record Entry(Quarter quarter, String measure, Optional<MeasureValue> value, String where) {
    }
}
