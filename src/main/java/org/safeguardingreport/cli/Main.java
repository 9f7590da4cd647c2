package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line of cli.md. Exit status: 0 done, 1 errors in the input (or a refused final
 * check), 2 wrong usage, 3 an internal fault (one line on the terminal, the details in a file).
 */
@Command(name = "build-report.sh", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {AmalgamateCommand.class, BuildCommand.class, CheckCommand.class, InitCommand.class, PreviewCommand.class,
                VerifyCommand.class,
                DashboardCommand.class, ImportDataCommand.class, ImportDocxCommand.class,
                CommandLine.HelpCommand.class},
        description = "Safeguarding Children Annual Report and Annual Assurance Audit from a report bundle.",
        footer = {"", "Exit status: 0 done, 1 the input has errors, 2 wrong usage, 3 internal fault."})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, check, init, preview, verify, amalgamate, dashboard, import-data or import-docx");
    }

    public static void main(String[] args) {
        // charts are drawn off screen, the same on every machine
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command with the given streams; answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("internal error: " + summary(ex));
            String where = writeCrashReport(ex, parsed.originalArgs());
            cmd.getErr().println(where == null ? "  (the details could not be written to a file)"
                    : "  the details are in " + where + "; please send that file with your report of the problem");
            cmd.getErr().flush();
            return ExitStatus.INTERNAL;
        });
        int status = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return status;
    }

    private static String summary(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static String writeCrashReport(Throwable t, java.util.List<String> args) {
        try {
            Path f = Files.createTempFile("safeguarding-report-crash-", ".txt");
            StringWriter s = new StringWriter();
            s.write("arguments: " + args + "\nversion: " + new Version().getVersion()[0] + "\njava: "
                    + System.getProperty("java.version") + "\n\n");
            t.printStackTrace(new PrintWriter(s));
            Files.writeString(f, s.toString());
            return f.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"safeguarding-report " + (v == null ? "development" : v)};
        }
    }
}
