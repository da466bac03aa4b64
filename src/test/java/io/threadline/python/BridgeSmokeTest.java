package io.threadline.python;

import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.testing.TraceText;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

class BridgeSmokeTest {
    @Test
    void chefSoup() throws Exception {
        String src = new String(BridgeSmokeTest.class.getResourceAsStream(
                "/io/threadline/scenario/python/chef_soup.py").readAllBytes(), StandardCharsets.UTF_8);
        Run run = UserProgram.of("chef_soup.py", src).start(RunOptions.defaults(), PythonSettings.defaults().withLineCost(0));
        run.awaitEnd();
        Trace t = run.trace();
        System.out.println(t.outcome() + " " + t.outcomeMessage());
        for (int i = 0; i < t.threadCount(); i++) {
            System.out.println(t.thread(i).name() + ": " + TraceText.transitions(t, t.thread(i).name()));
        }
        TraceText.output(t).forEach(System.out::println);
    }
}
