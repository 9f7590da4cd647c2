package org.safeguardingreport.preview;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches the bundle folder and every folder under it (narrative/, data/, images/, and any made
 * later) with the JDK's WatchService, and calls back on every change; the caller debounces.
 */
final class BundleWatcher implements AutoCloseable {
    private final WatchService watch;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Runnable changed;
    private final Thread thread;

    BundleWatcher(Path root, Runnable changed) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.changed = changed;
        registerTree(root);
        thread = new Thread(this::loop, "preview-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                dirs.put(d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path dir = dirs.get(key);
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && dir != null
                            && e.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                        try {
                            registerTree(dir.resolve(name));
                        } catch (IOException ignored) {
                            // gone again already
                        }
                    }
                }
                if (!key.reset()) {
                    dirs.remove(key);
                }
                changed.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
