package io.threadline.picture;

/** Fitting labels into room, measured by the painter that will draw them. */
final class TextFit {
    private TextFit() {
    }

    /** The longest of the candidates that fits in {@code room} pixels, or null. */
    static String fit(Painter g, TextStyle style, double room, String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isEmpty() && g.textWidth(c, style) <= room) {
                return c;
            }
        }
        return null;
    }

    /** s shortened with an ellipsis to fit {@code room} pixels ("" if not even one letter fits). */
    static String ellipsize(Painter g, String s, TextStyle style, double room) {
        if (g.textWidth(s, style) <= room) {
            return s;
        }
        int lo = 0;
        int hi = s.length() - 1;
        String best = "";
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String t = s.substring(0, mid) + "…";
            if (mid > 0 && g.textWidth(t, style) <= room) {
                best = t;
                lo = mid + 1;
            } else if (mid == 0) {
                lo = 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /**
     * s shortened to the words that fit in {@code room} pixels, with an ellipsis ("terminated
     * with…"); "" if not even the first word fits whole. Words before a colon are a phrase of
     * their own and go whole, without the rest or an ellipsis, where all of s does not fit:
     * "cut off at exit: the last non-daemon thread ended" reads "cut off at exit", where it read
     * "cut off at…" (daemon-cleaner's lesson, cut in the middle; a review of the projector's pictures).
     */
    static String ellipsizeWords(Painter g, String s, TextStyle style, double room) {
        if (g.textWidth(s, style) <= room) {
            return s;
        }
        int colon = s.indexOf(": ");
        if (colon > 0) {
            s = s.substring(0, colon);
            if (g.textWidth(s, style) <= room) {
                return s;
            }
        }
        for (int cut = s.lastIndexOf(' '); cut > 0; cut = s.lastIndexOf(' ', cut - 1)) {
            String t = s.substring(0, cut).stripTrailing() + "…";
            if (g.textWidth(t, style) <= room) {
                return t;
            }
        }
        return "";
    }
}
