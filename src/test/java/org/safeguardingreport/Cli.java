package org.safeguardingreport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.safeguardingreport.cli.Main;

/** Runs the command line in this JVM, as a user would type it, and keeps what it printed. */
public record Cli(int status, String out, String err) {

    public static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The diagnostic lines (not the hints) on standard error. */
    public List<String> diagnostics() {
        return err.lines().filter(l -> !l.startsWith("  ")).toList();
    }

    /** The first diagnostic line that starts with {@code prefix} (file:line:col: severity), or a failure. */
    public String line(String prefix) {
        return err.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no diagnostic starting " + prefix + " in:\n" + err));
    }

    /** The hint printed under the diagnostic that starts with {@code prefix}. */
    public String hintOf(String prefix) {
        List<String> lines = err.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith(prefix) && lines.get(i + 1).startsWith("  hint: ")) {
                return lines.get(i + 1).substring("  hint: ".length());
            }
        }
        throw new AssertionError("no hint under " + prefix + " in:\n" + err);
    }
}
