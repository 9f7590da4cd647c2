package org.safeguardingreport.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.safeguardingreport.pipeline.ReportBuild;

/**
 * The Word editions, made only when the reader asks for them (a rebuild on every save skips them):
 * the build command's whole pipeline, once per state of the bundle.
 */
final class WordEditions {
    /** The files of a whole build, or why there are none. */
    record Result(Map<String, byte[]> files, String problem) {
    }

    private long generation = -1;
    private Result last;

    synchronized Result get(Path bundle, long generation) throws IOException {
        if (generation == this.generation && last != null) {
            return last;
        }
        ReportBuild.Outcome o = ReportBuild.run(bundle, false, null);
        if (o instanceof ReportBuild.Built b) {
            last = new Result(b.files(), null);
        } else {
            last = new Result(null, "the bundle has errors; see the messages");
        }
        this.generation = generation;
        return last;
    }
}
