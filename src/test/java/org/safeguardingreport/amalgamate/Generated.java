package org.safeguardingreport.amalgamate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Providers' bundles made by the project's generator (shared/tools/gen-providers.py, beside the project),
 * and last year's reports made from them.
 */
final class Generated {
    private Generated() {
    }

    static Path generator() {
        Path home = Path.of(System.getProperty("report.home", ".")).toAbsolutePath().normalize();
        for (Path p : List.of(home.resolveSibling("shared").resolve("tools/gen-providers.py"),
                Path.of("/work/shared/tools/gen-providers.py"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the provider generator shared/tools/gen-providers.py is not beside the project ("
                + home.resolveSibling("shared") + ")");
    }

    /** {@code count} bundles of seed {@code seed} in {@code out}, in folder-name order. */
    static List<Path> providers(Path out, int count, int seed) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", generator().toString(), "--count", String.valueOf(count), "--out",
                out.toString(), "--seed", String.valueOf(seed)).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("gen-providers.py failed: " + said);
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /**
     * The same provider's report of the year before: reporting 2022/23, with only that year's data, and
     * priorities of its own (each line ending with {@code marker}).
     */
    static Path lastYear(Path bundle, Path out, String marker) throws IOException {
        copyTree(bundle, out);
        Path report = out.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace("2023/24", "2022/23"));
        Files.delete(out.resolve("data/2023-24.json"));
        Files.writeString(out.resolve("narrative/priorities.md"), "1. Bring supervision to Green " + marker + ".\n"
                + "2. Publish the statement of commitment " + marker + ".\n");
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            Path t = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(t);
            } else {
                Files.copy(p, t);
            }
        }
    }
}
