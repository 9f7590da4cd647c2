package org.safeguardingreport.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a bundle, wherever they are: a folder, or the files a final PDF carries. This is the
 * one place that knows a bundle's layout (report.json, audit.json, data/, narrative/, images/); the
 * loader reads through it and nothing after the loader reads a bundle again. Paths are relative, with '/'.
 */
public interface BundleFiles {
    String REPORT = "report.json";
    String AUDIT = "audit.json";
    String DATA = "data";
    String NARRATIVE = "narrative";
    String IMAGES = "images";

    /** The files a final PDF may carry, by their path inside the bundle; nothing else is taken from one. */
    Pattern CARRIED = Pattern.compile("(report|audit)\\.json|data/[0-9-]+\\.json|narrative/[^/]+\\.md|images/[^\\\\]+");

    /** Where the bundle is: its folder, or the PDF that carries it (templates are looked for beside it). */
    Path location();

    /** The bundle's own name: its folder's name. */
    String name();

    boolean isFile(String path);

    boolean isFolder(String path);

    /** What {@code folder} holds directly, sorted: file names, and folder names ending in '/'. */
    List<String> list(String folder) throws IOException;

    /**
     * The file's bytes, at most {@code max} of them (an IOException says why it cannot be read); a
     * link that leads out of the bundle is never followed.
     */
    byte[] read(String path, long max) throws IOException;

    /** Whether the path is a link that leads out of its folder (only a folder on disk has links). */
    default boolean leadsOutside(String path) {
        return false;
    }

    /** Whether a file belongs to the narrative (its sections and pictures) rather than to the report's data. */
    static boolean isNarrative(String path) {
        return path.startsWith(NARRATIVE + "/") || path.startsWith(IMAGES + "/");
    }

    static BundleFiles folder(Path root) {
        return new Folder(root);
    }

    /** The files a final PDF carries ({@code pdf} names it in messages); only what a bundle holds is taken. */
    static BundleFiles carried(Path pdf, Map<String, byte[]> files) {
        return new Carried(pdf, files);
    }

    /** A bundle folder on disk. */
    record Folder(Path root) implements BundleFiles {
        public Path location() {
            return root;
        }

        public String name() {
            Path name = root.toAbsolutePath().normalize().getFileName();
            return name == null ? "bundle" : name.toString();
        }

        private Path at(String path) {
            return root.resolve(path);
        }

        public boolean isFile(String path) {
            return Files.isRegularFile(at(path));
        }

        public boolean isFolder(String path) {
            return Files.isDirectory(at(path));
        }

        public List<String> list(String folder) throws IOException {
            List<String> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(at(folder))) {
                for (Path p : s.sorted().toList()) {
                    out.add(p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
                }
            }
            return out;
        }

        public boolean leadsOutside(String path) {
            Path p = at(path);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                Path folder = p.getParent().toRealPath();
                return !p.toRealPath().startsWith(folder) || !Files.isRegularFile(p);
            } catch (IOException e) {
                return true;
            }
        }

        public byte[] read(String path, long max) throws IOException {
            if (path.contains("..") || leadsOutside(path)) {
                throw new IOException(path + " leads outside the bundle");
            }
            Path p = at(path);
            if (Files.size(p) > max) {
                throw new IOException("it is larger than " + (max >> 20) + " MB");
            }
            try (InputStream in = Files.newInputStream(p)) {
                return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
            }
        }
    }

    /** The bundle files a final PDF carries. */
    final class Carried implements BundleFiles {
        private final Path pdf;
        private final Map<String, byte[]> files = new TreeMap<>();

        Carried(Path pdf, Map<String, byte[]> carried) {
            this.pdf = pdf;
            carried.forEach((path, bytes) -> {
                if (!path.contains("..") && CARRIED.matcher(path).matches()) {
                    files.put(path, bytes);
                }
            });
        }

        public Path location() {
            return pdf;
        }

        public String name() {
            String n = pdf.getFileName() == null ? "bundle" : pdf.getFileName().toString();
            return n.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? n.substring(0, n.length() - 4) : n;
        }

        public boolean isFile(String path) {
            return files.containsKey(path);
        }

        public boolean isFolder(String path) {
            // a PDF that carries the report carries its narrative, even when no section was written
            return path.equals(NARRATIVE) || files.keySet().stream().anyMatch(f -> f.startsWith(path + "/"));
        }

        public List<String> list(String folder) {
            TreeSet<String> out = new TreeSet<>();
            for (String f : files.keySet()) {
                if (f.startsWith(folder + "/")) {
                    String rest = f.substring(folder.length() + 1);
                    int slash = rest.indexOf('/');
                    out.add(slash < 0 ? rest : rest.substring(0, slash + 1));
                }
            }
            return new ArrayList<>(out);
        }

        public byte[] read(String path, long max) throws IOException {
            byte[] b = files.get(path);
            if (b == null) {
                throw new NoSuchFileException(path);
            }
            if (b.length > max) {
                throw new IOException("it is larger than " + (max >> 20) + " MB");
            }
            return b;
        }
    }
}
