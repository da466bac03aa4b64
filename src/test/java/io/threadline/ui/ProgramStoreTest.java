package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's programs kept on disk come back as they were left; what is not a kept program is skipped. */
class ProgramStoreTest {
    @TempDir
    Path dir;

    private List<ProgramDraft> keepAndLoad(ProgramDraft... drafts) throws Exception {
        ProgramStore store = new ProgramStore(dir);
        for (ProgramDraft d : drafts) {
            store.keep(d);
        }
        assertThat(store.finish(5_000)).isTrue();
        return new ProgramStore(dir).load();
    }

    @Test
    void editsAndProgramsOfOnesOwnComeBackAsTheyWereLeft() throws Exception {
        ScenarioSpec soup = ScenarioCatalog.byId("chef-soup");
        ProgramDraft edit = ProgramDraft.ofScenario(soup, "chef_soup.py", "original\n");
        edit.setText("edited \u2603\r\nline two\n");
        edit.setParams(Map.of("seed", "3", "line_cost", "0"));
        Path file = dir.resolve("race.py");
        ProgramDraft own = ProgramDraft.ofOwn("program-1", "race.py", file, "saved text\n");
        own.setText("changed since\n");

        List<ProgramDraft> back = keepAndLoad(edit, own);

        assertThat(back).extracting(ProgramDraft::key).containsExactly("scenario-chef-soup", "program-1");
        ProgramDraft e = back.get(0);
        assertThat(e.origin()).isSameAs(soup);
        assertThat(e.text()).isEqualTo("edited \u2603\r\nline two\n");
        assertThat(e.original()).isEqualTo("original\n");
        assertThat(e.params()).containsEntry("seed", "3").containsEntry("line_cost", "0");
        ProgramDraft o = back.get(1);
        assertThat(o.origin()).isNull();
        assertThat(o.file()).isEqualTo(file.toAbsolutePath());
        assertThat(o.savedText()).isEqualTo("saved text\n");
        assertThat(o.modified()).isTrue();
    }

    @Test
    void aBurstOfKeystrokesIsOneWriteOfTheLastTextAndForgettingRemovesTheFolder() throws Exception {
        ProgramStore store = new ProgramStore(dir);
        ProgramDraft d = ProgramDraft.ofOwn("program-1", "untitled.py", null, "");
        for (int i = 0; i < 200; i++) {
            d.setText("x".repeat(i));
            store.keep(d);
        }
        ProgramDraft gone = ProgramDraft.ofOwn("program-2", "gone.py", null, "bye");
        store.keep(gone);
        store.forget("program-2");
        assertThat(store.finish(5_000)).isTrue();
        List<ProgramDraft> back = new ProgramStore(dir).load();
        assertThat(back).hasSize(1);
        assertThat(back.get(0).text()).isEqualTo("x".repeat(199));
        assertThat(Files.exists(dir.resolve("program-2"))).isFalse();
    }

    @Test
    void aFolderThatIsNotAKeptProgramIsSkippedAndNoFolderIsNoPrograms() throws Exception {
        assertThat(new ProgramStore(dir.resolve("never-made")).load()).isEmpty();
        Files.createDirectories(dir.resolve("half"));
        Files.writeString(dir.resolve("half/program.py"), "print(1)", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("stray.txt"), "not a folder", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("old-edit"));
        Files.writeString(dir.resolve("old-edit/program.py"), "print(2)", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("old-edit/draft.properties"), "name=gone.py\norigin=no-such-scenario\n",
                StandardCharsets.UTF_8);

        List<ProgramDraft> back = new ProgramStore(dir).load();

        // an edit of a scenario this version lacks is kept as a program of one's own
        assertThat(back).extracting(ProgramDraft::name).containsExactly("gone.py");
        assertThat(back.get(0).origin()).isNull();
        assertThat(back.get(0).text()).isEqualTo("print(2)");
    }
}
