package io.threadline.trace;

import java.util.HashMap;
import java.util.Map;

/** Interned strings for the detail column, so events carry an int instead of a reference. */
public final class StringTable {
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

    /** The string with this id, or null for -1. */
    public String get(int id) {
        return id < 0 ? null : strings.get(id);
    }

    public int size() {
        return strings.size();
    }
}
