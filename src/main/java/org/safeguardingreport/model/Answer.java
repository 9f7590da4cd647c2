package org.safeguardingreport.model;

/** An answer to an audit question, as written in audit.json and as shown in the audit. */
public enum Answer {
    YES("yes", "Yes"), NO("no", "No"), PARTIAL("partial", "Partial"), NOT_APPLICABLE("n/a", "N/A");

    private final String code;
    private final String word;

    Answer(String code, String word) {
        this.code = code;
        this.word = word;
    }

    public String code() {
        return code;
    }

    public String word() {
        return word;
    }

    public static Answer parse(String s) {
        for (Answer a : values()) {
            if (a.code.equalsIgnoreCase(s.strip())) {
                return a;
            }
        }
        return null;
    }
}
