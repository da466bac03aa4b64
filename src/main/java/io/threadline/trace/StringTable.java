package io.threadline.trace;

/**
 * Interned strings for the detail column, so events carry an int instead of a reference.
 *
 * <p>A text that is a plain decimal number below {@link #NUMBERS} ("0", "17", the items a queue
 * carries) is not kept at all: its id is {@link #NUMBER_BASE} plus the number, and the text is
 * made again when asked for. A 1,000,000-item run put a million new strings in the table and its
 * map, each made, hashed and kept (about 100 bytes an item, a fifth of a handoff's time). Every
 * way in ({@link #intern} as well as {@link #number}) gives such a text that id, so a trace read
 * from its file numbers its texts as the run did.
 *
 * <p>The lookup is an open-addressed table of ids with their hashes beside them, not a
 * {@code HashMap}: a map's entry and boxed id were two objects kept per text, and the
 * 1,000,000-item producer-consumer interns a new text ("item 1.17") for every item.
 */
public final class StringTable {
    /** Ids from here on are numbers, not table entries. */
    public static final int NUMBER_BASE = 1 << 30;
    /** Numbers below this have ids of their own. */
    public static final int NUMBERS = 1 << 30;

    private final AppendLog<String> strings = new AppendLog<>();
    /** Id + 1 of the text in each slot, 0 for an empty slot; a power of two long, at most half full. */
    private int[] slots = new int[64];
    /** The hash of the text in each slot. */
    private int[] hashes = new int[64];
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
        int id = lookUpOrAdd(s);
        last = s;
        lastId = id;
        return id;
    }

    private int lookUpOrAdd(String s) {
        int h = spread(s.hashCode());
        int mask = slots.length - 1;
        int i = h & mask;
        for (int k = slots[i]; k != 0; k = slots[i]) {
            if (hashes[i] == h && strings.get(k - 1).equals(s)) {
                return k - 1;
            }
            i = (i + 1) & mask;
        }
        int id = strings.size();
        strings.add(s);
        slots[i] = id + 1;
        hashes[i] = h;
        if (2 * (id + 1) > slots.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = oldHashes[j] & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    /** Mixes every bit of the hash into the low ones the table indexes by (MurmurHash3's finalizer). */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
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
