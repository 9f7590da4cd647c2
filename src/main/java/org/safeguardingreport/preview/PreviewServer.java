package org.safeguardingreport.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.safeguardingreport.pipeline.ReportBuild;

/**
 * The preview's web server: the JDK's HttpServer on 127.0.0.1 only. Every request needs the random
 * token of the printed address (query {@code t}, or the cookie the page sets) and a Host header naming
 * the loopback address and this port (DNS rebinding); only the routes below are served, and the page
 * pictures are held in memory, looked up by page number, never by a path from the request: nothing is
 * read from disk but the bundle, by the build.
 */
public final class PreviewServer implements AutoCloseable {
    /** The port is taken (or cannot be bound): a plain message for the terminal. */
    public static final class PortInUse extends IOException {
        PortInUse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static {
        // The JDK's server writes a response's head and body apart; without TCP_NODELAY the body waits
        // for the browser's delayed acknowledgement of the head, 40 ms on Linux, for every page picture.
        // Read once, when the server's classes are first used.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern PAGE = Pattern.compile("/page/([1-9][0-9]{0,4})\\.png");
    private static final String RES = "/org/safeguardingreport/preview/";

    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;
    private final String token;
    private final String cookie;
    private final int port;
    private final Path bundle;
    private final WordEditions word = new WordEditions();
    private final Rebuilder rebuilder;
    private final BundleWatcher watcher;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private PreviewServer(Path bundle, int requestedPort) throws IOException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        } catch (java.net.BindException e) {
            throw new PortInUse("port " + requestedPort + " on 127.0.0.1 is already in use (another preview?);"
                    + " stop it or give another port with --port N", e);
        }
        this.port = server.getAddress().getPort();
        this.cookie = "preview-token-" + port;
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        });
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "preview-heartbeat");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        this.bundle = bundle;
        rebuilder = new Rebuilder(bundle, this::broadcast, s -> send(sse("stage", s.stageJson())));
        watcher = new BundleWatcher(bundle, rebuilder::changed);
    }

    /** Starts serving and builds the bundle once; a change to any of its files builds it again. */
    public static PreviewServer start(Path bundle, int port) throws IOException {
        PreviewServer s = new PreviewServer(bundle, port);
        s.server.start();
        s.heartbeat.scheduleAtFixedRate(() -> s.send(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
        s.rebuilder.buildNow();
        return s;
    }

    public int port() {
        return port;
    }

    public String token() {
        return token;
    }

    /** The address to open, with the token. */
    public String address() {
        return "http://127.0.0.1:" + port + "/?t=" + token;
    }

    /** What the page shows now (for tests and benchmarks in this package). */
    Rebuilder.Snapshot snapshot() {
        return rebuilder.current();
    }

    private void broadcast(Rebuilder.Snapshot s) {
        send(sse(s.status(), s.json()));
    }

    /** One server-sent event; every line of a multi-line JSON text is its own data line. */
    static String sse(String event, String data) {
        StringBuilder b = new StringBuilder("event: ").append(event).append('\n');
        data.lines().forEach(l -> b.append("data: ").append(l).append('\n'));
        return b.append('\n').toString();
    }

    private void send(String event) {
        byte[] b = event.getBytes(StandardCharsets.UTF_8);
        for (OutputStream o : listeners) {
            try {
                synchronized (o) {
                    o.write(b);
                    o.flush();
                }
            } catch (IOException e) {
                listeners.remove(o);
                try {
                    o.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
                plain(ex, 403, "forbidden: this preview answers only to 127.0.0.1:" + port);
                return;
            }
            boolean queryToken = tokenIn(ex.getRequestURI().getRawQuery());
            if (!queryToken && !tokenInCookie(ex.getRequestHeaders().get("Cookie"))) {
                plain(ex, 403, "forbidden: open the address the preview printed (it holds the token)");
                return;
            }
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                plain(ex, 405, "method not allowed");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (path == null || suspicious(path)) {
                plain(ex, 404, "not found");
                return;
            }
            Matcher m = PAGE.matcher(path);
            switch (path) {
                case "/" -> {
                    if (queryToken) {
                        ex.getResponseHeaders().add("Set-Cookie", cookie + "=" + token
                                + "; Path=/; HttpOnly; SameSite=Strict");
                    }
                    resource(ex, "preview.html", "text/html; charset=utf-8");
                }
                case "/preview.js" -> resource(ex, "preview.js", "text/javascript; charset=utf-8");
                case "/preview.css" -> resource(ex, "preview.css", "text/css; charset=utf-8");
                case "/state" -> bytes(ex, 200, "application/json; charset=utf-8",
                        rebuilder.current().json().getBytes(StandardCharsets.UTF_8));
                case "/report.pdf" -> {
                    byte[] pdf = rebuilder.current().pdf();
                    if (pdf == null) {
                        plain(ex, 404, "not built yet");
                    } else {
                        bytes(ex, 200, "application/pdf", pdf);
                    }
                }
                case "/events" -> events(ex);
                case "/annual-report.docx" -> word(ex, ReportBuild.REPORT_DOCX);
                case "/audit.docx" -> word(ex, ReportBuild.AUDIT_DOCX);
                default -> {
                    if (m.matches()) {
                        page(ex, Integer.parseInt(m.group(1)));
                    } else {
                        plain(ex, 404, "not found");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            ex.close();
        }
    }

    /** A path with a dot segment, an encoded character, a backslash or an empty segment is refused before any lookup. */
    static boolean suspicious(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT);
        return !p.startsWith("/") || p.contains("..") || p.contains("%") || p.contains("\\") || p.contains("//")
                || p.contains("/./") || p.endsWith("/.") || p.contains(":") || p.indexOf('\0') >= 0;
    }

    private boolean hostAllowed(String host) {
        return host != null && (host.equals("127.0.0.1:" + port) || host.equalsIgnoreCase("localhost:" + port));
    }

    private boolean tokenIn(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String kv : rawQuery.split("&")) {
            if (kv.startsWith("t=") && same(kv.substring(2))) {
                return true;
            }
        }
        return false;
    }

    private boolean tokenInCookie(List<String> headers) {
        if (headers == null) {
            return false;
        }
        for (String h : headers) {
            for (String c : h.split(";")) {
                String t = c.trim();
                if (t.startsWith(cookie + "=") && same(t.substring(cookie.length() + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean same(String candidate) {
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private void page(HttpExchange ex, int n) throws IOException {
        byte[] png = rebuilder.png(n);
        if (png == null) {
            plain(ex, 404, "no page " + n + " (or it was replaced by a newer build)");
            return;
        }
        bytes(ex, 200, "image/png", png);
    }

    /** The Word edition of the report or the audit, made on request from the bundle as it is now. */
    private void word(HttpExchange ex, String file) throws IOException {
        WordEditions.Result r = word.get(bundle, rebuilder.current().generation());
        byte[] b = r.files() == null ? null : r.files().get(file);
        if (b == null) {
            plain(ex, 409, "the Word editions could not be made: " + r.problem());
            return;
        }
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file + "\"");
        bytes(ex, 200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b);
    }

    private void events(HttpExchange ex) throws IOException {
        headers(ex, "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        OutputStream o = ex.getResponseBody();
        String first = "retry: 1000\n" + sse("hello", rebuilder.current().json());
        o.write(first.getBytes(StandardCharsets.UTF_8));
        o.flush();
        listeners.add(o);
    }

    private void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = PreviewServer.class.getResourceAsStream(RES + name)) {
            if (in == null) {
                plain(ex, 404, "not found");
                return;
            }
            bytes(ex, 200, type, in.readAllBytes());
        }
    }

    private static void headers(HttpExchange ex, String type) {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self'; object-src 'none'; frame-ancestors 'none'");
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        bytes(ex, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        headers(ex, type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
        ex.close();
    }

    /** Stops serving and watching, and deletes the temporary folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            watcher.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        rebuilder.close();
        heartbeat.shutdownNow();
        for (OutputStream o : listeners) {
            try {
                o.close();
            } catch (IOException ignored) {
                // gone
            }
        }
        server.stop(0);
        pool.shutdownNow();
    }
}
