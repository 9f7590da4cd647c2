package org.safeguardingreport.cli;

import java.io.PrintWriter;
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
        return org.safeguardingreport.diag.DiagnosticJson.of(list);
    }

    static Map<String, Object> asJson(Diagnostic d) {
        return org.safeguardingreport.diag.DiagnosticJson.of(d);
    }

    static String counts(Diagnostics diags) {
        long e = diags.errorCount();
        long w = diags.warningCount();
        return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning" : " warnings");
    }
}
