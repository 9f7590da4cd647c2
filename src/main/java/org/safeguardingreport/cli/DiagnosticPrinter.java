package org.safeguardingreport.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.Diagnostics;

/** Prints diagnostics one per line on standard error, and turns them into JSON objects. */
final class DiagnosticPrinter {
    private DiagnosticPrinter() {
    }

    static void print(Diagnostics diags, PrintWriter err) {
        for (Diagnostic d : diags.sorted()) {
            err.println(d.format());
        }
        err.flush();
    }

    static List<Map<String, Object>> asJson(List<Diagnostic> list) {
        return list.stream().map(DiagnosticPrinter::asJson).toList();
    }

    static Map<String, Object> asJson(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", d.file());
        m.put("line", d.line() > 0 ? d.line() : null);
        m.put("column", d.line() > 0 ? Math.max(1, d.column()) : null);
        m.put("severity", d.severity().word());
        m.put("message", d.message());
        if (d.hint() != null) {
            m.put("hint", d.hint());
        }
        return m;
    }

    static String counts(Diagnostics diags) {
        long e = diags.errorCount();
        long w = diags.warningCount();
        return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning" : " warnings");
    }
}
