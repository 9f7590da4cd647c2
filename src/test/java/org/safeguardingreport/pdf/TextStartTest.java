package org.safeguardingreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Where the layout puts blocks without text and elements inside a line, on pages of 200 by 200 px
 * with lines of 20 px, where the geometry fixes the page of everything.
 */
class TextStartTest {
    private static final String HEAD = """
            <html><head><style>@page { size: 200px 200px; margin: 0; }
            body { margin: 0; font-family: 'Liberation Sans'; font-size: 12px; line-height: 20px; }
            p, div { margin: 0; orphans: 1; widows: 1; } .box { display: inline-block; width: 50px; height: 50px; background: #005eb8; }
            </style></head><body>
            """;

    private static PdfWriter.Output layout(String body, String... anchors) throws Exception {
        return PdfWriter.layout(HEAD + body + "</body></html>", Map.of(), List.of(anchors), Map.of(), false);
    }

    @Test
    void aBlockWithoutTextIsOnThePageOfItsFirstLineNotOfItsTopEdge() throws Exception {
        // 190 px of spacer leave 10 px on page 1: the block's top edge stays there, its 50 px line goes to page 2
        PdfWriter.Output o = layout("<div style=\"height: 190px\"></div><div id=\"pic\"><span class=\"box\"></span></div>",
                "pic");
        assertEquals(2, o.pages());
        assertEquals(2, o.anchorPages().get("pic"));
        assertEquals("", o.words().get("pic"), "no words to prove it by");
    }

    @Test
    void aBlockWithoutTextThatFitsIsOnItsOwnPage() throws Exception {
        PdfWriter.Output o = layout("<div style=\"height: 100px\"></div><div id=\"pic\"><span class=\"box\"></span></div>", "pic");
        assertEquals(1, o.anchorPages().get("pic"));
    }

    @Test
    void elementsInsideALineAreFoundWhereverTheyStandInIt() throws Exception {
        // 8 lines of 20 px fill 160 px of page 1; of the paragraph's three lines, two fit on page 1 and the third goes to 2
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            filler.append("<p>Filler line ").append(i).append("</p>");
        }
        PdfWriter.Output o = layout(filler + "<p><span id=\"outer\"><span id=\"first\">First</span> words</span><br/>"
                + "middle line<br/>then <em id=\"second\">second</em> line</p>", "outer", "first", "second");
        assertEquals(Map.of("outer", 1, "first", 1, "second", 2), o.anchorPages());
    }
}
