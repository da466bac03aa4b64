package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two pool calls made one after the other are compared by how long each made its caller wait:
 * a call's result times count from its own start, and the lanes mark where the second begins.
 */
class CallTimesTest {

    private static TraceExtras extras(String id, Map<String, String> params) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(params));
        TraceExtras x = new TraceExtras(t);
        x.update();
        return x;
    }

    @Test
    void imapUnorderedCountsFromItsOwnCallNotFromTheRunsStart() throws Exception {
        TraceExtras x = extras("pool-map-vs-imap", Map.of());
        assertThat(x.variants()).containsExactly("map", "imap_unordered");
        assertThat(x.callStart("map")).isZero();
        // map returns all six at 4 s; imap_unordered is called then, and its first four come 2 s later
        assertThat(x.results("map").get(0).time()).isEqualTo(4_000_000);
        assertThat(x.callStart("imap_unordered")).isEqualTo(4_000_000);
        assertThat(x.results("imap_unordered").get(0).time() - x.callStart("imap_unordered")).isEqualTo(2_000_000);
        assertThat(x.laterCallStarts()).containsExactly(4_000_000L);
    }

    @Test
    void withMapOffTheOnlyCallStartsAtZeroAndNoDividerIsDrawn() throws Exception {
        TraceExtras x = extras("pool-map-vs-imap", Map.of("map", "false"));
        assertThat(x.variants()).containsExactly("imap_unordered");
        assertThat(x.callStart("imap_unordered")).isZero();
        assertThat(x.laterCallStarts()).isEqualTo(List.of());
    }

    @Test
    void theHeaderSaysTheTimesAfterTheCall() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("pool-map-vs-imap");
        Trace t = s.execute(s.values(Map.of()));
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withWidth(1280).withLegend(false));
        String svg = SvgPainter.render(p, "pool");
        assertThat(svg).contains("6 results · 2 s to 4 s after the call", "6 results · 4 s after the call",
                "first after 2 s");
        assertThat(svg).doesNotContain("first after 6 s").doesNotContain("first 6 s");
    }

    @Test
    void futuresWhoseWaitsNameEachFutureKeepTheRunsTimes() throws Exception {
        TraceExtras x = extras("threads-vs-processes", Map.of());
        assertThat(x.variants()).contains("future");
        // each wait names its future ("future 0"), not the call: the trace gives no start, so none is made up
        assertThat(x.callStart("future")).isEqualTo(-1);
        assertThat(x.laterCallStarts()).allMatch(t -> t > 0);
    }
}
