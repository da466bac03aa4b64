package io.threadline.trace;

import java.util.List;

/**
 * A run's picks as the list that makes it again ({@code --choices 2,0,1}): written, read, and cut
 * to what is needed, since after a run's last pick that was not its own order's the order makes
 * the same picks by itself.
 */
public final class ChoiceList {
    private ChoiceList() {
    }

    /** Every pick of {@code trace}, in order. */
    public static int[] all(Trace trace) {
        return trace.choices().stream().mapToInt(Choice::pick).toArray();
    }

    /** The picks up to the last one that was not the run's own order's: empty for a run of its own order. */
    public static int[] needed(List<Choice> choices) {
        int last = -1;
        for (int i = 0; i < choices.size(); i++) {
            if (!choices.get(i).own()) {
                last = i;
            }
        }
        int[] out = new int[last + 1];
        for (int i = 0; i <= last; i++) {
            out[i] = choices.get(i).pick();
        }
        return out;
    }

    public static int[] needed(Trace trace) {
        return needed(trace.choices());
    }

    /** "2,0,1". */
    public static String format(int[] picks) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < picks.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(picks[i]);
        }
        return b.toString();
    }

    /**
     * The picks in {@code text} ("2,0,1"; spaces allowed, empty for none).
     *
     * @throws IllegalArgumentException naming the first entry that is not a whole number from 0
     */
    public static int[] parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            int v;
            try {
                v = p.isEmpty() || p.startsWith("+") ? -1 : Integer.parseInt(p);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0) {
                throw new IllegalArgumentException("entry " + (i + 1) + " is '" + p + "', not a candidate's number"
                        + " (0, 1, 2 ...)");
            }
            out[i] = v;
        }
        return out;
    }
}
