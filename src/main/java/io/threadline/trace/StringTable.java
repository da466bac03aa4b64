package io.threadline.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * Interned strings for the detail column, so events carry an int instead of a reference.
 *
 * <p>A text that is a plain decimal number below {@link #NUMBERS} ("0", "17", the items a queue
 * carries) is not kept at all: its id is {@link #NUMBER_BASE} plus the number, and the text is
 * made again when asked for. A 1,000,000-item run put a million new strings in the table and its
 * map, each made, hashed and kept (about 100 bytes an item, a fifth of a handoff's time). Every
 * way in ({@link #intern} as well as {@link #number}) gives such a text that id, so a trace read
 * from its file numbers its texts as the run did.
 */
public final class StringTable {
    /** Ids from here on are numbers, not table entries. */
    public static final int NUMBER_BASE = 1 << 30;
    /** Numbers below this have ids of their own. */
    public static final int NUMBERS = 1 << 30;

    private final AppendLog<String> strings = new AppendLog<>();
    private final Map<String, Integer> ids = new HashMap<>();
    // the runtime passes the same few strings again and again (a queue's name): skip the map then
    private String last;
    private int lastId = -1;

    /** The id of {@code s}, adding it if new; -1 for null. Writer side only. */
    public int intern(String s) {
        if (s == null) {
            return -1;
        }
        if (s == last) {
            return lastId;
        }
        int n = parseNumber(s);
        if (n >= 0) {
            return NUMBER_BASE + n;
        }
        Integer id = ids.get(s);
        if (id == null) {
            id = strings.size();
            strings.add(s);
            ids.put(s, id);
        }
        last = s;
        lastId = id;
        return id;
    }

    /** The id of the decimal text of {@code n}, without making it; {@code n} from 0 below {@link #NUMBERS}. */
    public static int number(int n) {
        if (n < 0 || n >= NUMBERS) {
            throw new IllegalArgumentException("not a numbered text: " + n);
        }
        return NUMBER_BASE + n;
    }

    /** Whether {@code n} has a numbered text ({@link #number}). */
    public static boolean numbered(int n) {
        return n >= 0 && n < NUMBERS;
    }

    /** The number {@code s} writes in plain decimals (no sign, no leading zero), if below {@link #NUMBERS}; else -1. */
    static int parseNumber(String s) {
        int len = s.length();
        if (len == 0 || len > 10) {
            return -1;
        }
        char c0 = s.charAt(0);
        if (c0 < '0' || c0 > '9' || (c0 == '0' && len > 1)) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < NUMBERS ? (int) v : -1;
    }

    /** The string with this id, or null for -1. */
    public String get(int id) {
        if (id >= NUMBER_BASE) {
            return Integer.toString(id - NUMBER_BASE);
        }
        return id < 0 ? null : strings.get(id);
    }

    /** Texts kept in the table (numbered texts are not). */
    public int size() {
        return strings.size();
    }
}
