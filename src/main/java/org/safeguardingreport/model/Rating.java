package org.safeguardingreport.model;

/** The dashboard's Red / Amber / Green rating of a percentage measure. */
public enum Rating {
    GREEN("Green"), AMBER("Amber"), RED("Red");

    private final String word;

    Rating(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
