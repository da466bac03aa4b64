package io.threadline.export;

import io.threadline.trace.Trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves and loads trace files. A save goes through {@link AtomicFile}, so a failed save never
 * leaves half a file where a good one was.
 */
public final class TraceFile {
    private TraceFile() {
    }

    /** Writes {@code trace} to {@code file}, replacing it only if the whole write succeeds. */
    public static void save(Trace trace, Path file) throws IOException {
        AtomicFile.write(OutputPath.file(file), content(trace));
    }

    /** The trace as the bytes of its file, for a write of several outputs at once. */
    public static AtomicFile.Content content(Trace trace) {
        return out -> TraceJsonWriter.write(trace, out);
    }

    /** Reads the trace in {@code file}; see {@link TraceJsonReader}. */
    public static Trace load(Path file) throws IOException, TraceFormatException {
        return TraceJsonReader.read(file);
    }
}
