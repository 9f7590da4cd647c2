package org.safeguardingreport.sign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What "covers the whole file" means for a signature's /ByteRange [start, length, start, length]. */
class VerifierRangeTest {
    @Test
    void aRangeFromTheFirstByteToTheLastWithOneGapCoversTheFile() {
        assertTrue(Verifier.coversWholeFile(new int[] {0, 1000, 9000, 1000}, 10_000));
    }

    @Test
    void aRangeThatStartsLaterLeavesUnsignedBytesBeforeIt() {
        assertFalse(Verifier.coversWholeFile(new int[] {5, 995, 9000, 1000}, 10_000));
    }

    @Test
    void aRangeThatEndsSoonerLeavesAnAppendedUpdateUnsigned() {
        assertFalse(Verifier.coversWholeFile(new int[] {0, 1000, 9000, 900}, 10_000));
        assertFalse(Verifier.coversWholeFile(new int[] {0, 1000, 9000, 1001}, 10_000), "nor one that claims more than there is");
    }

    @Test
    void aMalformedRangeCoversNothing() {
        assertFalse(Verifier.coversWholeFile(new int[] {0, 10_000}, 10_000), "two numbers, not four");
        assertFalse(Verifier.coversWholeFile(new int[] {0, 9000, 1000, 9000}, 10_000), "the second part before the first ends");
        assertFalse(Verifier.coversWholeFile(new int[] {0, -1, 9000, 1001}, 10_000), "a negative length");
    }

    @Test
    void everyByteOutsideTheGapIsSignedEvenWhenAPartOrTheGapIsEmpty() {
        assertTrue(Verifier.coversWholeFile(new int[] {0, 0, 0, 10_000}, 10_000), "no first part: the second starts at byte 0");
        assertTrue(Verifier.coversWholeFile(new int[] {0, 1000, 1000, 9000}, 10_000), "an empty gap");
        assertTrue(Verifier.coversWholeFile(new int[] {0, 1000, 10_000, 0}, 10_000), "no second part: the gap runs to the end");
    }
}
