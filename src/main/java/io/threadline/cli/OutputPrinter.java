package io.threadline.cli;

import io.threadline.trace.OutputLine;
import io.threadline.trace.Trace;

import java.io.PrintStream;

/** Prints a run's output lines as aligned columns: time, thread, text. */
final class OutputPrinter {
    private final Trace trace;
    private final PrintStream out;
    private int printed;
    private int timeWidth;
    private int nameWidth;

    OutputPrinter(Trace trace, PrintStream out) {
        this.trace = trace;
        this.out = out;
    }

    /** Sets the column widths for times up to {@code latest}. */
    void widths(long latest) {
        timeWidth = Cli.seconds(latest).length();
        nameWidth = 6;
        for (int t = 0; t < trace.threadCount(); t++) {
            nameWidth = Math.max(nameWidth, trace.thread(t).name().length());
        }
    }

    void printNew() {
        for (int n = trace.outputCount(); printed < n; printed++) {
            OutputLine line = trace.outputLine(printed);
            String name = trace.thread(line.thread()).name();
            nameWidth = Math.max(nameWidth, name.length());
            String time = Cli.seconds(line.time());
            // Python writes tracebacks to stderr; here they stay in order, marked.
            out.println("  " + Cli.pad(time, timeWidth, true) + "  " + Cli.pad(name, nameWidth, false) + "  "
                    + (line.error() ? "! " : "") + line.text());
        }
        out.flush();
    }
}
