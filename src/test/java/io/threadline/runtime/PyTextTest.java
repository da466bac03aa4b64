package io.threadline.runtime;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Values print as CPython 3.11's str() prints them (each expectation printed by python3). */
class PyTextTest {

    @Test
    void listsQuoteTheirStringsAsPythonDoes() {
        assertThat(PyText.of(List.of("Alice -10", "Bob +10"))).isEqualTo("['Alice -10', 'Bob +10']");
        // python3: str(["it's", 'a\\b', 'x"y', 'tab\t'])
        assertThat(PyText.of(List.of("it's", "a\\b", "x\"y", "tab\t")))
                .isEqualTo("[\"it's\", 'a\\\\b', 'x\"y', 'tab\\t']");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Process-1", 1);
        m.put("Process-2", java.util.Arrays.asList(true, null));
        assertThat(PyText.of(m)).isEqualTo("{'Process-1': 1, 'Process-2': [True, None]}");
        assertThat(PyText.of("plain text")).isEqualTo("plain text");
        assertThat(PyText.of(new int[] {3, 0, 7})).isEqualTo("[3, 0, 7]");
    }

    @Test
    void floatsAsPythonsRepr() {
        // python3: repr(1e16), repr(1.5e-5), repr(1e-4), repr(123456789012345680.0), repr(1e7), repr(-2.5e-10),
        // repr(0.1+0.2), repr(100.0), repr(2.0), repr(-0.0)
        assertThat(PyText.of(1e16)).isEqualTo("1e+16");
        assertThat(PyText.of(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(PyText.of(1e-4)).isEqualTo("0.0001");
        assertThat(PyText.of(123456789012345680.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PyText.of(1e7)).isEqualTo("10000000.0");
        assertThat(PyText.of(-2.5e-10)).isEqualTo("-2.5e-10");
        assertThat(PyText.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PyText.of(100.0)).isEqualTo("100.0");
        assertThat(PyText.of(List.of(2.0, 0.5))).isEqualTo("[2.0, 0.5]");
        assertThat(PyText.of(-0.0)).isEqualTo("-0.0");
        assertThat(PyText.of(Double.NaN)).isEqualTo("nan");
        assertThat(PyText.of(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }
}
