package org.safeguardingreport.pdf;

import org.safeguardingreport.html.Dashboard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * The bundle's source carried inside a final PDF as PDF/A-3 associated files: report.json,
 * audit.json and (in the annual report) narrative/*.md and images/ as Source, data/*.json as Data,
 * the report's page index as Supplement. {@link #extract} reads them back (the commissioner's
 * amalgamation builds from signed PDFs this way).
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    public static PdfWriter.PostProcess embed(Map<String, byte[]> files) {
        return (doc, layout) -> embed(doc, files);
    }

    static String mediaType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".json")) {
            return "application/json";
        } else if (n.endsWith(".md")) {
            return "text/markdown";
        } else if (n.endsWith(".png")) {
            return "image/png";
        } else if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (n.endsWith(".gif")) {
            return "image/gif";
        } else if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    static void embed(PDDocument doc, Map<String, byte[]> files) throws IOException {
        Map<String, PDComplexFileSpecification> specs = new LinkedHashMap<>();
        COSArray af = new COSArray();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(f.getValue()));
            ef.setSubtype(mediaType(f.getKey()));
            ef.setSize(f.getValue().length);
            ef.setModDate(Calendar.getInstance());
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            String name = f.getKey();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setEmbeddedFile(ef);
            spec.setEmbeddedFileUnicode(ef);
            boolean data = name.startsWith("data/");
            boolean index = name.equals("pages.json");
            spec.setFileDescription(data ? "Dashboard data of the report" : index ? "Where each part of the report landed"
                    : "Source of the report");
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), data ? "Data" : index ? "Supplement" : "Source");
            specs.put(name, spec);
            af.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(specs);
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        }
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    /** The files a PDF carries, by name; empty when it carries none. */
    public static Map<String, byte[]> extract(Path pdf) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null || names.getEmbeddedFiles().getNames() == null) {
                return out;
            }
            List<String> keys = new ArrayList<>(names.getEmbeddedFiles().getNames().keySet());
            for (String k : keys) {
                PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get(k);
                PDEmbeddedFile ef = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
                if (ef != null) {
                    out.put(k, ef.toByteArray());
                }
            }
        }
        return out;
    }
}
