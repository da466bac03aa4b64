package io.threadline.ui;

import io.threadline.picture.TimelineRows;
import io.threadline.testing.Scenarios;
import io.threadline.testing.TextRecorder;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.timeline.TimelineView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.kordamp.ikonli.javafx.FontIcon;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario's default run on a projector's 1280×720 and on a desk's 1920×1080, in the normal
 * window and in presentation mode: every thread's lane is on screen whole (not scrolled away, not
 * cut at the view's foot), every row's words stay in its row and off each other's, the five
 * state names of the legend are whole, and in presentation mode no text of the window is under
 * 18 px.
 */
class ProjectorLayoutTest extends FxTestBase {
    private static final double[][] SIZES = {{1280, 720}, {1920, 1080}};

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void everyLaneAndEveryStateNameIsOnScreen(String id) {
        fx(() -> c.layout().setFullScreen(false));
        runToEnd(id);
        for (double[] size : SIZES) {
            for (boolean presentation : new boolean[]{false, true}) {
                String where = id + " at " + (int) size[0] + "x" + (int) size[1]
                        + (presentation ? " in presentation mode" : "");
                fx(() -> {
                    c.setPresentation(presentation);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                waitUntil("the window is " + where, () -> stage.getScene().getWidth() == size[0]
                        && c.root().getStyleClass().contains("presentation") == presentation);
                settle();
                lanesOnScreen(where);
                legendWhole(where);
                toolbarWordsWhole(where);
                bannerWhole(where);
                rowsKeepTheirText(where);
                tourWordsWhole(where);
                // last: the other checks lay the window out again, and the news must survive that
                newsInWholeSentences(where);
                if (presentation) {
                    textLargeEnough(where);
                    // and with every folded part opened
                    fx(() -> {
                        for (WindowLayout.Part p : WindowLayout.Part.values()) {
                            c.layout().toggle(p);
                        }
                    });
                    settle();
                    textLargeEnough(where + " with every part open");
                    legendWhole(where + " with every part open");
                    fx(() -> {
                        for (WindowLayout.Part p : WindowLayout.Part.values()) {
                            c.layout().toggle(p);
                        }
                    });
                }
            }
        }
        fx(() -> c.setPresentation(false));
    }

    /** A few pulses: the lanes are fitted in the layout after the window's size changed. */
    private void settle() {
        for (int i = 0; i < 3; i++) {
            fx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
        }
    }

    private void lanesOnScreen(String where) {
        TimelineView v = c.timeline();
        fx(() -> {
            Trace t = c.playback().getTrace();
            Bounds view = v.localToScene(v.getLayoutBounds());
            assertThat(view.getMinY()).as(where + ": the timeline's top is in the window").isGreaterThanOrEqualTo(0);
            assertThat(view.getMaxY()).as(where + ": the timeline's foot is in the window")
                    .isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
            for (int thread = 0; thread < t.threadCount(); thread++) {
                Bounds lane = v.laneBounds(thread);
                String name = where + ": lane of " + t.thread(thread).name();
                assertThat(lane).as(name).isNotNull();
                assertThat(lane.getMinY()).as(name + " is below the ruler, not scrolled away")
                        .isGreaterThanOrEqualTo(v.rulerHeight() - 0.5);
                assertThat(lane.getMaxY()).as(name + " is not cut at the view's foot")
                        .isLessThanOrEqualTo(v.getHeight() + 0.5);
                assertThat(lane.getHeight()).as(name + " holds its name")
                        .isGreaterThanOrEqualTo(presentation() ? 25 : 19);
            }
            // on a projector a pool's results rows, its lesson, are on screen too, not below the
            // fold; all but pool-the-rest's six, whose last one needs the scroll bar at 1280x720
            // (nine lanes and six rows at their least heights are taller than the view)
            boolean sixCalls = "pool-the-rest".equals(t.scenario()) && stage.getScene().getHeight() < 800;
            for (io.threadline.picture.TimelineRows.Row r : v.rows().rows()) {
                if (presentation() && !sixCalls && r.track() instanceof io.threadline.picture.ResultsTrack results) {
                    assertThat(v.rulerHeight() + r.y() + r.height()).as(where + ": the results row of "
                            + results.variant() + " is on screen").isLessThanOrEqualTo(v.getHeight() + 0.5);
                }
            }
            return null;
        });
    }

    /**
     * Every word a row writes (its name, its header lines, its labels) stays in its own row's
     * height, and a name in the gutter ends before the body: no row's text runs into another's.
     */
    private void rowsKeepTheirText(String where) {
        TimelineView v = c.timeline();
        fx(() -> {
            TextRecorder g = new TextRecorder();
            v.paintRowsOn(g);
            List<TimelineRows.Row> rows = v.rows().rows();
            double off = v.laneBounds(0).getMinY() - v.rows().rowOf(0).y();
            List<String> out = new ArrayList<>();
            for (TextRecorder.Written w : g.written()) {
                double mid = (w.top() + w.bottom()) / 2;
                TimelineRows.Row row = v.rows().rowAt(mid - off);
                if (row == null) {
                    out.add(w + " is in no row");
                    continue;
                }
                double top = off + row.y();
                String name = row.track().getClass().getSimpleName() + " at y " + Math.round(top) + ".."
                        + Math.round(top + row.height());
                if (w.top() < top - 1 || w.bottom() > top + row.height() + 1) {
                    out.add(w + " runs out of its row, " + name);
                }
                if (w.left() < v.gutterWidth() && w.right() > v.gutterWidth() + 1) {
                    out.add(w + " runs out of the names' column, " + name);
                }
            }
            // nor do two texts lie on each other (a results row's values on its times)
            List<TextRecorder.Written> all = g.written();
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    TextRecorder.Written a = all.get(i);
                    TextRecorder.Written b = all.get(j);
                    if (a.left() < b.right() - 1 && b.left() < a.right() - 1 && a.top() < b.bottom() - 1
                            && b.top() < a.bottom() - 1) {
                        out.add(a + " lies on " + b);
                    }
                }
            }
            assertThat(out).as(where + ": " + rows.size() + " rows' texts").isEmpty();
            return null;
        });
    }

    private boolean presentation() {
        return c.layout().presentation();
    }

    private void legendWhole(String where) {
        fx(() -> {
            Node legend = c.root().lookup(".timeline-legend");
            Bounds box = legend.localToScene(legend.getLayoutBounds());
            for (ThreadState s : ThreadState.values()) {
                ToggleButton item = ((io.threadline.ui.timeline.TimelineLegend) legend).item(s);
                // the entry's own text, not a word of its graphic (dead names its three end marks)
                Text shown = (Text) item.lookupAll(".text").stream().filter(n -> n.getParent() == item).findFirst()
                        .orElseThrow();
                assertThat(shown.getText()).as(where + ": the legend's " + s.label() + " is whole").isEqualTo(s.label());
                for (Node end : item.lookupAll(".legend-end")) {
                    javafx.scene.control.Label word = (javafx.scene.control.Label) end;
                    if (word.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
                        continue; // dropped for room, not cut
                    }
                    assertThat(((Text) word.lookup(".text")).getText()).as(where + ": the legend's end mark " + word.getText()
                            + " is named whole").isEqualTo(word.getText());
                }
                Bounds b = item.localToScene(item.getLayoutBounds());
                assertThat(b.getMaxX()).as(where + ": the legend's " + s.label() + " is inside the legend")
                        .isLessThanOrEqualTo(box.getMaxX() + 0.5);
                assertThat(b.getMaxY()).as(where + ": the legend's " + s.label() + " is not under the timeline")
                        .isLessThanOrEqualTo(c.timeline().localToScene(c.timeline().getLayoutBounds()).getMinY() + 0.5);
            }
            return null;
        });
    }

    /** A run's outcome banner (deadlock, raised) shows its whole message: a short one never needs scrolling. */
    private void bannerWhole(String where) {
        fx(() -> {
            Node banner = c.root().lookup("#outcome-banner");
            if (banner == null || !banner.isVisible()) {
                return null;
            }
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) banner.lookup(".outcome-scroll");
            Node message = banner.lookup("#outcome-message");
            double lines = message.getLayoutBounds().getHeight() / ((javafx.scene.control.Label) message).getFont().getSize();
            if (lines < 5) {
                assertThat(scroll.getViewportBounds().getHeight()).as(where + ": the banner shows its message's every line")
                        .isGreaterThanOrEqualTo(message.getLayoutBounds().getHeight() - 0.5);
            }
            return null;
        });
    }

    /** The prediction's question and the tour's note wrap to their whole text, never cut with "…". */
    private void tourWordsWhole(String where) {
        fx(() -> {
            for (String id : new String[] {"#predict-question", "#tour-note", "#predict-verdict"}) {
                Node n = c.root().lookup(id);
                if (n == null || !n.isVisible() || !n.getParent().isVisible() || ((Labeled) n).getText().isEmpty()) {
                    continue;
                }
                Labeled l = (Labeled) n;
                StringBuilder shown = new StringBuilder();
                for (Node t : l.lookupAll(".text")) {
                    if (t instanceof Text text && text.getParent() != null) {
                        shown.append(text.getText());
                    }
                }
                assertThat(shown.toString().replaceAll("\\s+", " ").trim())
                        .as(where + ": " + id + " is whole").isEqualTo(l.getText().replaceAll("\\s+", " ").trim());
            }
            return null;
        });
    }

    /** The status bar's news drops its last sentences (a hint) before it would be cut mid-word. */
    private void newsInWholeSentences(String where) {
        fx(() -> {
            javafx.scene.control.Label news = (javafx.scene.control.Label) c.root().lookup("#messageStatus");
            Text drawn = (Text) news.lookup(".text");
            if (drawn != null && c.message().contains(". ")) {
                assertThat(c.message()).as(where + ": what is shown is the news' beginning").startsWith(news.getText());
                if (!drawn.getText().equals(news.getText())) {
                    // cut: only ever a single sentence with no room, never a hint cut mid-word
                    assertThat(news.getText()).as(where + ": the news, cut as drawn: " + drawn.getText())
                            .doesNotContain(". ");
                }
            }
            return null;
        });
    }

    /** Run and File keep their words: the scenario picker gives up width first. */
    private void toolbarWordsWhole(String where) {
        fx(() -> {
            for (String id : new String[] {".run-button", ".file-menu"}) {
                javafx.scene.control.Labeled b = (javafx.scene.control.Labeled) c.root().lookup(id);
                Text shown = (Text) b.lookup(".text");
                assertThat(shown.getText()).as(where + ": the toolbar's " + b.getText() + " is whole").isEqualTo(b.getText());
            }
            return null;
        });
    }

    private void textLargeEnough(String where) {
        fx(() -> {
            List<String> small = new ArrayList<>();
            visit(c.root(), small);
            assertThat(small).as(where + ": texts under 18 px").isEmpty();
            return null;
        });
    }

    private static void visit(Parent p, List<String> small) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (!n.isVisible()) {
                continue;
            }
            // icons are glyphs of an icon font, not words
            if (n instanceof Text t && !(n instanceof FontIcon) && !t.getText().isBlank()
                    && t.getFont().getSize() < 17.5) {
                Node owner = t.getParent() instanceof Labeled ? t.getParent() : t;
                small.add("'" + t.getText() + "' at " + t.getFont().getSize() + " px in " + owner.getStyleClass());
            }
            if (n instanceof Parent q) {
                visit(q, small);
            }
        }
    }
}
