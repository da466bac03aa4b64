package io.threadline.picture;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread has one colour everywhere: the resource lanes' are threadline.css's, in both themes. */
class ThreadColorsTest {

    @Test
    void theLanesColoursAreTheStyleSheetsThreadColours() throws Exception {
        String css = Files.readString(Path.of("src/main/resources/io/threadline/ui/threadline.css"));
        Matcher m = Pattern.compile("-tl-thread-(\\d): (#[0-9a-fA-F]{6});").matcher(css);
        List<String> light = new ArrayList<>();
        List<String> dark = new ArrayList<>();
        while (m.find()) {
            (light.size() < 8 ? light : dark).add(m.group(2).toLowerCase());
        }
        assertThat(light).hasSize(8);
        assertThat(dark).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(ThreadColors.of(PictureTheme.LIGHT, i).hex().toLowerCase()).isEqualTo(light.get(i));
            assertThat(ThreadColors.of(PictureTheme.DARK, i).hex().toLowerCase()).isEqualTo(dark.get(i));
            assertThat(ThreadColors.of(PictureTheme.LIGHT, i + 8)).as("round after eight").isEqualTo(ThreadColors.of(PictureTheme.LIGHT, i));
        }
    }
}
