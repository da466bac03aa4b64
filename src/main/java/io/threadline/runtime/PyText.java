package io.threadline.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/** Python's str() of a Java value, so printed lines read as the Python program's do. */
final class PyText {
    private PyText() {
    }

    static String of(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            c.forEach(x -> j.add(repr(x)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, x) -> j.add(repr(k) + ": " + repr(x)));
            return j.toString();
        }
        return String.valueOf(v);
    }

    /** Inside a list Python shows repr(): strings quoted. */
    private static String repr(Object v) {
        return v instanceof String s ? "'" + s + "'" : of(v);
    }
}
