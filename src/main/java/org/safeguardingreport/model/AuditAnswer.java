package org.safeguardingreport.model;

/** One entry of audit.json; {@code answer} is null while the question is unanswered. */
public record AuditAnswer(String question, Answer answer, String comment) {

    public boolean answered() {
        return answer != null;
    }
}
