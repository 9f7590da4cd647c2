package org.safeguardingreport.model;

/** What a measure holds: a rated percentage (numerator / denominator), a count, or yes/no. */
public enum MeasureKind {
    PERCENT("%"), COUNT("n"), YES_NO("y/n");

    private final String code;

    MeasureKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MeasureKind ofCode(String code) {
        for (MeasureKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown measure kind " + code);
    }
}
