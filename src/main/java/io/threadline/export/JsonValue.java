package io.threadline.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON value read from a trace file, with where it starts, so a check made after the whole
 * value is read can still point at it. Scalars keep their text; containers their content
 * (in file order). Used for {@code otherData} and for the scalar {@code args} of events.
 */
final class JsonValue {
    enum Kind { STRING, INTEGER, FLOAT, BIG_INTEGER, BOOLEAN, NULL, OBJECT, ARRAY }

    final Kind kind;
    final int line;
    final int column;
    /** The string, or the number as written, or "true"/"false"/"null". */
    final String text;
    final long longValue;
    final double doubleValue;
    /** Object members in file order, or null. */
    final Map<String, JsonValue> fields;
    /** Array items, or null. */
    final List<JsonValue> items;

    private JsonValue(Kind kind, int line, int column, String text, long longValue, double doubleValue,
                      Map<String, JsonValue> fields, List<JsonValue> items) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.longValue = longValue;
        this.doubleValue = doubleValue;
        this.fields = fields;
        this.items = items;
    }

    static JsonValue string(String s, int line, int column) {
        return new JsonValue(Kind.STRING, line, column, s, 0, 0, null, null);
    }

    static JsonValue integer(long v, String text, int line, int column) {
        return new JsonValue(Kind.INTEGER, line, column, text, v, v, null, null);
    }

    static JsonValue bigInteger(String text, int line, int column) {
        return new JsonValue(Kind.BIG_INTEGER, line, column, text, 0, Double.POSITIVE_INFINITY, null, null);
    }

    static JsonValue floating(double v, String text, int line, int column) {
        return new JsonValue(Kind.FLOAT, line, column, text, 0, v, null, null);
    }

    static JsonValue bool(boolean v, int line, int column) {
        return new JsonValue(Kind.BOOLEAN, line, column, Boolean.toString(v), v ? 1 : 0, 0, null, null);
    }

    static JsonValue nullValue(int line, int column) {
        return new JsonValue(Kind.NULL, line, column, "null", 0, 0, null, null);
    }

    static JsonValue object(Map<String, JsonValue> fields, int line, int column) {
        return new JsonValue(Kind.OBJECT, line, column, null, 0, 0, fields, null);
    }

    static JsonValue array(List<JsonValue> items, int line, int column) {
        return new JsonValue(Kind.ARRAY, line, column, null, 0, 0, null, items);
    }

    boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.FLOAT || kind == Kind.BIG_INTEGER;
    }

    boolean isScalar() {
        return kind != Kind.OBJECT && kind != Kind.ARRAY;
    }

    /** What the value is, for messages: "a string (\"abc\")", "a number (1.5)", "an object". */
    String describe() {
        switch (kind) {
            case STRING:
                return "a string (" + quote(text) + ")";
            case INTEGER:
            case FLOAT:
            case BIG_INTEGER:
                return isNonFinite() ? text : "a number (" + shorten(text) + ")";
            case BOOLEAN:
                return text;
            case NULL:
                return "null";
            case OBJECT:
                return "an object";
            default:
                return "an array";
        }
    }

    boolean isNonFinite() {
        return kind == Kind.FLOAT && (Double.isNaN(doubleValue) || Double.isInfinite(doubleValue));
    }

    /** A file's text quoted for a one-line message, cut to a readable length. */
    static String quote(String s) {
        return "'" + shorten(s) + "'";
    }

    static String shorten(String s) {
        String one = s.replaceAll("[\\r\\n\\t]", " ");
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (text != null ? " " + text : "");
    }
}
