package org.safeguardingreport.amalgamate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.Severity;
import org.safeguardingreport.model.Answer;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.pdf.PageIndex;
import org.safeguardingreport.pdf.SourceFiles;
import org.safeguardingreport.sign.SignedFixture;

/**
 * The amalgamation's reading of providers' PDFs and its ratings, on the committed signed final report
 * ({@link SignedFixture}) and copies of it changed in memory: which providers are in, which are left
 * out and why, the year they are amalgamated for, and the matrix, Reds, gaps and Q4 ratings worked
 * out by hand from the fixture's data. Nothing is built or laid out but for one folder.
 */
class AmalgamationReadingTest {
    static final String PROVIDER = SignedFixture.PROVIDER;

    @TempDir
    static Path tmp;
    static Path signed;
    static Path unsigned;
    static Path lastYear;
    static Path otherTrust;

    static Path write(String folder, byte[] bytes) throws Exception {
        return Files.write(Files.createDirectories(tmp.resolve(folder)).resolve("north-wessex.pdf"), bytes);
    }

    /** The unsigned fixture with {@code file} of what it carries replaced by {@code text}'s edit. */
    static byte[] carrying(String file, java.util.function.UnaryOperator<String> edit) throws Exception {
        return carrying(files -> files.put(file, edit.apply(new String(files.get(file), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The unsigned fixture carrying its files as {@code edit} leaves them. */
    static byte[] carrying(java.util.function.Consumer<Map<String, byte[]>> edit) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(SourceFiles.extract(unsigned));
        edit.accept(files);
        try (PDDocument doc = Loader.loadPDF(SignedFixture.unsigned()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SourceFiles.embed(files).apply(doc, null);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The changed copies below, made once in a JVM (with PDFBox and SourceFiles alone): mutation testing runs each test many times. */
    static final Map<String, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    static byte[] made(String name, java.util.concurrent.Callable<byte[]> how) throws Exception {
        byte[] b = MADE.get(name);
        if (b == null) {
            b = how.call();
            MADE.put(name, b);
        }
        return b;
    }

    @BeforeAll
    static void inputs() throws Exception {
        signed = write("signed", SignedFixture.bytes());
        unsigned = write("unsigned", SignedFixture.unsigned());
        // the same report for 2022/23: its year in report.json and its data file named and labelled for that year
        lastYear = write("last-year", made("last-year", () -> carrying(files -> {
            for (String f : List.of("report.json", "data/2023-24.json")) {
                String text = new String(files.remove(f), StandardCharsets.UTF_8).replace("\"2023/24\"", "\"2022/23\"");
                files.put(f.replace("2023-24", "2022-23"), text.getBytes(StandardCharsets.UTF_8));
            }
        })));
        otherTrust = write("other", made("other", () -> carrying("report.json",
                t -> t.replace(PROVIDER, "Avon Children's Health NHS Trust"))));
    }

    static Amalgamation.Result read(boolean finalReports, boolean skip, Path... pdfs) throws Exception {
        return Amalgamation.read(Arrays.stream(pdfs).map(Amalgamation.Input::pdf).toList(), finalReports, skip);
    }

    @Test
    void aSignedFinalPdfIsReadWithItsSignerItsProvenPagesAndOnlyTheSectionsShown() throws Exception {
        Amalgamation.Result r = read(true, false, signed);
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(List.of(), r.skipped());
        assertEquals("2023/24", r.year().label());
        assertEquals(Set.of("dorset-2019"), r.templates());
        Amalgamation.Provider p = r.providers().get(0);
        assertEquals(PROVIDER, p.name());
        assertEquals(signed.toString(), p.shown());
        assertEquals(new Amalgamation.Signature(Amalgamation.Signature.Kind.VALID, SignedFixture.SIGNER), p.signature());
        assertEquals("Signature valid: " + SignedFixture.SIGNER, p.signature().words());
        assertEquals("valid", p.signature().status());
        assertEquals(Set.of(), p.gaps(), "every question answered");
        assertEquals(List.of(), p.notes(), "every page of its index holds up");
        // pages of the fixture, read off its text: standard 7 on 12, the training rows on 6, enhanced DBS on 13
        assertEquals(12, p.pages().standard(7).orElseThrow());
        assertEquals(6, p.pages().measure("3b-level-2").orElseThrow());
        assertEquals(13, p.pages().measure("8f-enhanced-dbs").orElseThrow());
        assertEquals(List.of("executive-summary", "achievements", "priorities"), List.copyOf(p.bundle().sections().keySet()),
                "standard 3 is left behind");
        assertEquals(SignedFixture.EXECUTIVE_SUMMARY.strip(), p.bundle().sections().get("executive-summary").text().strip());
    }

    @Test
    void anUnsignedPdfIsReadAndSaidToBeUnsigned() throws Exception {
        Amalgamation.Provider p = read(false, false, unsigned).providers().get(0);
        assertEquals(Amalgamation.Signature.Kind.UNSIGNED, p.signature().kind());
        assertEquals("Unsigned PDF", p.signature().words());
        assertEquals("unsigned", p.signature().status());
        assertEquals(12, p.pages().standard(7).orElseThrow());
    }

    static Amalgamation.Skipped skippedAlone(Path pdf) throws Exception {
        Amalgamation.Result r = read(false, false, pdf);
        assertEquals(List.of(), r.providers());
        assertEquals(1, r.skipped().size());
        Amalgamation.Skipped s = r.skipped().get(0);
        assertEquals(List.of(pdf + ": 1 error"), r.errors());
        assertFalse(r.ok());
        assertNull(r.year());
        assertEquals(1, s.errors().size());
        assertEquals(Severity.ERROR, s.errors().get(0).severity());
        return s;
    }

    @Test
    void aChangedByteLeavesTheProviderOutUnreadWithItsReason() throws Exception {
        byte[] b = SignedFixture.bytes();
        int[] range;
        try (PDDocument doc = Loader.loadPDF(b)) {
            range = doc.getSignatureDictionaries().get(0).getByteRange();
        }
        b[range[1] / 2] ^= 0x01;
        Path pdf = write("changed", b);
        Amalgamation.Skipped s = skippedAlone(pdf);
        String why = "the signed bytes have changed since signing, or the signature is damaged (CMSSignerDigestMismatchException)";
        assertEquals("north-wessex.pdf", s.name(), "never read, so known by its file's name");
        assertEquals("its digital signature failed: " + why, s.reason());
        assertEquals("the digital signature fails: " + why + "; nothing in this PDF was read", s.errors().get(0).message());
        assertEquals("ask the provider for its report exactly as signed", s.errors().get(0).hint());
    }

    @Test
    void bytesAppendedAfterSigningLeaveTheProviderOutAndAreCounted() throws Exception {
        byte[] b = SignedFixture.bytes();
        byte[] grown = Arrays.copyOf(b, b.length + 5);
        System.arraycopy("%abc\n".getBytes(StandardCharsets.ISO_8859_1), 0, grown, b.length, 5);
        Amalgamation.Skipped s = skippedAlone(write("grown", grown));
        assertEquals("its digital signature failed: the file was changed after it was signed (5 bytes added)", s.reason());
    }

    @Test
    void whatIsNoPdfOrCarriesNoReportIsLeftOutSayingSo() throws Exception {
        Path text = Files.writeString(Files.createDirectories(tmp.resolve("text")).resolve("report.pdf"), "not a PDF");
        Amalgamation.Skipped s = skippedAlone(text);
        assertEquals("it is not a PDF that can be read", s.reason());
        assertTrue(s.errors().get(0).message().startsWith("this file cannot be read as a PDF ("), s.errors().get(0).message());
        assertEquals("report.pdf", s.name());

        byte[] blank;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            blank = out.toByteArray();
        }
        Amalgamation.Skipped none = skippedAlone(write("blank", blank));
        assertEquals("it carries no report data", none.reason());
        assertEquals("this PDF carries no report source data (no embedded report.json)", none.errors().get(0).message());
    }

    @Test
    void damagedDataInAPdfIsCalledDamagedWithItsFirstError() throws Exception {
        Path pdf = write("damaged", made("damaged", () -> carrying("audit.json", t -> t.replaceFirst("\"yes\"", "\"yes"))));
        Amalgamation.Skipped s = skippedAlone(pdf);
        assertEquals(PROVIDER, s.name(), "its report.json was read: known by the provider's name");
        assertEquals("the report data its PDF carries is damaged", s.reason());
        assertTrue(s.errors().get(0).message().startsWith("the report data this PDF carries is damaged and cannot be read (audit.json:2:"),
                s.errors().get(0).message());
    }

    @Test
    void theYearMostProvidersReportIsTheYearAndAProviderOfAnotherIsLeftOutNamed() throws Exception {
        Amalgamation.Result r = read(false, false, signed, lastYear, otherTrust);
        assertEquals("2023/24", r.year().label());
        assertEquals(List.of(signed.toString(), otherTrust.toString()), r.providers().stream().map(Amalgamation.Provider::shown).toList());
        assertEquals(List.of(lastYear + ": reports 2022/23, not 2023/24, the year the other providers report"), r.errors());
        Amalgamation.Skipped s = r.skipped().get(0);
        assertEquals(PROVIDER, s.name());
        assertEquals("it reports 2022/23, not 2023/24", s.reason());
        assertEquals("give --year 2022/23 to amalgamate that year instead", s.errors().get(0).hint());

        Amalgamation.Result skipping = read(false, true, signed, lastYear, otherTrust);
        assertTrue(skipping.ok(), "left out, not an error, with --skip-invalid");
        assertEquals(1, skipping.skipped().size());
        assertEquals(2, skipping.providers().size());
    }

    @Test
    void aYearAskedForIsTheYearAndTheOthersAreLeftOut() throws Exception {
        ReportingYear wanted = ReportingYear.parseLabel("2022/23").orElseThrow();
        Amalgamation.Result r = Amalgamation.read(List.of(Amalgamation.Input.pdf(signed), Amalgamation.Input.pdf(lastYear)), false,
                false, wanted, Amalgamation.Progress.NONE);
        assertEquals(wanted, r.year());
        assertEquals(List.of(lastYear.toString()), r.providers().stream().map(Amalgamation.Provider::shown).toList());
        assertEquals(List.of(signed + ": reports 2023/24, not 2022/23 (--year)"), r.errors());
        assertEquals("leave it out, or amalgamate 2023/24 on its own", r.skipped().get(0).errors().get(0).hint());
    }

    @Test
    void twoYearsEquallyOftenIsAnErrorAskingForTheYear() throws Exception {
        Amalgamation.Result r = read(false, false, signed, lastYear);
        assertEquals(List.of("the providers report 2023/24 and 2022/23 equally often: give --year to choose the year to amalgamate"),
                r.errors());
        assertNull(r.year(), "no year chosen");
        assertEquals(2, r.providers().size(), "neither is left out");
    }

    @Test
    void nothingToReadIsAnError() throws Exception {
        Amalgamation.Result r = Amalgamation.read(List.of(), false, false);
        assertEquals(List.of("no provider to amalgamate"), r.errors());
        assertNull(r.year());
    }

    @Test
    void progressIsToldOfEachProviderInTurn() throws Exception {
        List<String> told = new ArrayList<>();
        Amalgamation.read(List.of(Amalgamation.Input.pdf(signed), Amalgamation.Input.pdf(lastYear), Amalgamation.Input.pdf(unsigned)),
                false, true, null, (done, total, name) -> told.add(done + "/" + total + " " + name));
        assertEquals(List.of("1/3 " + signed, "2/3 " + lastYear, "3/3 " + unsigned), told);
    }

    @Test
    void aFolderInputIsLaidOutForItsPages() throws Exception {
        TestBundle good = new TestBundle(Files.createDirectories(tmp.resolve("folders/good")));
        Amalgamation.Result r = Amalgamation.read(List.of(Amalgamation.Input.folder(good.root)), false, false);
        Amalgamation.Provider p = r.providers().get(0);
        assertEquals("folder", p.signature().status());
        assertEquals("Source folder (no PDF)", p.signature().words());
        assertTrue(p.pages().standard(3).isPresent(), "pages from laying the folder's report out");
        assertEquals(Set.copyOf(BundleLoader.load(good.root).bundle().orElseThrow().gaps()), p.gaps());
    }

    @Test
    void aFolderThatIsNoFinalReportIsLeftOutWithItsErrorsCountedPlainly() throws Exception {
        TestBundle draft = new TestBundle(Files.createDirectories(tmp.resolve("folders/draft")));
        Amalgamation.Result notFinal = Amalgamation.read(List.of(Amalgamation.Input.folder(draft.root)), true, false);
        Amalgamation.Skipped s = notFinal.skipped().get(0);
        assertEquals(PROVIDER, s.name(), "known by the name its report.json gives");
        assertTrue(s.reason().startsWith("it is not yet a final report: "), s.reason());
        assertTrue(s.errors().size() > 1, s.errors().toString());
        assertEquals(List.of(draft.root + ": " + s.errors().size() + " errors"), notFinal.errors());
        Amalgamation.Skipped none = Amalgamation.read(List.of(Amalgamation.Input.folder(tmp.resolve("folders/none"))), false, false)
                .skipped().get(0);
        assertEquals("none", none.name(), "no report to name it: the folder's name");
    }

    @Test
    void aPdfIndexWithoutWordsIsProvenByHeadingsAndLabelsAndWhatCannotBeIsANote() throws Exception {
        // an index as an older build wrote it (no words), with standard 7 and enhanced DBS a page early, standard 4 far out
        Path pdf = write("old-index", made("old-index", () -> carrying(PageIndex.FILE, t -> t
                .replaceAll("(?s),\\s*\"words\".*\\}\\s*\\}", "\n}")
                .replace("\"standard-7\" : 12", "\"standard-7\" : 11").replace("\"8f-enhanced-dbs\" : 13", "\"8f-enhanced-dbs\" : 12")
                .replace("\"standard-4\" : 8", "\"standard-4\" : 18"))));
        assertTrue(PageIndex.fromJson(SourceFiles.extract(pdf).get(PageIndex.FILE)).orElseThrow().words().isEmpty());
        Amalgamation.Provider p = read(false, false, pdf).providers().get(0);
        assertEquals(12, p.pages().standard(7).orElseThrow(), "found by its heading");
        assertEquals(13, p.pages().measure("8f-enhanced-dbs").orElseThrow(), "found by its label");
        assertFalse(p.pages().standard(4).isPresent());
        assertEquals(1, p.notes().size(), p.notes().toString());
        assertTrue(p.notes().get(0).startsWith("its page index puts \"Standard 4 \u2013 Effective Supervision"), p.notes().get(0));
    }

    /** An input that is neither folder nor PDF (no caller makes one): the reader's failure reaches the caller as it was. */
    @Test
    void aReaderThatFailsFailsTheReadingWithItsOwnException() {
        Amalgamation.Input nothing = new Amalgamation.Input(null, "nothing", null);
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> Amalgamation.read(List.of(nothing), false, true));
    }

    @Test
    void discoveryFindsBundleFoldersFoldersOfBundlesAndPdfs() throws Exception {
        Path many = Files.createDirectories(tmp.resolve("discover"));
        TestBundle a = new TestBundle(many);
        TestBundle elsewhere = new TestBundle(Files.createDirectories(tmp.resolve("discover-one")));
        Files.copy(signed, many.resolve("a.pdf"));
        Files.writeString(many.resolve("notes.txt"), "not an input");
        Files.createDirectories(many.resolve("c-empty"));
        Path missing = tmp.resolve("no-such-folder");
        List<Amalgamation.Input> found = Amalgamation.discover(List.of(many, elsewhere.root, signed, missing));
        assertEquals(List.of(
                        new Amalgamation.Input(null, many.resolve("a.pdf").toString(), many.resolve("a.pdf")),
                        new Amalgamation.Input(a.root, a.root.toString(), null),
                        new Amalgamation.Input(elsewhere.root, elsewhere.root.toString(), null),
                        new Amalgamation.Input(null, signed.toString(), signed),
                        new Amalgamation.Input(missing, missing.toString(), null)), found,
                "a folder of bundles: its PDFs and bundles in name order, nothing else; a bundle folder; a PDF; a path that is none of these is a folder, to be reported");
    }

    @Test
    void theBoardIsToldWhichFilesHoldAProvidersErrorsAndHowMany() {
        Diagnostic audit = new Diagnostic(Severity.ERROR, "audit.json", 2, 3, "x", null);
        Diagnostic report = new Diagnostic(Severity.ERROR, "report.json", 1, 1, "x", null);
        Diagnostic folder = new Diagnostic(Severity.ERROR, "", 0, 0, "x", null);
        Diagnostic data = new Diagnostic(Severity.ERROR, "data/2023-24.json", 1, 1, "x", null);
        assertEquals("its report could not be read", Amalgamation.plainReason(List.of(), false));
        assertEquals("its report has errors: 1 error in audit.json", Amalgamation.plainReason(List.of(audit), false));
        assertEquals("it is not yet a final report: 2 errors in audit.json", Amalgamation.plainReason(List.of(audit, audit), true));
        assertEquals("its report has errors: 3 errors in audit.json, report.json, its folder",
                Amalgamation.plainReason(List.of(audit, report, folder), false));
        assertEquals("its report has errors: 4 errors in 4 of its files",
                Amalgamation.plainReason(List.of(audit, report, folder, data), false));
    }

    // ---- the ratings and the matrix, from providers made here

    static Amalgamation.Provider provider(Bundle b, Set<String> gaps, PageIndex pages) {
        return new Amalgamation.Provider(b, b.root().toString(), new Amalgamation.Signature(Amalgamation.Signature.Kind.FOLDER, null),
                gaps, pages, List.of());
    }

    static PageIndex fixturePages() throws Exception {
        return PageIndex.fromJson(SourceFiles.extract(signed).get(PageIndex.FILE)).orElseThrow();
    }

    /** The fixture's bundle, and a provider of it with the fixture's pages. */
    static Amalgamation.Provider fixtureProvider(Path dir) throws Exception {
        Bundle b = BundleLoader.load(SignedFixture.bundle(dir).root).bundle().orElseThrow();
        return provider(b, Set.copyOf(b.gaps()), fixturePages());
    }

    @Test
    void everyRedQuarterOfEveryRatedMeasureIsListedWithThePageOfItsRow() throws Exception {
        Amalgamation.Provider nw = fixtureProvider(tmp.resolve("reds/a"));
        // a second provider without pages: TestBundle's Level 3 figure for Q2 made 1 of 2
        TestBundle t = new TestBundle(Files.createDirectories(tmp.resolve("reds/b")));
        t.write("report.json", TestBundle.REPORT.replace(PROVIDER, "Avon Children's Health NHS Trust"));
        t.write("data/2023-24.json", TestBundle.DATA.replace("\"Q4\": {", "\"Q2\": { \"3b-level-3\": { \"numerator\": 1, "
                + "\"denominator\": 2 } },\n    \"Q4\": {"));
        Bundle avon = BundleLoader.load(t.root).bundle().orElseThrow();
        // the fixture: Level 2 at Q4 70/100 = 70.0% and Level 3 at Q3 300/455 = 65.9%, both under 76; Level 3 at Q2
        // 380/455 = 83.5% is Amber, induction 80% Amber, enhanced DBS 97.8% Amber under dorset's 100 / 76
        assertEquals(List.of(
                new Amalgamation.Red(PROVIDER, "3b-level-2", "Level 2 training", "Q4", "70.0%", 6),
                new Amalgamation.Red(PROVIDER, "3b-level-3", "Level 3 training", "Q3", "65.9%", 6),
                new Amalgamation.Red("Avon Children's Health NHS Trust", "3b-level-3", "Level 3 training", "Q2", "50.0%", null)),
                Amalgamation.reds(List.of(nw, provider(avon, Set.of(), null))));
    }

    @Test
    void anAnnualMeasureIsRedForTheYear() throws Exception {
        TestBundle t = new TestBundle(Files.createDirectories(tmp.resolve("annual")));
        t.write("data/2023-24.json", TestBundle.DATA.replace("\"numerator\": 980, \"denominator\": 1002",
                "\"numerator\": 75, \"denominator\": 100"));
        Bundle b = BundleLoader.load(t.root).bundle().orElseThrow();
        assertEquals(List.of(new Amalgamation.Red(PROVIDER, "8f-enhanced-dbs", "Enhanced DBS within 3 years", "year", "75.0%", null)),
                Amalgamation.reds(List.of(provider(b, Set.of(), null))));
        assertEquals(Map.of(Rating.GREEN, 1, Rating.AMBER, 0, Rating.RED, 1), Amalgamation.ragAtQ4(b),
                "Level 3 at Q4 431/460 = 93.7% Green; enhanced DBS 75% Red");
    }

    @Test
    void aProviderWithoutTheYearsDataHasNoRedAndNoRating() throws Exception {
        TestBundle t = new TestBundle(Files.createDirectories(tmp.resolve("nodata"))).delete("data/2023-24.json");
        Bundle b = BundleLoader.load(t.root).bundle().orElseThrow();
        assertEquals(List.of(), Amalgamation.reds(List.of(provider(b, Set.of(), null))));
        assertEquals(Map.of(Rating.GREEN, 0, Rating.AMBER, 0, Rating.RED, 0), Amalgamation.ragAtQ4(b));
    }

    @Test
    void theQ4RatingsCountEachRatedMeasureOnceAndNotApplicableNever() throws Exception {
        Bundle b = fixtureProvider(tmp.resolve("rag")).bundle();
        // Q4: Level 3 93.7% Green, Level 2 70.0% Red, induction 80.0% Amber, Level 1 0/0 n/a; the year: enhanced DBS Amber
        assertEquals(Map.of(Rating.GREEN, 1, Rating.AMBER, 2, Rating.RED, 1), Amalgamation.ragAtQ4(b));
    }

    @Test
    void theMatrixCountsEachStandardsAnswersAndGaps() throws Exception {
        Amalgamation.Provider nw = fixtureProvider(tmp.resolve("matrix/a"));
        List<Template.AuditQuestion> questions = nw.bundle().template().audit().questions();
        // the fixture answers question i (from 0) yes, partial, no, n/a in turn: count them by standard
        int[][] expected = new int[11][4];
        for (int i = 0; i < questions.size(); i++) {
            expected[questions.get(i).standard()][i % 4]++;
        }
        List<Amalgamation.Counts> row = Amalgamation.matrix(List.of(nw)).get(PROVIDER);
        assertEquals(10, row.size());
        for (int s = 1; s <= 10; s++) {
            int[] e = expected[s];
            assertEquals(new Amalgamation.Counts(e[0], e[1], e[2], e[3], 0), row.get(s - 1), "standard " + s);
        }
        assertEquals(Answer.PARTIAL, nw.bundle().audit().get(questions.get(1).id()).answer(), "the fixture is as described");

        // TestBundle: 1.1 answered yes, 3.1, 3.7 and 3.8 evidenced, every other question a gap
        TestBundle t = new TestBundle(Files.createDirectories(tmp.resolve("matrix/b")));
        Bundle b = BundleLoader.load(t.root).bundle().orElseThrow();
        Amalgamation.Provider gappy = provider(b, Set.copyOf(b.gaps()), null);
        List<Amalgamation.Counts> counts = Amalgamation.matrix(List.of(gappy)).get(PROVIDER);
        long inStandard1 = questions.stream().filter(q -> q.standard() == 1).count();
        long inStandard3 = questions.stream().filter(q -> q.standard() == 3).count();
        assertEquals(new Amalgamation.Counts(1, 0, 0, 0, (int) inStandard1 - 1), counts.get(0));
        assertEquals(new Amalgamation.Counts(0, 0, 0, 0, (int) inStandard3 - 3), counts.get(2), "evidence is no gap and no answer");
        assertEquals(new Amalgamation.Counts(0, 0, 0, 0, 0), Amalgamation.matrix(List.of(provider(b, Set.of(), null)))
                .get(PROVIDER).get(2), "an open question that is not a gap is not counted");
    }

    @Test
    void gapsAreListedWithTheirTextAndThePageOfTheirStandard() throws Exception {
        Amalgamation.Provider nw = fixtureProvider(tmp.resolve("gaps/a"));
        Amalgamation.Provider withGaps = provider(nw.bundle(), Set.of("7.2", "10.1"), nw.pages());
        Template t = nw.bundle().template();
        assertEquals(List.of(new Amalgamation.Gap(PROVIDER, "7.2", t.question("7.2").orElseThrow().text(), 12),
                        new Amalgamation.Gap(PROVIDER, "10.1", t.question("10.1").orElseThrow().text(), 15)),
                Amalgamation.gaps(List.of(withGaps)), "in the template's order; standard 7 on page 12, 10 on 15");
        assertEquals(List.of(new Amalgamation.Gap(PROVIDER, "7.2", t.question("7.2").orElseThrow().text(), null)),
                Amalgamation.gaps(List.of(provider(nw.bundle(), Set.of("7.2"), null))), "no pages known");
        assertEquals(List.of(), Amalgamation.gaps(List.of(nw)));
    }

    @Test
    void onlyTheQuestionsEveryProvidersTemplateHasAreShared() throws Exception {
        Amalgamation.Provider dorset = fixtureProvider(tmp.resolve("shared/a"));
        TestBundle s = TestBundle.on(Files.createDirectories(tmp.resolve("shared/b")), "somerset-2018");
        Bundle somerset = BundleLoader.load(s.root).bundle().orElseThrow();
        List<String> d = dorset.bundle().template().audit().questions().stream().map(Template.AuditQuestion::id).toList();
        Set<String> so = Set.copyOf(somerset.template().audit().questions().stream().map(Template.AuditQuestion::id).toList());
        List<String> both = d.stream().filter(so::contains).toList();
        assertTrue(both.size() < d.size() || both.size() < so.size(), "the templates differ");
        assertEquals(both, Amalgamation.sharedQuestions(List.of(dorset, provider(somerset, Set.of(), null))));
        assertEquals(d, Amalgamation.sharedQuestions(List.of(dorset)));
        assertEquals(List.of(), Amalgamation.sharedQuestions(List.of()));
        assertFalse(Amalgamation.gaps(List.of(provider(somerset, Set.of("3.8"), null))).isEmpty() && so.contains("3.8"));
    }
}
