package org.safeguardingreport.diag;

/** A 1-based line and column in a source file; {@link #FILE} stands for the file as a whole. */
public record Pos(int line, int column) {
    public static final Pos FILE = new Pos(0, 0);
}
