package org.safeguardingreport.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Diagnostics as JSON objects, as build.json, amalgamation.json and check --format json write them. */
public final class DiagnosticJson {
    private DiagnosticJson() {
    }

    public static List<Map<String, Object>> of(List<Diagnostic> list) {
        return list.stream().map(DiagnosticJson::of).toList();
    }

    public static Map<String, Object> of(Diagnostic d) {
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
}
