package org.safeguardingreport.cli;

/** The exit statuses of cli.md, which scripts outside the project rely on. */
public final class ExitStatus {
    /** Done; warnings allowed. */
    public static final int OK = 0;
    /** The input has errors, or a final check was refused. */
    public static final int INPUT_ERRORS = 1;
    /** Wrong usage: an unknown command or option, a missing or wrong argument. */
    public static final int USAGE = 2;
    /** An internal fault: one line on the terminal, the details in a file. */
    public static final int INTERNAL = 3;

    private ExitStatus() {
    }
}
