package io.threadline.picture;

import io.threadline.testing.TextRecorder;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two arrows of one instant between two close lanes, one each way, do not meet tip to tip: the
 * later one's head keeps off the earlier one's (asyncio's woke and cancel made a diamond there,
 * read as a results mark; a fresh-eyes review), and a head with no room is left out.
 */
class StraightArrowTest {
    @Test
    void aSecondHeadKeepsOffTheFirstAndOneWithoutRoomIsLeftOut() {
        List<double[]> polygons = new ArrayList<>();
        Painter g = recording(polygons);
        TimelineRows rows = new TimelineRows();
        List<double[]> heads = new ArrayList<>();
        double head = 10;
        // down from 0 to 30, then up from 60 to 16 at the same x: the up head would span 16..29
        StraightArrow.draw(g, rows, 0, 50.5, 0, 30, head, 2, heads);
        StraightArrow.draw(g, rows, 0, 50.5, 60, 16, head, 2, heads);
        assertThat(polygons).hasSize(1);
        assertThat(heads).hasSize(1);

        // with room between them, both heads are drawn and do not overlap
        polygons.clear();
        heads.clear();
        StraightArrow.draw(g, rows, 0, 50.5, 0, 30, head, 2, heads);
        StraightArrow.draw(g, rows, 0, 50.5, 80, 60, head, 2, heads);
        assertThat(polygons).hasSize(2);
        double[] a = polygons.get(0);
        double[] b = polygons.get(1);
        assertThat(a[1] <= b[0] || b[1] <= a[0]).as("heads %s and %s apart", List.of(a[0], a[1]), List.of(b[0], b[1]))
                .isTrue();

        // an arrow elsewhere is not shortened by them
        polygons.clear();
        StraightArrow.draw(g, rows, 0, 150.5, 60, 16, head, 2, heads);
        assertThat(polygons).hasSize(1);
        assertThat(polygons.get(0)[1] - polygons.get(0)[0]).isEqualTo(head * 1.3, org.assertj.core.api.Assertions.within(0.01));
    }

    /** A painter that keeps each filled polygon's {top, bottom}. */
    private static Painter recording(List<double[]> polygons) {
        TextRecorder inner = new TextRecorder();
        return (Painter) Proxy.newProxyInstance(Painter.class.getClassLoader(), new Class<?>[] {Painter.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fillPolygon")) {
                        double[] ys = (double[]) args[1];
                        double lo = Double.POSITIVE_INFINITY;
                        double hi = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < (int) args[2]; i++) {
                            lo = Math.min(lo, ys[i]);
                            hi = Math.max(hi, ys[i]);
                        }
                        polygons.add(new double[] {lo, hi});
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
