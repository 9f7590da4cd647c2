package org.safeguardingreport.docx;

import java.util.List;

import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Narrative;

/** Lets tests outside this package run the Word converter on one narrative. */
public final class DocxProbe {
    private DocxProbe() {
    }

    public static List<Object> blocks(WordprocessingMLPackage pkg, Bundle bundle, Narrative n) {
        return new MarkdownDocx(pkg, bundle, new Lists(), n, 2).blocks(n.document());
    }
}
