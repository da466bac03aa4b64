package io.threadline.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputColumnsTest {
    @Test
    void linesComeBackAsTheyWerePrintedAcrossChunksOfLinesAndOfText() {
        OutputColumns c = new OutputColumns();
        List<OutputLine> want = new ArrayList<>();
        // 5,000 lines: five chunks of lines, and about 150,000 characters: several text chunks,
        // so lines end exactly at, and straddle, a text chunk's end (a straddler starts the next)
        for (int i = 0; i < 5_000; i++) {
            String text = "Producer " + (i % 7) + " put item " + i + ".".repeat(i % 40);
            OutputLine l = new OutputLine(3L * i, i % 5 - 1, text, i % 3 == 0);
            c.add(l.time(), l.thread(), l.text(), l.error());
            want.add(l);
        }
        assertThat(c.size()).isEqualTo(5_000);
        assertThat(c.snapshot()).isEqualTo(want);
        assertThat(c.get(4_999)).isEqualTo(want.get(4_999));
    }

    @Test
    void aLineLongerThanATextChunkAndTheLinesAroundItKeepTheirText() {
        OutputColumns c = new OutputColumns();
        String longLine = "x".repeat(OutputColumns.TEXT_CHUNK * 2 + 17);
        String full = "y".repeat(OutputColumns.TEXT_CHUNK);
        c.add(1, 0, "before", false);
        c.add(2, 0, longLine, true);
        c.add(3, 1, "after", false);
        c.add(4, 1, full, false);
        c.add(5, 1, "", false);
        c.add(6, 1, "Ünïcødé ✓ 线程", false);
        c.add(7, 1, null, false);
        assertThat(c.snapshot()).extracting(OutputLine::text)
                .containsExactly("before", longLine, "after", full, "", "Ünïcødé ✓ 线程", "");
        assertThat(c.get(1).error()).isTrue();
        assertThat(c.get(2).error()).isFalse();
    }

    @Test
    void anEmptyLineFirstIsKept() {
        OutputColumns c = new OutputColumns();
        c.add(0, 0, "", false);
        c.add(1, 0, null, false);
        c.add(2, 0, "after", false);
        assertThat(c.snapshot()).extracting(OutputLine::text).containsExactly("", "", "after");
    }

    @Test
    void aLineOutsideTheLinesPresentIsRefused() {
        OutputColumns c = new OutputColumns();
        c.add(0, 0, "one", false);
        assertThatThrownBy(() -> c.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aReaderWhileTheWriterAppendsSeesOnlyWholeLines() throws Exception {
        OutputColumns c = new OutputColumns();
        int n = 200_000;
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            int seen = 0;
            while (seen < n && wrong.get() == null) {
                int size = c.size();
                for (int i = seen; i < size; i++) {
                    OutputLine l = c.get(i);
                    if (l.time() != i || l.thread() != i % 3 || !l.text().equals("line " + i)) {
                        wrong.set(i + ": " + l);
                    }
                }
                seen = size;
            }
        });
        reader.start();
        for (int i = 0; i < n; i++) {
            c.add(i, i % 3, "line " + i, false);
        }
        reader.join(30_000);
        assertThat(wrong.get()).isNull();
        assertThat(reader.isAlive()).isFalse();
    }
}
