package io.threadline.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChoiceColumnsTest {
    @Test
    void choicesComeBackAsMadeAcrossChunksOfChoicesAndOfCandidates() {
        ChoiceColumns c = new ChoiceColumns();
        List<Choice> want = new ArrayList<>();
        int[] scratch = new int[64];
        ChoiceKind[] kinds = ChoiceKind.values();
        // 20,000 choices of 2 to 40 candidates: several chunks of each, lists straddling a chunk's end
        for (int i = 0; i < 20_000; i++) {
            int n = 2 + i % 39;
            for (int k = 0; k < n; k++) {
                scratch[k] = (i + k * 7) % 1000;
            }
            Choice made = new Choice(10L * i, kinds[i % kinds.length], java.util.Arrays.copyOf(scratch, n), i % n, i % 4 != 0);
            c.add(made.time(), made.kind(), scratch, n, made.pick(), made.own());
            want.add(made);
        }
        assertThat(c.size()).isEqualTo(20_000);
        assertThat(c.snapshot()).isEqualTo(want);
    }

    @Test
    void aCallerMayReuseItsArrayAndALongListKeepsAllItsCandidates() {
        ChoiceColumns c = new ChoiceColumns();
        int[] ids = {4, 5, 6};
        c.add(1, ChoiceKind.CORE, ids, 2, 1, true);
        ids[0] = 99;
        int[] many = new int[ChoiceColumns.IDS_CHUNK + 3];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        c.add(2, ChoiceKind.RUN, many, many.length, many.length - 1, false);
        c.add(3, ChoiceKind.PREEMPT, new int[] {7, 8}, 2, 0, false);
        assertThat(c.get(0).candidates()).containsExactly(4, 5);
        assertThat(c.get(0).chosen()).isEqualTo(5);
        assertThat(c.get(0).own()).isTrue();
        assertThat(c.get(1).candidates()).isEqualTo(many);
        assertThat(c.get(1).chosen()).isEqualTo(many.length - 1);
        assertThat(c.get(2)).isEqualTo(new Choice(3, ChoiceKind.PREEMPT, new int[] {7, 8}, 0, false));
    }

    @Test
    void aChoiceWithoutTwoCandidatesOrWithAPickOutsideThemIsRefused() {
        ChoiceColumns c = new ChoiceColumns();
        assertThatThrownBy(() -> c.add(0, ChoiceKind.RUN, new int[] {1}, 1, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two candidates");
        assertThatThrownBy(() -> c.add(0, ChoiceKind.RUN, new int[] {1, 2}, 2, 2, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pick 2");
        assertThat(c.size()).isZero();
        assertThatThrownBy(() -> c.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
