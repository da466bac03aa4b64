package io.threadline.picture;

import java.util.EnumMap;
import java.util.Map;

/**
 * The colours of a picture: the light and dark themes of the window's timeline (the values of
 * {@code timeline.css}; a test keeps the two in step), or the colours the window has in force.
 */
public final class PictureTheme {
    public static final PictureTheme LIGHT = new PictureTheme("light", Map.ofEntries(
            Map.entry(Ink.BACKGROUND, "#ffffff"), Map.entry(Ink.LANE_ALT, "#f5f7f9"),
            Map.entry(Ink.GUTTER, "#f1f3f6"), Map.entry(Ink.BORDER, "#c9d1d9"),
            Map.entry(Ink.RULER, "#fafbfc"), Map.entry(Ink.TEXT, "#1b1f24"),
            Map.entry(Ink.MUTED_TEXT, "#57606a"), Map.entry(Ink.GRID, "#e6eaee"),
            Map.entry(Ink.SELECTION, "#dcebfb"), Map.entry(Ink.ACCENT, "#0b5cad"),
            Map.entry(Ink.PROCESS_HEADER, "#e6ebf1"), Map.entry(Ink.RUNNING, "#00866b"),
            Map.entry(Ink.RUNNING_TEXT, "#ffffff"), Map.entry(Ink.RUNNABLE, "#e69f00"),
            Map.entry(Ink.RUNNABLE_FILL, "#fdf0d2"), Map.entry(Ink.RUNNABLE_TEXT, "#3d2a00"),
            Map.entry(Ink.WAITING, "#0072b2"), Map.entry(Ink.WAITING_FILL, "#d6ecfa"),
            Map.entry(Ink.WAITING_TEXT, "#06324f"), Map.entry(Ink.NEW, "#b5508a"),
            Map.entry(Ink.NEW_TEXT, "#7a2c5b"), Map.entry(Ink.RETURNED, "#1b1f24"),
            Map.entry(Ink.FAILED, "#d55e00"), Map.entry(Ink.MIXED, "#6e7781"),
            Map.entry(Ink.ARROW, "#4b5563"), Map.entry(Ink.COUNTER, "#374151"),
            Map.entry(Ink.COUNTER_FILL, "#dde2e8"), Map.entry(Ink.RESULT_MAP, "#d55e00"),
            Map.entry(Ink.RESULT_UNORDERED, "#0072b2"), Map.entry(Ink.PLAYHEAD, "#c2185b"),
            Map.entry(Ink.PLAYHEAD_TEXT, "#ffffff")));

    public static final PictureTheme DARK = new PictureTheme("dark", Map.ofEntries(
            Map.entry(Ink.BACKGROUND, "#15181d"), Map.entry(Ink.LANE_ALT, "#1a1e24"),
            Map.entry(Ink.GUTTER, "#1c2027"), Map.entry(Ink.BORDER, "#3a414b"),
            Map.entry(Ink.RULER, "#1c2027"), Map.entry(Ink.TEXT, "#eef1f4"),
            Map.entry(Ink.MUTED_TEXT, "#a3adb8"), Map.entry(Ink.GRID, "#262b33"),
            Map.entry(Ink.SELECTION, "#1d3350"), Map.entry(Ink.ACCENT, "#6cb6ff"),
            Map.entry(Ink.PROCESS_HEADER, "#232830"), Map.entry(Ink.RUNNING, "#2fbf94"),
            Map.entry(Ink.RUNNING_TEXT, "#07140f"), Map.entry(Ink.RUNNABLE, "#f0b429"),
            Map.entry(Ink.RUNNABLE_FILL, "#3a2f15"), Map.entry(Ink.RUNNABLE_TEXT, "#ffe8b0"),
            Map.entry(Ink.WAITING, "#56b4e9"), Map.entry(Ink.WAITING_FILL, "#15334a"),
            Map.entry(Ink.WAITING_TEXT, "#dff1fc"), Map.entry(Ink.NEW, "#e38fbf"),
            Map.entry(Ink.NEW_TEXT, "#f3c3de"), Map.entry(Ink.RETURNED, "#eef1f4"),
            Map.entry(Ink.FAILED, "#ff8a3d"), Map.entry(Ink.MIXED, "#98a2ad"),
            Map.entry(Ink.ARROW, "#b8c0ca"), Map.entry(Ink.COUNTER, "#d1d7de"),
            Map.entry(Ink.COUNTER_FILL, "#2c333c"), Map.entry(Ink.RESULT_MAP, "#ff8a3d"),
            Map.entry(Ink.RESULT_UNORDERED, "#56b4e9"), Map.entry(Ink.PLAYHEAD, "#ff5c9a"),
            Map.entry(Ink.PLAYHEAD_TEXT, "#15181d")));

    private final String name;
    private final EnumMap<Ink, Rgb> colors = new EnumMap<>(Ink.class);

    private PictureTheme(String name, Map<Ink, String> hex) {
        this.name = name;
        for (Ink k : Ink.values()) {
            String h = hex.get(k);
            if (h == null) {
                throw new IllegalArgumentException("theme " + name + " has no colour for " + k);
            }
            colors.put(k, Rgb.of(h));
        }
    }

    private PictureTheme(String name, EnumMap<Ink, Rgb> colors) {
        this.name = name;
        this.colors.putAll(colors);
    }

    /** This theme with some colours replaced (the window's, as its CSS resolved them). */
    public PictureTheme with(Map<Ink, Rgb> replaced) {
        EnumMap<Ink, Rgb> c = new EnumMap<>(colors);
        c.putAll(replaced);
        return new PictureTheme(name, c);
    }

    /** "light" or "dark" (also for a theme derived from one of them). */
    public String name() {
        return name;
    }

    public Rgb color(Ink ink) {
        return colors.get(ink);
    }

    /** The theme called {@code name} ("light" or "dark"), or null. */
    public static PictureTheme named(String name) {
        return switch (name) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            default -> null;
        };
    }
}
