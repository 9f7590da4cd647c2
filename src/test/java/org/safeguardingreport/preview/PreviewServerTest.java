package org.safeguardingreport.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.cli.Main;

/** The preview's server, for real, on an ephemeral port of 127.0.0.1, over the small test bundle. */
class PreviewServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path shared;
    static TestBundle bundle;
    static PreviewServer server;

    @BeforeAll
    static void start() throws Exception {
        bundle = new TestBundle(shared);
        bundle.write("narrative/appendix-b-training-by-staff-group.md", "Every role's level of training.\n");
        server = PreviewServer.start(bundle.root, 0);
        await(server, s -> s.status().equals("built"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAddressIsLoopbackWithA128BitUrlSafeToken() {
        assertTrue(server.address().startsWith("http://127.0.0.1:" + server.port() + "/?t="), server.address());
        assertTrue(server.token().matches("[A-Za-z0-9_-]{22}"), server.token());
    }

    @Test
    void aRequestWithoutTheRightTokenIsForbidden() throws Exception {
        for (String target : List.of("/", "/state", "/page/1.png", "/events", "/report.pdf", "/preview.js")) {
            assertEquals(403, get(target).statusCode(), target + " without a token");
            assertEquals(403, get(target + "?t=wrong").statusCode(), target + " with a wrong token");
            assertEquals(403, get(target + "?t=" + server.token() + "x").statusCode(), target + " with a longer token");
            assertEquals(403, get(target + "?t=" + server.token().substring(1)).statusCode(), target + " with a shorter one");
        }
        HttpResponse<byte[]> wrongCookie = HTTP.send(HttpRequest.newBuilder(uri("/state"))
                .header("Cookie", "preview-token-" + server.port() + "=nope").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, wrongCookie.statusCode());
    }

    @Test
    void theFirstLoadSetsACookieThatThenStandsForTheToken() throws Exception {
        HttpResponse<byte[]> page = get("/?t=" + server.token());
        assertEquals(200, page.statusCode());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<byte[]> state = HTTP.send(HttpRequest.newBuilder(uri("/state"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, state.statusCode());
    }

    @Test
    void aForeignHostHeaderIsForbiddenEvenWithTheToken() throws Exception {
        assertEquals(403, raw("/state?t=" + server.token(), "evil.example"));
        assertEquals(403, raw("/state?t=" + server.token(), "evil.example:" + server.port()));
        assertEquals(403, raw("/state?t=" + server.token(), "127.0.0.1"));
        assertEquals(403, raw("/state?t=" + server.token(), null));
        assertEquals(200, raw("/state?t=" + server.token(), "localhost:" + server.port()));
        assertEquals(200, raw("/state?t=" + server.token(), "127.0.0.1:" + server.port()));
    }

    @Test
    void pathTraversalInEveryEncodingIsNotFound() throws Exception {
        String t = "?t=" + server.token();
        String own = bundle.root.toAbsolutePath().toString();
        for (String target : List.of("/../../../../etc/passwd", "/page/../../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/%2E%2E/%2E%2E/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/page/..%5c..%5cetc%5cpasswd",
                "/%252e%252e%252fetc%252fpasswd", "/page/%2e%2e%2f1.png", "/page/1.png/..", "/page/./1.png", "//etc/passwd",
                "/etc/passwd", "/pages/page-1-1.png", own + "/report.json", "/report.json", "/narrative/executive-summary.md", "/page/1.png%00.txt",
                "/page/C:%5cwindows%5cwin.ini", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/state/..", "/page/0.png",
                "/page/01.png", "/page/999.png")) {
            assertEquals(404, raw(target + t, "127.0.0.1:" + server.port()), target);
        }
        // a backslash is not even a legal character of a request target; whatever refuses it, nothing is opened
        int backslash = raw("/page\\..\\..\\etc\\passwd" + t, "127.0.0.1:" + server.port());
        assertTrue(backslash == 404 || backslash == 400, "backslashes: " + backslash);
    }

    @Test
    void thePageAndAPageImageAreServedWithTheToken() throws Exception {
        String t = "?t=" + server.token();
        HttpResponse<byte[]> html = get("/" + t);
        assertEquals(200, html.statusCode());
        String text = new String(html.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("preview.js") && text.contains("id=\"pages\""), text);
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        for (String r : List.of("/preview.js", "/preview.css")) {
            assertEquals(200, get(r + t).statusCode(), r);
        }
        HttpResponse<byte[]> png = get("/page/1.png" + t);
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals('P', png.body()[1]);
        String state = new String(get("/state" + t).body(), StandardCharsets.UTF_8);
        assertTrue(state.contains("\"status\" : \"built\""), state);
        assertTrue(state.contains("\"contents\""), state);
        // every contents entry is named: a standard's section by its standard
        assertTrue(state.contains("\"title\" : \"Standard 3 \u2013 "), state);
        // an appendix as the report heads it, not by its file's name
        assertTrue(state.contains("\"title\" : \"Appendix B: Training by staff group\""), state);
        assertFalse(state.contains("\"title\" : \"null\"") || state.contains("\"title\" : null"), state);
    }

    @Test
    void anEventOfManyLinesHasADataFieldOnEachLine() {
        assertEquals("event: built\ndata: {\ndata:   \"a\" : 1\ndata: }\n\n", PreviewServer.sse("built", "{\n  \"a\" : 1\n}"));
    }

    @Test
    void theScriptNeverPutsDataIntoTheDocumentAsHtml() throws Exception {
        String js = new String(get("/preview.js?t=" + server.token()).body(), StandardCharsets.UTF_8);
        assertFalse(js.contains("innerHTML") || js.contains("outerHTML") || js.contains("insertAdjacentHTML")
                || js.contains("document.write"), "the page's script must use textContent only");
    }

    @Test
    void theWordEditionsAreMadeOnRequestFromTheSavedBundle() throws Exception {
        String t = "?t=" + server.token();
        for (String file : List.of("annual-report.docx", "audit.docx")) {
            HttpResponse<byte[]> r = get("/" + file + t);
            assertEquals(200, r.statusCode(), file);
            assertEquals("attachment; filename=\"" + file + "\"", r.headers().firstValue("Content-Disposition").orElse(""));
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(r.body()))) {
                boolean document = false;
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    document |= e.getName().equals("word/document.xml");
                }
                assertTrue(document, file + " is a Word document");
            }
        }
        String text = new String(get("/annual-report.docx" + t).body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("PK"));
    }

    @Test
    void editingANarrativeFileRebuildsAndSendsABuiltEventWithTheNewSentence(@TempDir Path dir) throws Exception {
        TestBundle b = new TestBundle(dir);
        try (PreviewServer s = PreviewServer.start(b.root, 0)) {
            Rebuilder.Snapshot first = await(s, x -> x.status().equals("built"));
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/events?t=" + s.token())).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(events::add));
            String hello;
            do {
                hello = events.poll(10, TimeUnit.SECONDS);
                assertNotNull(hello, "the event stream did not open");
            } while (!hello.equals("event: hello"));
            long t0 = System.nanoTime();
            b.write("narrative/executive-summary.md", "This report gives an overview of the year.\n\n"
                    + "The health visiting team answered every referral within a day.\n");
            String line;
            do {
                line = events.poll(60, TimeUnit.SECONDS);
                assertNotNull(line, "no built event after the edit");
            } while (!line.equals("event: built") && !line.equals("event: failed"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("event: built", line);
            Rebuilder.Snapshot now = s.snapshot();
            assertTrue(now.generation() > first.generation());
            assertTrue(pdfText(s).contains("The health visiting team answered every referral within a day."));
            System.out.println("preview: edit to built event in " + ms + " ms (build " + now.timings() + ")");
        }
    }

    @Test
    void aSentenceAddedIsShownFirstByAFirstLookThatTheSavedPagesBearOut(@TempDir Path dir) throws Exception {
        TestBundle b = new TestBundle(dir);
        try (PreviewServer s = PreviewServer.start(b.root, 0)) {
            await(s, x -> x.status().equals("built"));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/events?t=" + s.token())).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> events = new java.util.ArrayList<>();
            readEvents(lines, json, events, "hello");
            events.clear();
            b.write("narrative/executive-summary.md", "This report gives an overview of the year.\n\n"
                    + "Every child seen by the school nursing team had a plan within a week.\n");
            readEvents(lines, json, events, "built");
            List<com.fasterxml.jackson.databind.JsonNode> looks = events.stream()
                    .filter(e -> e.getKey().equals("building") && e.getValue().path("stage").asText().equals("first pages painted"))
                    .map(Map.Entry::getValue).toList();
            assertEquals(1, looks.size(), "one first look: " + events.stream().map(Map.Entry::getKey).toList());
            com.fasterxml.jackson.databind.JsonNode built = events.get(events.size() - 1).getValue();
            assertEquals(versions(built), versions(looks.get(0)), "the saved pages are the pages the first look showed");
            assertTrue(looks.get(0).path("timings").has("first look (at ms)"));
            // the look came before the saved pages were announced, and the stages in between were told briefly
            int look = events.indexOf(events.stream().filter(e -> e.getValue() == looks.get(0)).findFirst().orElseThrow());
            assertTrue(events.subList(0, look).stream().anyMatch(e -> e.getKey().equals("stage")));
            assertTrue(events.subList(look + 1, events.size()).stream()
                    .anyMatch(e -> e.getValue().path("stage").asText().equals("pages painted")));
            assertTrue(pdfText(s).contains("Every child seen by the school nursing team had a plan within a week."));
        }
    }

    /** Each page's version in a state, by page number. */
    private static Map<Integer, String> versions(com.fasterxml.jackson.databind.JsonNode state) {
        Map<Integer, String> v = new java.util.TreeMap<>();
        state.path("pages").forEach(p -> v.put(p.path("n").asInt(), p.path("v").asText()));
        assertFalse(v.isEmpty(), "a state with pages");
        return v;
    }

    /** Reads server-sent events into {@code events} (name and data) up to and including the first named {@code until}. */
    private static void readEvents(BlockingQueue<String> lines, com.fasterxml.jackson.databind.ObjectMapper json,
                                   List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> events, String until)
            throws Exception {
        String name = null;
        StringBuilder data = new StringBuilder();
        while (true) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(line, "no '" + until + "' event; had " + events.stream().map(Map.Entry::getKey).toList());
            if (line.startsWith("event: ")) {
                name = line.substring(7);
                data.setLength(0);
            } else if (line.startsWith("data: ")) {
                data.append(line, 6, line.length()).append('\n');
            } else if (line.isEmpty() && name != null) {
                events.add(Map.entry(name, json.readTree(data.toString())));
                if (name.equals(until)) {
                    return;
                }
                name = null;
            }
        }
    }

    @Test
    void fiftySavesInTwoSecondsMakeAFewRebuildsAndTheLastSaveWins(@TempDir Path dir) throws Exception {
        TestBundle b = new TestBundle(dir);
        try (PreviewServer s = PreviewServer.start(b.root, 0)) {
            long before = await(s, x -> x.status().equals("built")).generation();
            for (int i = 1; i <= 50; i++) {
                b.write("narrative/executive-summary.md", "This report gives an overview of the year.\n\nSave number " + i + " of fifty.\n");
                Thread.sleep(40);
            }
            Rebuilder.Snapshot last = awaitQuiet(s);
            assertEquals("built", last.status());
            long builds = last.generation() - before;
            assertTrue(builds >= 1 && builds <= 3, builds + " rebuilds for 50 saves");
            String text = pdfText(s);
            assertTrue(text.contains("Save number 50 of fifty."), text);
            assertFalse(text.contains("Save number 49 of fifty."));
        }
    }

    @Test
    void aTrailingCommaInTheDataShowsTheErrorAndKeepsTheLastPagesUntilItIsFixed(@TempDir Path dir) throws Exception {
        TestBundle b = new TestBundle(dir);
        try (PreviewServer s = PreviewServer.start(b.root, 0)) {
            Rebuilder.Snapshot good = await(s, x -> x.status().equals("built"));
            b.write("data/2023-24.json", TestBundle.DATA.replace("\"6a-si-steis\": 1", "\"6a-si-steis\": 1,"));
            Rebuilder.Snapshot bad = await(s, x -> x.status().equals("failed"));
            assertTrue(bad.stale(), "the last good pages are kept, out of date");
            assertEquals(good.pages(), bad.pages());
            Map<String, Object> d = bad.diagnostics().stream().filter(x -> "data/2023-24.json".equals(x.get("file")))
                    .findFirst().orElseThrow(() -> new AssertionError(bad.diagnostics().toString()));
            assertEquals(6, d.get("line"), d.toString());   // the comma's line
            assertEquals(23, d.get("column"), d.toString());
            assertTrue(String.valueOf(d.get("message")).contains("trailing comma"), d.toString());
            String state = new String(get(s, "/state").body(), StandardCharsets.UTF_8);
            assertTrue(state.contains("\"status\" : \"failed\"") && state.contains("\"stale\" : true"), state);
            assertTrue(state.contains("\"file\" : \"data/2023-24.json\"") && state.contains("\"line\" : 6"), state);
            assertEquals(200, get(s, "/page/1.png").statusCode(), "the last good pages are still served");

            b.write("data/2023-24.json", TestBundle.DATA);
            Rebuilder.Snapshot fixed = await(s, x -> x.status().equals("built") && x.generation() > bad.generation());
            assertFalse(fixed.stale());
            assertEquals(good.pages().size(), fixed.pages().size());
            assertTrue(fixed.diagnostics().stream().noneMatch(x -> "error".equals(x.get("severity"))));
        }
    }

    @Test
    void aSecondServerOnTheSamePortSaysSoPlainly() throws Exception {
        var e = assertThrows(PreviewServer.PortInUse.class, () -> PreviewServer.start(bundle.root, server.port()));
        assertTrue(e.getMessage().contains("port " + server.port()) && e.getMessage().contains("in use"), e.getMessage());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"preview", bundle.root.toString(), "--port", String.valueOf(server.port())},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, message);
        assertTrue(message.startsWith("error: port " + server.port()), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
    }

    @Test
    void theCommandOpensTheBrowserAndStopsLeavingNoTemporaryFile(@TempDir Path dir) throws Exception {
        // the command in a process of its own, with a temporary folder of its own, stopped as Ctrl-C stops it
        TestBundle b = new TestBundle(dir.resolve("bundle"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // --open: the desktop's opener (xdg-open) is handed the printed address; here, one that writes it down
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path opened = dir.resolve("opened.txt");
        Path opener = Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\nprintf '%s' \"$1\" > '" + opened + "'\n");
        opener.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.safeguardingreport.cli.Main", "preview", b.root.toString(), "--open")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the preview printed nothing");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?t=(\\S+)").matcher(line);
            assertTrue(m.find(), line);
            String base = "http://127.0.0.1:" + m.group(1);
            String t = "?t=" + m.group(2);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String state = "";
            while (System.nanoTime() < end && !state.contains("\"status\" : \"built\"")) {
                Thread.sleep(200);
                state = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/state" + t)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertTrue(state.contains("\"status\" : \"built\""), state);
            assertEquals(base + "/" + t, Files.readString(opened), "--open opens the printed address");
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/page/1.png" + t)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).statusCode());
            p.destroy();   // SIGTERM: the same shutdown as Ctrl-C's SIGINT
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the preview did not stop");
            try (var left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList(), "temporary files left behind");
            }
            final int port = Integer.parseInt(m.group(1));
            assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        } finally {
            p.destroyForcibly();
        }
    }

    // --- helpers

    private static Rebuilder.Snapshot await(PreviewServer s, Predicate<Rebuilder.Snapshot> done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            Rebuilder.Snapshot now = s.snapshot();
            if (done.test(now)) {
                return now;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out; state: " + s.snapshot().json());
    }

    /** The state once no build has run or waited for a second and a half. */
    private static Rebuilder.Snapshot awaitQuiet(PreviewServer s) throws InterruptedException {
        Rebuilder.Snapshot last = s.snapshot();
        long quietSince = System.nanoTime();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            Thread.sleep(50);
            Rebuilder.Snapshot now = s.snapshot();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (!now.status().equals("building") && System.nanoTime() - quietSince > 1_500_000_000L) {
                return now;
            }
        }
        throw new AssertionError("never quiet: " + last.json());
    }

    private static String pdfText(PreviewServer s) throws Exception {
        HttpResponse<byte[]> r = get(s, "/report.pdf");
        assertEquals(200, r.statusCode());
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static URI uri(String target) {
        return URI.create("http://127.0.0.1:" + server.port() + target);
    }

    private static HttpResponse<byte[]> get(String target) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(target)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(PreviewServer s, String route) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + route + "?t=" + s.token())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request written by hand, exactly as given (HttpClient neither sends a chosen Host nor keeps "..") : its status. */
    private static int raw(String target, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream o = socket.getOutputStream();
            String req = "GET " + target + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "Connection: close\r\n\r\n";
            o.write(req.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                status.append((char) c);
            }
            String line = status.toString().trim();
            assertTrue(line.startsWith("HTTP/1.1 "), "status line: " + line);
            return Integer.parseInt(line.substring(9, 12));
        }
    }
}
