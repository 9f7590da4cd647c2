package org.safeguardingreport.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.audit.AuditEditionsTest;

/** The annual report's two editions come from its one layout, for each template. */
class ReportEditionsTest {
    @TempDir
    Path tmp;

    @Test
    void bothEditionsOfEachTemplatesReportHaveTheSameHeadingsTablesAndFigures() throws Exception {
        for (String template : List.of("dorset-2019", "somerset-2018")) {
            TestBundle b = TestBundle.on(tmp.resolve(template), template).allSections();
            Path out = tmp.resolve(template + "-out");
            Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
            assertEquals(0, r.status(), r.err());
            List<String> pdf = headings(out.resolve("annual-report.pdf"));
            List<String> word = AuditEditionsTest.wordHeadingTexts(out.resolve("annual-report.docx"));
            // every standard and every section of the bundle has its heading
            assertTrue(pdf.stream().filter(h -> h.startsWith("H1 Standard ")).count() == 10, template + ": " + pdf);
            assertEquals(pdf, word, template + ": the headings of both editions, level and text, in order");
            assertEquals(AuditEditionsTest.pdfTables(out.resolve("annual-report.pdf")),
                    AuditEditionsTest.wordTables(out.resolve("annual-report.docx")), template + ": tables");
            String xml = DocxXml.document(out.resolve("annual-report.docx"));
            assertEquals(org.safeguardingreport.PdfText.alts(out.resolve("annual-report.pdf")).stream()
                            .filter(a -> a.contains(": ") && a.matches(".*(Q[1-4]|\\d{4}/\\d{2}).*")).count(),
                    xml.split("descr=\"", -1).length - 1, template + ": a picture in Word for each chart of the PDF");
            if (template.startsWith("somerset")) {
                // the evidence table and the dashboard, labelled as the seed's Appendices 3 and 4, in both editions
                for (List<String> edition : List.of(pdf, word)) {
                    assertTrue(edition.contains("H1 Appendix 3: Evidence table"), edition.toString());
                    assertTrue(edition.contains("H1 Appendix 4: Safeguarding children dashboard"), edition.toString());
                    assertTrue(edition.containsAll(List.of("H2 Monthly reporting requirements",
                            "H2 Quarterly reporting requirements", "H2 Annual reporting requirements")), edition.toString());
                }
            }
            // every page reference of the evidence table is a PAGEREF field to a bookmark the document holds
            java.util.regex.Matcher ref = java.util.regex.Pattern.compile("PAGEREF (\\S+) \\\\h").matcher(xml);
            int refs = 0;
            while (ref.find()) {
                if (!ref.group(1).startsWith("_Toc")) {
                    refs++;
                    assertTrue(xml.contains("w:name=\"" + ref.group(1) + "\""), "a bookmark " + ref.group(1));
                }
            }
            assertEquals(template.startsWith("somerset") ? evidenceLinks(out.resolve("annual-report.pdf")) : 0, refs,
                    template + ": one page reference in Word for each evidence link of the PDF");
        }
    }

    @Test
    void bothEditionsOfTheHealthReportHaveTheSameHeadingsAndTables() throws Exception {
        List<String> inputs = new ArrayList<>(List.of("amalgamate"));
        for (String name : List.of("Alpha Community Trust", "Beta Hospitals NHS Trust")) {
            TestBundle b = new TestBundle(tmp.resolve(name.substring(0, 4))).allSections();
            b.write("report.json", TestBundle.REPORT.replace("North Wessex Community Health NHS Trust", name));
            inputs.add(b.root.toString());
        }
        Path out = tmp.resolve("health");
        inputs.addAll(List.of("-o", out.toString()));
        Cli r = Cli.run(inputs.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        List<String> pdf = headings(out.resolve("health-annual-report.pdf"));
        List<String> word = AuditEditionsTest.wordHeadingTexts(out.resolve("health-annual-report.docx"));
        // each provider's chapter is headed by its name and ODS code
        assertTrue(pdf.contains("H1 Alpha Community Trust (RNW)") && pdf.contains("H1 Beta Hospitals NHS Trust (RNW)"),
                pdf.toString());
        assertEquals(pdf, word, "the health report's headings, level and text, in order");
        assertEquals(AuditEditionsTest.pdfTables(out.resolve("health-annual-report.pdf")),
                AuditEditionsTest.wordTables(out.resolve("health-annual-report.docx")), "its tables");
        String xml = DocxXml.document(out.resolve("health-annual-report.docx"));
        assertTrue(!xml.contains("<w:orient w:val=\"landscape\"/>") && !xml.contains("w:orient=\"landscape\""),
                "portrait, as its PDF");
    }

    /**
     * A Trust's copy of the template changed in its layout only: the board cover sheet moved after
     * the standards, a row added to its table, and its heading renamed. All three show in both editions.
     */
    @Test
    void aChangeToTheReportLayoutAloneShowsInBothEditions() throws Exception {
        Path copy = TestBundle.copyTemplate(tmp, "dorset-2019", "trust-2019");
        String layout = Files.readString(copy.resolve("report.vm"));
        int from = layout.indexOf("<div class=\"chapter\" id=\"cover-sheet\">");
        int to = layout.indexOf("#foreach($s in $standards)", from);
        String cover = layout.substring(from, to);
        String changed = cover.replace("<h1>Board cover sheet</h1>", "<h1>Summary for the Board</h1>")
                .replace("<tr><th scope=\"row\">Author</th>",
                        "<tr><th scope=\"row\">Checked by</th><td colspan=\"3\">Designated Nurse, ICB</td></tr>\n"
                                + "      <tr><th scope=\"row\">Author</th>");
        layout = layout.substring(0, from) + layout.substring(to);
        layout = layout.replace("#foreach($s in $closing)", changed + "\n#foreach($s in $closing)");
        Files.writeString(copy.resolve("report.vm"), layout);
        TestBundle b = new TestBundle(tmp).allSections();
        b.write("report.json", TestBundle.REPORT.replace("\"dorset-2019\"", "\"trust-2019\""));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());

        List<String> pdf = headings(out.resolve("annual-report.pdf"));
        List<String> word = AuditEditionsTest.wordHeadingTexts(out.resolve("annual-report.docx"));
        assertEquals(pdf, word, "both editions' headings");
        for (List<String> edition : List.of(pdf, word)) {
            assertTrue(edition.contains("H1 Summary for the Board") && !edition.contains("H1 Board cover sheet"), edition.toString());
            assertTrue(edition.indexOf("H1 Summary for the Board")
                    > edition.indexOf("H1 Standard 10 \u2013 Engaging Children and their Families"), "moved after the standards");
        }
        String pdfText = String.join(" ", org.safeguardingreport.PdfText.pages(out.resolve("annual-report.pdf")))
                .replaceAll("\\s+", " ");
        String wordText = ReportDocxTest.paragraphText(DocxXml.document(out.resolve("annual-report.docx")));
        for (String text : List.of("Checked by", "Designated Nurse, ICB")) {
            assertTrue(pdfText.contains(text), text + " in the PDF");
            assertTrue(wordText.contains(text), text + " in Word");
        }
    }

    /** The thresholds beside each dashboard row are worded by the layout from the template's own thresholds. */
    @Test
    void theThresholdsUnderADashboardComeFromTheTemplateInBothEditions() throws Exception {
        Path copy = TestBundle.copyTemplate(tmp, "dorset-2019", "trust-2019");
        Files.writeString(copy.resolve("template.json"), Files.readString(copy.resolve("template.json"))
                .replace("\"8f-enhanced-dbs\": {\n      \"green\": 100,\n      \"amber\": 76",
                        "\"8f-enhanced-dbs\": {\n      \"green\": 95,\n      \"amber\": 85.5"));
        TestBundle b = new TestBundle(tmp).allSections();
        b.write("report.json", TestBundle.REPORT.replace("\"dorset-2019\"", "\"trust-2019\""));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        String pdf = String.join(" ", org.safeguardingreport.PdfText.pages(out.resolve("annual-report.pdf"))).replaceAll("\\s+", " ");
        String word = ReportDocxTest.paragraphText(DocxXml.document(out.resolve("annual-report.docx")));
        for (String text : List.of("Green \u2265 90%, Amber \u2265 76%", "Green \u2265 95%, Amber \u2265 85.5%")) {
            assertTrue(pdf.contains(text), text + " in the PDF");
            assertTrue(word.contains(text), text + " in Word");
        }
        assertTrue(!pdf.contains("Green \u2265 100%") && !word.contains("Green \u2265 100%"), "the built-in 100% is replaced");
    }

    /**
     * The PDF's page references: links within the report whose whole text is a page number (the
     * evidence table's "See page N"; a contents entry's link holds its heading too).
     */
    static int evidenceLinks(Path pdf) throws Exception {
        // a link may be drawn as several boxes: each place linked to counts once
        java.util.Set<String> targets = new java.util.HashSet<>();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                org.apache.pdfbox.text.PDFTextStripperByArea area = new org.apache.pdfbox.text.PDFTextStripperByArea();
                List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink> links = new ArrayList<>();
                for (var a : page.getAnnotations()) {
                    if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink l
                            && l.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo) {
                        var r = l.getRectangle();
                        float top = page.getMediaBox().getHeight() - r.getUpperRightY();
                        area.addRegion("l" + links.size(), new java.awt.geom.Rectangle2D.Float(r.getLowerLeftX(), top,
                                r.getWidth(), r.getHeight()));
                        links.add(l);
                    }
                }
                area.extractRegions(page);
                for (int i = 0; i < links.size(); i++) {
                    if (area.getTextForRegion("l" + i).strip().matches("\\d+,?") && ((org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo)
                            links.get(i).getAction()).getDestination() instanceof org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination d) {
                        targets.add(doc.getPages().indexOf(d.getPage()) + "@" + d.getTop());
                    }
                }
            }
        }
        return targets.size();
    }

    /** The PDF's headings, level and text, without the contents page's own (Word's is inside its contents field). */
    static List<String> headings(Path pdf) throws Exception {
        List<String> h = new ArrayList<>(org.safeguardingreport.PdfText.headings(pdf));
        assertTrue(h.remove("H1 Contents"), "the contents heading: " + h);
        return h;
    }
}
