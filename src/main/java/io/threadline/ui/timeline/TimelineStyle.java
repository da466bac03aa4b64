package io.threadline.ui.timeline;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;

/**
 * The timeline's colours as styleable properties, one per {@link PaletteKey}, so themes
 * (light, dark, a teacher's own) are plain CSS. Any change yields a new {@link TimelinePalette}.
 */
final class TimelineStyle {
    private final EnumMap<PaletteKey, StyleableObjectProperty<Color>> properties = new EnumMap<>(PaletteKey.class);
    private TimelinePalette palette = TimelinePalette.fallback();
    private boolean stale;

    TimelineStyle(Styleable owner, Runnable onChange) {
        for (PaletteKey k : PaletteKey.values()) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(
                    metaData(k), owner, k.name().toLowerCase(), k.fallback());
            p.addListener((obs, was, now) -> {
                stale = true;
                onChange.run();
            });
            properties.put(k, p);
        }
    }

    StyleableObjectProperty<Color> property(PaletteKey key) {
        return properties.get(key);
    }

    /** The palette in force; rebuilt lazily after CSS changed a colour. */
    TimelinePalette palette() {
        if (stale) {
            EnumMap<PaletteKey, Color> now = new EnumMap<>(PaletteKey.class);
            properties.forEach((k, p) -> now.put(k, p.get()));
            palette = new TimelinePalette(now);
            stale = false;
        }
        return palette;
    }

    // ---- CSS metadata, shared by every instance

    private static final EnumMap<PaletteKey, CssMetaData<TimelineView, Color>> META = new EnumMap<>(PaletteKey.class);

    static {
        for (PaletteKey k : PaletteKey.values()) {
            META.put(k, new CssMetaData<TimelineView, Color>(k.cssProperty(), StyleConverter.getColorConverter(),
                    k.fallback()) {
                @Override
                public boolean isSettable(TimelineView node) {
                    return !node.style().property(k).isBound();
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(TimelineView node) {
                    return node.style().property(k);
                }
            });
        }
    }

    private static CssMetaData<TimelineView, Color> metaData(PaletteKey key) {
        return META.get(key);
    }

    /** The inherited metadata plus one entry per palette colour. */
    static List<CssMetaData<? extends Styleable, ?>> cssMetaData(List<CssMetaData<? extends Styleable, ?>> inherited) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
        all.addAll(META.values());
        return Collections.unmodifiableList(all);
    }
}
