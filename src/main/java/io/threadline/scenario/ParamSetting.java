package io.threadline.scenario;

/** One parameter of a run with the value it had, as text. See {@link ScenarioSpec#settings}. */
public record ParamSetting(ParamSpec param, String value) {
    public String name() {
        return param.name();
    }

    /** "olivia=3", as the command line takes it. */
    public String assignment() {
        return param.name() + "=" + value;
    }

    /** "olivia 3 s", as a title says it. */
    public String words() {
        return param.settingWords(value);
    }
}
