package org.safeguardingreport.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuestionIdsTest {
    @Test
    void hintPrefersTheCloserSpellingThenTheCloserNumber() {
        assertEquals("3.8", QuestionIds.nearest(3, 9, 8, "3.9"));
        assertEquals("3.1", QuestionIds.nearest(3, 11, 8, "3.11"));
        assertEquals("6.1", QuestionIds.nearest(6, 2, 1, "6.2"));
        assertEquals("3.1", QuestionIds.nearest(3, 0, 8, "3.0"));
    }
}
