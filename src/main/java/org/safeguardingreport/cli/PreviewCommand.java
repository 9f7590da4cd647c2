package org.safeguardingreport.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.safeguardingreport.preview.PreviewServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Show the draft report in the browser, rebuilt on every save of a bundle file.",
                "Serves 127.0.0.1 only, with a random token in the printed address; Ctrl-C stops it."})
final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder")
    Path bundle;

    @Option(names = "--port", paramLabel = "N", description = "the port to listen on (default: any free port)")
    int port;

    @Option(names = "--open", description = "open the address in the desktop's browser")
    boolean open;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": a port is 0-65535");
        }
        if (!Files.isDirectory(bundle)) {
            err.println(bundle + ": error: no such bundle folder");
            return ExitStatus.INPUT_ERRORS;
        }
        PreviewServer server;
        try {
            server = PreviewServer.start(bundle.toAbsolutePath().normalize(), port);
        } catch (PreviewServer.PortInUse e) {
            err.println("error: " + e.getMessage());
            return ExitStatus.INPUT_ERRORS;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "preview-stop"));
        out.println("Preview of " + bundle + " at " + server.address());
        out.println("(only this address works: it holds the token; Ctrl-C stops the preview)");
        out.flush();
        if (open) {
            browse(server.address(), err);
        }
        stopped.await();
        return ExitStatus.OK;
    }

    private static void browse(String address, PrintWriter err) {
        try {
            new ProcessBuilder("xdg-open", address).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            err.println("warning: could not open a browser (" + e.getMessage() + "); open the address above by hand");
        }
    }
}
