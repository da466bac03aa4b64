package io.threadline.ui;

import io.threadline.scenario.ScenarioSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Python program the user edits in the window: a built-in scenario's program opened for editing
 * (Edit on its Python tab), or a program of the user's own (File > New program, Open program…).
 * It holds what was typed, what Reset brings back, the file it is known by and the run form's
 * values; the {@link ProgramStore} keeps it on disk, so nothing typed is lost.
 */
final class ProgramDraft {
    private final String key;
    private final ScenarioSpec origin;
    private String name;
    private Path file;
    private String text;
    private String original;
    private String savedText;
    private final Map<String, String> params = new LinkedHashMap<>();

    private ProgramDraft(String key, ScenarioSpec origin, String name, Path file, String text, String original) {
        this.key = key;
        this.origin = origin;
        this.name = name;
        this.file = file;
        this.text = text;
        this.original = original;
    }

    /** The edit of {@code s}'s Python program, starting from {@code source}. */
    static ProgramDraft ofScenario(ScenarioSpec s, String name, String source) {
        return new ProgramDraft(keyOf(s), s, name, null, source, source);
    }

    /** A program of the user's own, under {@code key} ("program-3"). */
    static ProgramDraft ofOwn(String key, String name, Path file, String text) {
        ProgramDraft d = new ProgramDraft(key, null, name, file, text, text);
        d.savedText = file == null ? null : text;
        return d;
    }

    /** Restored from the store as it was left. */
    static ProgramDraft restored(String key, ScenarioSpec origin, String name, Path file, String text,
                                 String original, String savedText, Map<String, String> params) {
        ProgramDraft d = new ProgramDraft(key, origin, name, file, text, original);
        d.savedText = savedText;
        d.params.putAll(params);
        return d;
    }

    /** The key of the edit of scenario {@code s}. */
    static String keyOf(ScenarioSpec s) {
        return "scenario-" + s.id();
    }

    String key() {
        return key;
    }

    /** The scenario it is an edit of, or null for a program of the user's own. */
    ScenarioSpec origin() {
        return origin;
    }

    /** The name it runs under and the trace carries ("chef_soup.py", "race.py"). */
    String name() {
        return name;
    }

    /** The file it was opened from or saved to, or null. */
    Path file() {
        return file;
    }

    String text() {
        return text;
    }

    void setText(String t) {
        text = Objects.requireNonNull(t);
    }

    /** What Reset brings back: the scenario's program, or the file as opened, or the template. */
    String original() {
        return original;
    }

    /** The text as last read from or written to its file, or null if it has none. */
    String savedText() {
        return savedText;
    }

    /** Whether there are changes its file (or, without one, its original) does not have. */
    boolean modified() {
        return !text.equals(savedText != null ? savedText : original);
    }

    /** It was written to {@code f} with {@code written} (it is known by that file from now on). */
    void savedTo(Path f, String written) {
        file = f;
        name = String.valueOf(f.getFileName());
        savedText = written;
        if (origin == null) {
            original = written;
        }
    }

    /** The run form's values for it. */
    Map<String, String> params() {
        return params;
    }

    void setParams(Map<String, String> values) {
        params.clear();
        params.putAll(values);
    }

    @Override
    public String toString() {
        return name;
    }
}
