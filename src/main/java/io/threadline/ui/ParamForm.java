package io.threadline.ui;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.layout.InputGroup;
import atlantafx.base.theme.Styles;
import io.threadline.scenario.ParamKind;
import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.ui.control.Tips;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one scenario as typed fields: numbers with a stepper and their range,
 * switches for booleans. Each field checks its text as it is typed and shows the reason at the
 * field when it cannot be used; {@link #validProperty()} is false while any field is bad.
 * Node ids: the editor of parameter {@code p} is {@code param-p}, its message {@code param-p-problem}.
 */
public final class ParamForm extends VBox {
    private static final Set<String> RUNTIME = Set.of(ScenarioSpec.CORES, ScenarioSpec.GIL, ScenarioSpec.SEED);

    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final List<Field> fields = new ArrayList<>();
    private ScenarioSpec spec;
    private Runnable onChange = () -> {
    };

    public ParamForm() {
        getStyleClass().add("param-form");
    }

    /** Shows the fields of {@code scenario} holding {@code values} (missing ones take their default). */
    public void show(ScenarioSpec scenario, Map<String, String> values) {
        show(scenario, scenario == null ? null : scenario.params(), values);
    }

    /** Shows fields for {@code params} (a user's program's run settings) holding {@code values}. */
    public void showParams(List<ParamSpec> params, Map<String, String> values) {
        show(null, params, values);
    }

    private void show(ScenarioSpec scenario, List<ParamSpec> params, Map<String, String> values) {
        spec = scenario;
        fields.clear();
        getChildren().clear();
        if (params == null) {
            refreshValidity();
            return;
        }
        VBox own = new VBox();
        own.getStyleClass().add("param-group");
        VBox runtime = new VBox();
        runtime.getStyleClass().add("param-group");
        for (ParamSpec p : params) {
            String v = values.getOrDefault(p.name(), p.defaultValue());
            Field f = new Field(p, v);
            fields.add(f);
            (RUNTIME.contains(p.name()) ? runtime : own).getChildren().add(f.box);
        }
        Label runtimeTitle = new Label("RUNTIME");
        runtimeTitle.getStyleClass().add("param-section");
        getChildren().addAll(own, runtimeTitle, runtime);
        refreshValidity();
    }

    /** Puts every field back to its default. */
    public void resetToDefaults() {
        for (Field f : fields) {
            f.setText(f.spec.defaultValue());
        }
    }

    /** The text of every field, by parameter name, in the scenario's order. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : fields) {
            out.put(f.spec.name(), f.text().trim());
        }
        return out;
    }

    /** The scenario whose parameters are shown, or null for a user's program's. */
    public ScenarioSpec scenario() {
        return spec;
    }

    /** Called after any field changes. */
    public void setOnChange(Runnable action) {
        onChange = action == null ? () -> {
        } : action;
    }

    /** True while every field holds a usable value. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** The first field's problem ("Label: reason"), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void refreshValidity() {
        String first = null;
        for (Field f : fields) {
            if (f.problem != null) {
                first = f.spec.label() + ": " + f.problem;
                break;
            }
        }
        problem.set(first);
        valid.set(first == null);
    }

    /** One parameter: its editor, hint, range and message. */
    private final class Field {
        final ParamSpec spec;
        final VBox box = new VBox();
        final Label message = new Label();
        TextField text;
        ToggleSwitch toggle;
        String problem;

        Field(ParamSpec spec, String value) {
            this.spec = spec;
            box.getStyleClass().add("param-field");
            Label name = new Label(spec.label());
            name.getStyleClass().add("param-label");
            Label hint = new Label(spec.hint());
            hint.getStyleClass().add("param-hint");
            hint.setWrapText(true);
            message.setId("param-" + spec.name() + "-problem");
            message.getStyleClass().add("param-problem");
            message.setWrapText(true);
            message.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
            message.managedProperty().bind(message.visibleProperty());
            message.setVisible(false);

            if (spec.kind() == ParamKind.BOOLEAN) {
                toggle = new ToggleSwitch();
                toggle.setId("param-" + spec.name());
                toggle.setSelected(Boolean.parseBoolean(value) || "on".equalsIgnoreCase(value)
                        || "yes".equalsIgnoreCase(value) || "1".equals(value));
                toggle.selectedProperty().addListener((o, a, b) -> changed());
                Region grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                HBox row = new HBox(name, grow, toggle);
                row.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().addAll(row, hint);
                return;
            }

            Label range = new Label(spec.rangeText());
            range.getStyleClass().add("param-range");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox head = new HBox(name, grow, range);
            head.setAlignment(Pos.BASELINE_LEFT);

            CustomTextField field = new CustomTextField(value);
            text = field;
            field.setId("param-" + spec.name());
            field.getStyleClass().add("param-input");
            field.setPromptText(spec.defaultValue());
            if (spec.kind() == ParamKind.SECONDS || spec.kind() == ParamKind.DURATIONS) {
                Label unit = new Label("s");
                unit.getStyleClass().add("param-unit");
                field.setRight(unit);
            }
            field.textProperty().addListener((o, a, b) -> changed());
            Node editor;
            if (spec.kind() == ParamKind.DURATIONS) {
                editor = field;
            } else {
                Button down = stepButton("mdi2m-minus", -1, "Smaller (Down arrow)");
                Button up = stepButton("mdi2p-plus", +1, "Larger (Up arrow)");
                field.setOnKeyPressed(e -> {
                    if (e.getCode() == KeyCode.UP) {
                        step(+1);
                        e.consume();
                    } else if (e.getCode() == KeyCode.DOWN) {
                        step(-1);
                        e.consume();
                    }
                });
                InputGroup group = new InputGroup(down, field, up);
                HBox.setHgrow(field, Priority.ALWAYS);
                editor = group;
            }
            box.getChildren().addAll(head, editor, message, hint);
            check();
        }

        private Button stepButton(String icon, int direction, String tip) {
            Button b = new Button(null, new FontIcon(icon));
            b.getStyleClass().addAll(Styles.BUTTON_ICON, "param-step");
            b.setFocusTraversable(false);
            Tips.set(b, tip);
            b.setOnAction(e -> step(direction));
            return b;
        }

        String text() {
            if (toggle != null) {
                return Boolean.toString(toggle.isSelected());
            }
            return text.getText() == null ? "" : text.getText();
        }

        void setText(String v) {
            if (toggle != null) {
                toggle.setSelected(Boolean.parseBoolean(v));
            } else {
                text.setText(v);
            }
        }

        void step(int direction) {
            BigDecimal current;
            try {
                current = new BigDecimal(text().trim());
            } catch (NumberFormatException e) {
                current = new BigDecimal(spec.defaultValue());
            }
            BigDecimal step = spec.kind() == ParamKind.INTEGER ? BigDecimal.ONE
                    : spec.max() <= 2 ? new BigDecimal("0.1") : new BigDecimal("0.5");
            BigDecimal next = current.add(step.multiply(BigDecimal.valueOf(direction)));
            double v = Math.max(spec.min(), Math.min(spec.max(), next.doubleValue()));
            if (spec.kind() == ParamKind.INTEGER) {
                text.setText(Long.toString((long) v));
            } else {
                String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
                text.setText(s.toLowerCase(Locale.ROOT));
            }
            text.positionCaret(text.getText().length());
        }

        private void changed() {
            check();
            refreshValidity();
            onChange.run();
        }

        private void check() {
            problem = Formats.fieldProblem(spec, spec.problem(text()));
            message.setText(problem == null ? "" : problem);
            message.setVisible(problem != null);
            if (text != null) {
                text.pseudoClassStateChanged(Styles.STATE_DANGER, problem != null);
            }
        }
    }
}
