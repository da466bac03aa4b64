package io.threadline.export;

import java.util.HashMap;
import java.util.Map;

/**
 * One trace event as it stands in the file: the fields a Chrome trace event may have, not yet
 * checked, each with where it is. The reader fills one instance again for every event, so
 * memory does not grow with their number. Nested values in {@code args} keep their kind only.
 */
final class RawEvent {
    int line;
    int column;
    JsonValue ph;
    JsonValue name;
    JsonValue cat;
    JsonValue ts;
    JsonValue dur;
    JsonValue pid;
    JsonValue tid;
    /** The args value itself (to tell "no args" from "args is not an object"), or null. */
    JsonValue argsValue;
    final Map<String, JsonValue> args = new HashMap<>();

    void clear(int startLine, int startColumn) {
        line = startLine;
        column = startColumn;
        ph = null;
        name = null;
        cat = null;
        ts = null;
        dur = null;
        pid = null;
        tid = null;
        argsValue = null;
        args.clear();
    }
}
