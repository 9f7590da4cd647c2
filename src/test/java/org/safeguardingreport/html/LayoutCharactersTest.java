package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** No character anyone writes can stop the layout: what XML cannot carry is shown as U+FFFD. */
class LayoutCharactersTest {
    @Test
    void loneSurrogatesAndControlCharactersBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFDc", Layout.xmlCharacters("a\ud800b\u001bc"));
        assertEquals("x\uFFFD", Layout.xmlCharacters("x\udc00"), "a low surrogate alone");
    }

    @Test
    void pairsTabsAndLineEndsAreKept() {
        String text = "\ud83d\udc69\u200d\u2695\ufe0f\tline\r\nnext \u062d";
        assertEquals(text, Layout.xmlCharacters(text));
    }
}
