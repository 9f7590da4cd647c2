package org.safeguardingreport.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;

/**
 * The nurse's loop in a real browser: Debian's headless Chromium, driven over the DevTools protocol
 * with the JDK's own WebSocket client (no browser downloaded by a test tool, no driver).
 */
class PreviewBrowserTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theNurseSeesHerEditsAndHerMistakesWithoutReloading(@TempDir Path dir) throws Exception {
        String chromium = chromium();
        TestBundle b = new TestBundle(dir.resolve("bundle"));
        try (PreviewServer s = PreviewServer.start(b.root, 0)) {
            Rebuilder.Snapshot first = awaitServer(s, x -> x.status().equals("built"));
            Process browser = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + dir.resolve("profile"), "about:blank")
                    .redirectErrorStream(true).start();
            try (Cdp cdp = Cdp.attach(browser)) {
                cdp.call("Page.enable", "{}");
                cdp.call("Page.navigate", "{\"url\":\"" + s.address() + "\"}");
                // page 1 shown, at the version the server built
                String v1 = first.pages().get(0).version();
                await(cdp, "document.querySelector('#page-1 img') ? document.querySelector('#page-1 img').src : ''",
                        src -> src.contains("page/1.png") && src.contains("v=" + v1));
                await(cdp, "document.getElementById('state').textContent", t -> t.startsWith("built in"));
                cdp.eval("window.notReloaded = 'yes'");

                // the audit: question 3.1's "See page N" goes to the page its evidence is on
                int cited = first.citations().get("3.1").get(0);
                cdp.eval("document.getElementById('tab-audit').click()");
                await(cdp, "(document.querySelector('#q-3\\\\.1 .see') || {}).textContent || ''",
                        t -> t.equals("See page " + cited));
                cdp.eval("document.querySelector('#q-3\\\\.1 .see a').click()");
                await(cdp, "(document.querySelector('.page.target') || {}).id || ''", ("page-" + cited)::equals);
                await(cdp, "(document.querySelector('#page-" + cited + " img') || {}).src || ''",
                        src -> src.contains("v=" + first.pages().get(cited - 1).version()));
                // the address names the page gone to, and a page named in the address is gone to
                assertEquals("#page-" + cited, cdp.eval("location.hash"));
                cdp.eval("location.hash = '#page-1'");
                await(cdp, "(document.querySelector('.page.target') || {}).id || ''", "page-1"::equals);
                // a question with neither answer nor evidence says so
                await(cdp, "(document.querySelector('#q-1\\\\.2 .see') || {}).textContent || ''", "No evidence provided"::equals);

                // an edit: the page updates itself, without reloading
                b.write("narrative/executive-summary.md", "This report gives an overview of the year.\n\n"
                        + "Every referral was answered within a day in the browser test.\n");
                Rebuilder.Snapshot edited = awaitServer(s, x -> x.status().equals("built") && x.generation() > first.generation());
                String v1b = edited.pages().get(0).version();
                // each changed page shows its new version once it is on screen (pages are fetched as they come into view)
                for (PageImages.Page p : edited.pages()) {
                    if (first.pages().contains(p)) {
                        continue;
                    }
                    cdp.eval("document.getElementById('page-" + p.number() + "').scrollIntoView()");
                    String want = "v=" + p.version();
                    await(cdp, "(document.querySelector('#page-" + p.number() + " img') || {}).src || ''", src -> src.contains(want));
                }
                assertEquals("yes", cdp.eval("window.notReloaded"), "the page was reloaded");
                assertTrue(!v1b.equals(v1) || edited.pages().stream().anyMatch(p -> !first.pages().contains(p)),
                        "some page changed with the new sentence");

                // a trailing comma: the error with its file:line, the pages kept and marked out of date
                b.write("data/2023-24.json", TestBundle.DATA.replace("\"6a-si-steis\": 1", "\"6a-si-steis\": 1,"));
                await(cdp, "document.getElementById('diagnostics').textContent", t -> t.contains("data/2023-24.json:6:23")
                        && t.contains("trailing comma"));
                await(cdp, "String(document.body.classList.contains('stale'))", "true"::equals);
                // the message has no page: selecting it shows its source line, marked
                cdp.eval("document.querySelector('#diagnostics .diag.error').click()");
                await(cdp, "(document.querySelector('#diagnostics .diag.error .source .line.at') || {}).textContent || ''",
                        t -> t.startsWith("   6  ") && t.contains("\"6a-si-steis\": 1,"));
                assertTrue(cdp.eval("document.getElementById('state').textContent").startsWith("failed"));
                assertEquals(String.valueOf(edited.pages().size()), cdp.eval("String(document.querySelectorAll('#pages img').length)"));

                // fixed: the pages come back, up to date
                b.write("data/2023-24.json", TestBundle.DATA);
                await(cdp, "String(document.body.classList.contains('stale'))", "false"::equals);
                await(cdp, "document.getElementById('state').textContent", t -> t.startsWith("built in"));
                assertFalse(cdp.eval("document.getElementById('diagnostics').textContent").contains("trailing comma"));
                assertEquals("yes", cdp.eval("window.notReloaded"), "the page was reloaded");

                // opened at a page's address (a reload): that page is shown
                cdp.call("Page.navigate", "{\"url\":\"about:blank\"}");
                cdp.call("Page.navigate", "{\"url\":\"" + s.address() + "#page-" + cited + "\"}");
                await(cdp, "(document.querySelector('.page.target') || {}).id || ''", ("page-" + cited)::equals);
                await(cdp, "String(Math.round(document.getElementById('page-" + cited + "').getBoundingClientRect().top) < 200)",
                        "true"::equals);
            } finally {
                browser.destroy();
                browser.waitFor(10, TimeUnit.SECONDS);
                if (browser.isAlive()) {
                    browser.destroyForcibly();
                }
            }
        }
    }

    private static String chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return fail("the browser test needs Chromium: install Debian's package chromium (apt-get install chromium)");
    }

    private static Rebuilder.Snapshot awaitServer(PreviewServer s, Predicate<Rebuilder.Snapshot> done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (done.test(s.snapshot())) {
                return s.snapshot();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out: " + s.snapshot().json());
    }

    private static String await(Cdp cdp, String expression, Predicate<String> done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = null;
        while (System.nanoTime() < end) {
            last = cdp.eval(expression);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("in the browser, " + expression + " stayed " + last);
    }

    /** The few DevTools calls the test needs, over the JDK's WebSocket. */
    private static final class Cdp implements AutoCloseable, WebSocket.Listener {
        private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");
        private final Map<Integer, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder part = new StringBuilder();
        private WebSocket ws;

        static Cdp attach(Process browser) throws Exception {
            BufferedReader r = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String port = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (port == null && System.nanoTime() < end && (line = r.readLine()) != null) {
                Matcher m = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
                if (m.find()) {
                    port = m.group(1);
                }
            }
            if (port == null) {
                throw new AssertionError("Chromium did not start its DevTools endpoint");
            }
            Thread drain = new Thread(() -> {
                try {
                    r.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException ignored) {
                    // the browser has gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            String list = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher page = Pattern.compile("\"type\"\\s*:\\s*\"page\"[\\s\\S]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(list);
            if (!page.find()) {
                throw new AssertionError("no page target: " + list);
            }
            Cdp c = new Cdp();
            c.ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), c).get(10, TimeUnit.SECONDS);
            return c;
        }

        String call(String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<String> f = new CompletableFuture<>();
            waiting.put(id, f);
            ws.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
            return f.get(30, TimeUnit.SECONDS);
        }

        /** The expression's value as a string. */
        String eval(String expression) throws Exception {
            String json = "{\"expression\":" + quote("String(" + expression + ")") + ",\"returnByValue\":true}";
            String reply = call("Runtime.evaluate", json);
            Matcher m = Pattern.compile("\"value\":\"((?:[^\"\\\\]++|\\\\.)*+)\"").matcher(reply);
            if (!m.find()) {
                throw new AssertionError(expression + ": " + reply);
            }
            return m.group(1).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
        }

        private static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                String msg = part.toString();
                part.setLength(0);
                Matcher m = ID.matcher(msg);
                if (m.find()) {
                    CompletableFuture<String> f = waiting.remove(Integer.parseInt(m.group(1)));
                    if (f != null) {
                        f.complete(msg);
                    }
                }
            }
            w.request(1);
            return null;
        }

        @Override
        public void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS);
        }
    }
}
