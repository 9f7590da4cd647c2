import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A warm rebuild, as a watch mode would do it: one JVM runs `build BUNDLE` N times (PDF, Word and
 * audit each time, into a fresh folder) and prints each run's wall time in milliseconds.
 *
 *     java -cp target/safeguarding-report.jar bench/WarmRebuild.java BUNDLE N
 */
public class WarmRebuild {
    public static void main(String[] args) throws Exception {
        String bundle = args[0];
        int n = Integer.parseInt(args[1]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            Path out = Files.createTempDirectory("warm-");
            long t = System.nanoTime();
            int status = org.safeguardingreport.cli.Main.run(new String[] {"build", bundle, "-o", out.resolve("o").toString()},
                    quiet, quiet);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            if (status != 0) {
                throw new IllegalStateException("build exited " + status);
            }
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        // the first runs warm the JIT up; the median of the last half is the steady state
        long[] tail = Arrays.copyOfRange(ms, n / 2, n);
        Arrays.sort(tail);
        System.out.println("runs_ms " + Arrays.toString(ms));
        System.out.println("first_ms " + ms[0]);
        System.out.println("warm_median_ms " + tail[tail.length / 2]);
    }
}
