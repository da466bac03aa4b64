package io.threadline.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;

/** The two looks: AtlantaFX Primer light or dark as the base, Threadline's own stylesheet on top. */
public enum Theme {
    LIGHT,
    DARK;

    /** Makes this theme the application's; {@code root} gets the matching style class. */
    public void apply(Parent root) {
        String base = this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        // the same sheet again would be loaded and partitioned anew: the window sets it once before it is built
        if (!base.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(base);
        }
        if (root != null) {
            root.getStyleClass().removeAll("theme-light", "theme-dark");
            root.getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
        }
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
