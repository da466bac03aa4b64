package io.threadline.ui;

import io.threadline.ui.timeline.TimelineView;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build puts each stylesheet's binary form beside it (JavaFX reads x.bss for x.css when there
 * is one, to spare the parse at start-up). A .bss older than its .css would style the window with
 * yesterday's rules and nobody would see why: each must hold exactly the rules of its text.
 */
class StylesheetBinaryTest {

    @ParameterizedTest
    @ValueSource(strings = {"/io/threadline/ui/threadline.css", "/io/threadline/ui/timeline/timeline.css"})
    void theBinaryFormHoldsTheSameRulesAsTheText(String css) throws Exception {
        URL text = TimelineView.class.getResource(css);
        URL binary = TimelineView.class.getResource(css.replace(".css", ".bss"));
        assertThat(text).isNotNull();
        assertThat(binary).as("made by the build (pom: binary-css)").isNotNull();
        List<String> parsed = rules(new CssParser().parse(text));
        List<String> loaded = rules(Stylesheet.loadBinary(binary));
        assertThat(parsed).hasSizeGreaterThan(20);
        assertThat(loaded).containsExactlyElementsOf(parsed);
    }

    @Test
    void runFromAFolderOfClassesTheWindowParsesTheTextWhichMayBeNewerThanItsBinaryForm() {
        String before = System.getProperty("binary.css");
        try {
            System.clearProperty("binary.css");
            assertThat(TimelineView.class.getResource("/io/threadline/ui/threadline.css").getProtocol())
                    .as("the tests run from target/classes").isEqualTo("file");
            ThreadlineApp.preferFreshStylesheets();
            assertThat(System.getProperty("binary.css")).isEqualTo("false");
            System.setProperty("binary.css", "true");
            ThreadlineApp.preferFreshStylesheets();
            assertThat(System.getProperty("binary.css")).as("a choice made on the command line stays").isEqualTo("true");
        } finally {
            if (before == null) {
                System.clearProperty("binary.css");
            } else {
                System.setProperty("binary.css", before);
            }
        }
    }

    /** Each rule as its selectors and its declarations (property, value, !important). */
    private static List<String> rules(Stylesheet s) {
        List<String> out = new ArrayList<>();
        for (Rule r : s.getRules()) {
            StringBuilder b = new StringBuilder(r.getSelectors().toString());
            for (Declaration d : r.getDeclarations()) {
                b.append(" | ").append(d.getProperty()).append(": ").append(d.getParsedValue())
                        .append(d.isImportant() ? " !important" : "");
            }
            out.add(b.toString());
        }
        return out;
    }
}
