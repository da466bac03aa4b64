package io.threadline.ui.timeline;

import io.threadline.picture.Ink;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.Rgb;
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
import java.util.Locale;

/**
 * The timeline's colours as styleable properties, one per {@link Ink} ({@code -tl-running} ...),
 * so themes (light, dark, a teacher's own) are plain CSS. Before CSS applies, each colour is the
 * light theme's ({@link PictureTheme#LIGHT}, the one table of colours; timeline.css holds the same
 * values). Any change yields a new {@link PictureTheme}, which the tracks draw with as exports do.
 */
final class TimelineStyle {
    private final EnumMap<Ink, StyleableObjectProperty<Color>> properties = new EnumMap<>(Ink.class);
    private PictureTheme theme = PictureTheme.LIGHT;
    private boolean stale;

    TimelineStyle(Styleable owner, Runnable onChange) {
        for (Ink k : Ink.values()) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(
                    META.get(k), owner, k.name().toLowerCase(Locale.ROOT), fallback(k));
            p.addListener((obs, was, now) -> {
                stale = true;
                onChange.run();
            });
            properties.put(k, p);
        }
    }

    private static Color fallback(Ink k) {
        return CanvasPainter.color(PictureTheme.LIGHT.color(k));
    }

    StyleableObjectProperty<Color> property(Ink key) {
        return properties.get(key);
    }

    /** The colours in force; rebuilt lazily after CSS changed one. Opaque: an alpha in CSS is dropped. */
    PictureTheme theme() {
        if (stale) {
            EnumMap<Ink, Rgb> now = new EnumMap<>(Ink.class);
            properties.forEach((k, p) -> {
                Color c = p.get();
                if (c != null) {
                    now.put(k, new Rgb((int) Math.round(c.getRed() * 255) << 16
                            | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255)));
                }
            });
            theme = PictureTheme.LIGHT.with(now);
            stale = false;
        }
        return theme;
    }

    // ---- CSS metadata, shared by every instance

    private static final EnumMap<Ink, CssMetaData<TimelineView, Color>> META = new EnumMap<>(Ink.class);

    static {
        for (Ink k : Ink.values()) {
            META.put(k, new CssMetaData<TimelineView, Color>(k.cssProperty(), StyleConverter.getColorConverter(),
                    fallback(k)) {
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

    /** The inherited metadata plus one entry per colour. */
    static List<CssMetaData<? extends Styleable, ?>> cssMetaData(List<CssMetaData<? extends Styleable, ?>> inherited) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
        all.addAll(META.values());
        return Collections.unmodifiableList(all);
    }
}
