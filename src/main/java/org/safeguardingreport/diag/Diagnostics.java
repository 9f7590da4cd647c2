package org.safeguardingreport.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every message of one run, so that all problems of a bundle are reported together.
 * Messages come out grouped by file (in the order files were first mentioned), then by position.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new LinkedHashMap<>();

    public void error(String file, Pos pos, String message) {
        add(Severity.ERROR, file, pos, message, null);
    }

    public void error(String file, Pos pos, String message, String hint) {
        add(Severity.ERROR, file, pos, message, hint);
    }

    public void warning(String file, Pos pos, String message) {
        add(Severity.WARNING, file, pos, message, null);
    }

    public void warning(String file, Pos pos, String message, String hint) {
        add(Severity.WARNING, file, pos, message, hint);
    }

    public void add(Severity severity, String file, Pos pos, String message, String hint) {
        fileOrder.putIfAbsent(file, fileOrder.size());
        all.add(new Diagnostic(severity, file, pos.line(), pos.column(), message, hint));
    }

    /** Every message of {@code other}, as if found here after the messages already held. */
    public void addAll(Diagnostics other) {
        for (Diagnostic d : other.all) {
            fileOrder.putIfAbsent(d.file(), fileOrder.size());
            all.add(d);
        }
    }

    /** The messages that {@code keep} accepts, in a collection of their own. */
    public Diagnostics only(java.util.function.Predicate<Diagnostic> keep) {
        Diagnostics out = new Diagnostics();
        for (Diagnostic d : all) {
            if (keep.test(d)) {
                out.fileOrder.putIfAbsent(d.file(), out.fileOrder.size());
                out.all.add(d);
            }
        }
        return out;
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return all.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return all.size() - errorCount();
    }

    /** Every message, sorted by file, line and column; equal positions keep the order they were found in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(all);
        out.sort(Comparator.<Diagnostic>comparingInt(d -> fileOrder.get(d.file()))
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return List.copyOf(out);
    }
}
