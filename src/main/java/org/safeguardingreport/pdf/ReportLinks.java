package org.safeguardingreport.pdf;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Turns the layout's links to "FILE#page=N" into remote go-to actions that open page N of FILE
 * (the annual report lying beside the audit), so a reviewer clicks from an answer to its evidence.
 */
public final class ReportLinks {
    private ReportLinks() {
    }

    public static PdfWriter.PostProcess to(String file) {
        Pattern link = Pattern.compile("(?:^|/)" + Pattern.quote(file) + "#page=(\\d+)$");
        return (doc, layout) -> apply(doc, file, link);
    }

    private static void apply(PDDocument doc, String file, Pattern link) throws IOException {
        for (PDPage page : doc.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink l && l.getAction() instanceof PDActionURI uri && uri.getURI() != null) {
                    Matcher m = link.matcher(uri.getURI());
                    if (m.find()) {
                        PDActionRemoteGoTo go = new PDActionRemoteGoTo();
                        go.setFile(new PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString(file)));
                        COSArray dest = new COSArray();
                        dest.add(COSInteger.get(Integer.parseInt(m.group(1)) - 1L));
                        dest.add(COSName.getPDFName("Fit"));
                        go.setD(dest);
                        go.setOpenInNewWindow(org.apache.pdfbox.pdmodel.interactive.action.OpenMode.USER_PREFERENCE);
                        l.setAction(go);
                        l.setContents("Page " + m.group(1) + " of the annual report (" + file + ")");
                    }
                }
            }
        }
    }
}
