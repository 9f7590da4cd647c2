package org.safeguardingreport.model;

/** Quarters of an NHS financial year (1 April to 31 March). */
public enum Quarter {
    Q1("Apr-Jun"), Q2("Jul-Sep"), Q3("Oct-Dec"), Q4("Jan-Mar");

    private final String months;

    Quarter(String months) {
        this.months = months;
    }

    public String months() {
        return months;
    }

    public static Quarter parse(String s) {
        for (Quarter q : values()) {
            if (q.name().equals(s)) {
                return q;
            }
        }
        return null;
    }

    /** "Q1 (Apr-Jun), Q2 (Jul-Sep), ..." for messages. */
    public static String listed() {
        StringBuilder s = new StringBuilder();
        for (Quarter q : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(q.name()).append(" (").append(q.months).append(')');
        }
        return s.toString();
    }
}
