package io.threadline.cli;

import io.threadline.export.AtomicFile;
import io.threadline.export.OutputPath;
import io.threadline.export.WriteFailure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files a command writes, as named on its command line: each is checked as it is named,
 * before anything is run or drawn, against what stands there, against the input, and against the
 * others (two outputs to one file would let the last one win); then all are written together,
 * so that either every output lands or none does. {@code -} (or {@code /dev/stdout}) is standard
 * output; the command's own lines then go to the error stream so they do not mix with the data.
 */
final class Outputs {
    private record Named(String option, OutputPath path) {
    }

    private final PrintStream stdout;
    private final List<Named> named = new ArrayList<>();

    /** @param stdout where {@code -} writes */
    Outputs(PrintStream stdout) {
        this.stdout = stdout;
    }

    /** The file {@code text} of {@code option}, checked now. */
    OutputPath file(String option, String text) throws UsageException {
        OutputPath p;
        if (text.equals("-") || text.equals("/dev/stdout")) {
            p = OutputPath.standardOutput(stdout);
        } else {
            Path given = usable(option, text);
            try {
                p = OutputPath.file(given);
            } catch (WriteFailure e) {
                throw cannotWrite(e);
            }
        }
        return add(option, p);
    }

    /** The folder {@code text} of {@code option}, checked now. */
    OutputPath folder(String option, String text) throws UsageException {
        if (text.equals("-")) {
            throw new UsageException(Cli.CANNOT_WRITE, option + " needs a folder, not standard output");
        }
        Path given = usable(option, text);
        try {
            return add(option, OutputPath.folder(given));
        } catch (WriteFailure e) {
            throw cannotWrite(e);
        }
    }

    private OutputPath add(String option, OutputPath p) throws UsageException {
        for (Named n : named) {
            if (p.clashesWith(n.path())) {
                throw new UsageException(Cli.CANNOT_WRITE, "cannot write " + p + ": " + n.option() + " writes "
                        + (n.path().isFolder() ? "the folder " + n.path() + " already" : "there already")
                        + " (name different files)");
            }
        }
        named.add(new Named(option, p));
        return p;
    }

    /** Refuses an output that is {@code input}, the file being read (before it is read). */
    void notInput(Path input) throws UsageException {
        for (Named n : named) {
            if (n.path().isSameFileAs(input)) {
                throw new UsageException(Cli.CANNOT_WRITE, "cannot write " + n.path() + ": it is the trace being read"
                        + " (name another file)");
            }
        }
    }

    /** Whether any output is standard output. */
    boolean toStandardOutput() {
        return named.stream().anyMatch(n -> n.path().target() == null);
    }

    /** A write failure as the command line says it: one line, the output exit status. */
    static UsageException cannotWrite(IOException e) {
        String m = e instanceof WriteFailure ? e.getMessage() : "cannot write: " + String.valueOf(e.getMessage());
        return new UsageException(Cli.CANNOT_WRITE, m);
    }

    /** Writes every output of {@code batch}: all of them, or none (one line says which failed and why). */
    static void commit(AtomicFile.Batch batch) throws UsageException {
        try {
            batch.commit();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private static Path usable(String option, String text) throws UsageException {
        if (text.isBlank()) {
            throw new UsageException(option + " needs a file name");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a usable file name: '" + text + "'");
        }
    }

    /** "to soup.png (16 KB)": where an output went and its size. */
    static String where(OutputPath p) {
        return where(p, null, null);
    }

    /** "to soup.gif (11 frames, 120 KB, 809 ms)": where an output went, {@code first}, its size, {@code last}. */
    static String where(OutputPath p, String first, String last) {
        List<String> in = new ArrayList<>();
        if (first != null) {
            in.add(first);
        }
        if (p.target() != null && !p.isStream()) {
            in.add(size(p.target()));
        }
        if (last != null) {
            in.add(last);
        }
        return "to " + (p.target() == null ? "standard output" : p.toString())
                + (in.isEmpty() ? "" : " (" + String.join(", ", in) + ")");
    }

    static String size(Path file) {
        try {
            long n = Files.size(file);
            return n < 10_000 ? n + " bytes" : String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
