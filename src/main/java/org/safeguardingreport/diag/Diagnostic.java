package org.safeguardingreport.diag;

/**
 * One message about the input, in the compiler convention {@code file:line:col: error: message}.
 * Line and column are 1-based; 0 means the message is about the whole file.
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message, String hint) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The diagnostic as printed on standard error: one line, then an indented hint when there is one. */
    public String format() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line).append(':').append(Math.max(column, 1));
        }
        s.append(": ").append(severity.word()).append(": ").append(message);
        if (hint != null && !hint.isEmpty()) {
            s.append(System.lineSeparator()).append("  hint: ").append(hint);
        }
        return s.toString();
    }
}
