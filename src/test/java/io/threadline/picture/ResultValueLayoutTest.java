package io.threadline.picture;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's values share their first word once: more of them find room (executor's "page 2, page 3, +2"). */
class ResultValueLayoutTest {
    @Test
    void aFirstWordAllShareIsWrittenOnce() {
        assertThat(ResultValueLayout.join(List.of("page 2", "page 3", "page 0"))).isEqualTo("page 2, 3, 0");
        assertThat(ResultValueLayout.join(List.of("page 2"))).isEqualTo("page 2");
        assertThat(ResultValueLayout.join(List.of("1", "4", "9"))).isEqualTo("1, 4, 9");
        assertThat(ResultValueLayout.join(List.of("page 2", "item 3"))).isEqualTo("page 2, item 3");
        assertThat(ResultValueLayout.join(List.of("page 2", "page"))).as("nothing after the word").isEqualTo("page 2, page");
        assertThat(ResultValueLayout.join(List.of("a b c", "a d"))).as("more than one word after it").isEqualTo("a b c, a d");
        assertThat(ResultValueLayout.join(List.of("(1, 2)", "(3, 4)"))).isEqualTo("(1, 2), (3, 4)");
    }
}
