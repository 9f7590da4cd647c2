package org.safeguardingreport.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.Diagnostics;

class FrontMatterTest {

    private static Diagnostic only(Diagnostics d) {
        assertEquals(1, d.sorted().size(), d.sorted().toString());
        return d.sorted().get(0);
    }

    @Test
    void yamlTagIsRefusedAndNothingIsConstructed() {
        Diagnostics d = new Diagnostics();
        FrontMatter.Result r = FrontMatter.read("---\ntitle: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n---\nText.\n", "f.md", d);
        Diagnostic e = only(d);
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertEquals("YAML tag !!javax.script.ScriptEngineManager is not allowed in front matter", e.message());
        assertNull(r.title());
    }

    @Test
    void anchorsAndAliasesAreRefused() {
        Diagnostics d = new Diagnostics();
        FrontMatter.read("---\ntitle: &a Training\n---\n", "f.md", d);
        assertEquals("YAML anchor &a is not allowed in front matter", only(d).message());
        Diagnostics d2 = new Diagnostics();
        FrontMatter.read("---\ntitle: *a\n---\n", "f.md", d2);
        assertEquals("YAML alias *a is not allowed in front matter", only(d2).message());
    }

    @Test
    void onlyTitleMayBeSet() {
        Diagnostics d = new Diagnostics();
        FrontMatter.read("---\ntitle: A\nauthor: Sam\n---\n", "f.md", d);
        Diagnostic e = only(d);
        assertEquals(3, e.line());
        assertEquals("front matter may only set title, not \"author\"", e.message());
        Diagnostics d2 = new Diagnostics();
        FrontMatter.read("---\ntitel: A\n---\n", "f.md", d2);
        assertEquals("did you mean title?", only(d2).hint());
    }

    @Test
    void quotedAndPlainTitlesAreReadLiterally() {
        Diagnostics d = new Diagnostics();
        assertEquals("Appendix A: Glossary", FrontMatter.read("---\ntitle: \"Appendix A: Glossary\"\n---\n", "f.md", d).title());
        assertEquals("It's #set($x = 1)", FrontMatter.read("---\ntitle: 'It''s #set($x = 1)'\n---\n", "f.md", d).title());
        assertEquals("!!not a tag", FrontMatter.read("---\ntitle: \"!!not a tag\"\n---\n", "f.md", d).title());
        assertEquals("Training and ${7*7}", FrontMatter.read("---\ntitle: Training and ${7*7} # a comment\n---\n", "f.md", d).title());
        assertFalse(d.hasErrors(), d.sorted().toString());
    }

    @Test
    void linesAndColumnsAfterFrontMatterAreKept() {
        Diagnostics d = new Diagnostics();
        FrontMatter.Result r = FrontMatter.read("---\ntitle: T\n---\nBody line four.\n", "f.md", d);
        assertEquals("\n\n\nBody line four.\n", r.markdown());
    }

    @Test
    void unclosedFrontMatter() {
        Diagnostics d = new Diagnostics();
        FrontMatter.read("---\ntitle: T\nBody.\n", "f.md", d);
        assertTrue(only(d).message().contains("never closed"));
    }

    @Test
    void plainTitleWithColonMustBeQuoted() {
        Diagnostics d = new Diagnostics();
        FrontMatter.read("---\ntitle: Appendix A: Glossary\n---\n", "f.md", d);
        assertEquals("a title holding ': ' must be in quotes", only(d).message());
    }
}
