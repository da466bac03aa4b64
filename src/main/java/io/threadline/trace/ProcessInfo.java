package io.threadline.trace;

/** A simulated process: its threads share one GIL when the GIL is on. */
public record ProcessInfo(int id, String name) {
}
