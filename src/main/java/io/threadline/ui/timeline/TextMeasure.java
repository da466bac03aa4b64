package io.threadline.ui.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/** Widths of label text, cached: a canvas cannot measure, so a Text node does it once per string. */
final class TextMeasure {
    private static final int LIMIT = 4096;
    private final Text probe = new Text();
    private final Map<Font, Map<String, Double>> widths = new HashMap<>();

    double width(String s, Font font) {
        Map<String, Double> byText = widths.computeIfAbsent(font, f -> new HashMap<>());
        Double w = byText.get(s);
        if (w == null) {
            if (byText.size() > LIMIT) {
                byText.clear();
            }
            probe.setFont(font);
            probe.setText(s);
            w = probe.getLayoutBounds().getWidth();
            byText.put(s, w);
        }
        return w;
    }

    /** The longest of the candidates that fits in {@code room} pixels, or null. */
    String fit(Font font, double room, String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isEmpty() && width(c, font) <= room) {
                return c;
            }
        }
        return null;
    }

    /** s shortened with an ellipsis to fit {@code room} pixels ("" if not even one letter fits). */
    String ellipsize(String s, Font font, double room) {
        if (width(s, font) <= room) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String t = s.substring(0, n) + "…";
            if (width(t, font) <= room) {
                return t;
            }
        }
        return "";
    }
}
