package org.safeguardingreport.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An NHS financial year, written "2023/24" in report.json and "2023-24" in data file names. */
public record ReportingYear(int startYear) implements Comparable<ReportingYear> {
    private static final Pattern LABEL = Pattern.compile("(\\d{4})/(\\d{2})");
    private static final Pattern STEM = Pattern.compile("(\\d{4})-(\\d{2})");

    public static Optional<ReportingYear> parseLabel(String s) {
        return parse(LABEL.matcher(s));
    }

    public static Optional<ReportingYear> parseFileStem(String s) {
        return parse(STEM.matcher(s));
    }

    private static Optional<ReportingYear> parse(Matcher m) {
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        if (start < 1990 || start > 2099 || (start + 1) % 100 != end) {
            return Optional.empty();
        }
        return Optional.of(new ReportingYear(start));
    }

    /** The financial year that holds {@code day}. */
    public static ReportingYear containing(LocalDate day) {
        return new ReportingYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /** The financial year before this one. */
    public ReportingYear previous() {
        return new ReportingYear(startYear - 1);
    }

    public String label() {
        return String.format("%d/%02d", startYear, (startYear + 1) % 100);
    }

    public String fileStem() {
        return String.format("%d-%02d", startYear, (startYear + 1) % 100);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    /** The last day of a quarter of this year: 30 June, 30 September, 31 December, 31 March. */
    public LocalDate endOf(Quarter q) {
        return switch (q) {
            case Q1 -> LocalDate.of(startYear, 6, 30);
            case Q2 -> LocalDate.of(startYear, 9, 30);
            case Q3 -> LocalDate.of(startYear, 12, 31);
            case Q4 -> lastDay();
        };
    }

    @Override
    public int compareTo(ReportingYear o) {
        return Integer.compare(startYear, o.startYear);
    }
}
