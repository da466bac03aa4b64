package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adding a scenario is a program class, a spec class and its line in the catalogue (and the
 * program's Python twin): this checks every scenario of the catalogue has what the window, the
 * command line and the stress test ask of it, and that no spec class was left out of it.
 */
class ScenarioCatalogTest {
    private static final String PACKAGE = ScenarioSpec.class.getPackageName();

    @Test
    void everyScenarioSpecClassIsInTheCatalogueOnce() throws Exception {
        Path dir = Path.of(ScenarioSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(PACKAGE.replace('.', '/'));
        List<Class<?>> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName(PACKAGE + "." + name.substring(0, name.length() - 6));
                    if (ScenarioSpec.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                        specs.add(c);
                    }
                }
            }
        }
        assertThat(specs).hasSizeGreaterThanOrEqualTo(13);
        assertThat(ScenarioCatalog.all()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(specs);
    }

    @Test
    void idsAreUniqueAndWrittenAsTheCommandLineTakesThem() {
        Set<String> ids = new HashSet<>();
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            assertThat(s.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(ids.add(s.id())).as("id " + s.id() + " once").isTrue();
            assertThat(ScenarioCatalog.byId(s.id())).isSameAs(s);
        }
        assertThat(ScenarioCatalog.byId("nope")).isNull();
    }

    /** The course begins with the four scenarios of the product's first lesson. */
    @Test
    void theCatalogueBeginsWithTheFirstLesson() {
        assertThat(ScenarioCatalog.all()).extracting(ScenarioSpec::id)
                .startsWith("chef-soup", "daemon-cleaner", "producer-consumer", "pool-map-vs-imap");
    }

    @Test
    void specAndProgramAreNamedForEachOther() {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            String spec = s.getClass().getSimpleName();
            assertThat(spec).as(s.id()).endsWith("Scenario");
            Class<? extends Program> program = s.programClass();
            assertThat(program.getPackageName()).as(s.id()).isEqualTo(PACKAGE + ".program");
            assertThat(program.getSimpleName()).as(s.id())
                    .isEqualTo(spec.substring(0, spec.length() - "Scenario".length()) + "Program");
        }
    }

    @Test
    void everyScenarioHasItsTextsIconAndBothPrograms() {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            assertThat(s.title()).as(s.id()).isNotBlank();
            assertThat(s.summary()).as(s.id()).isNotBlank().doesNotContain("\n");
            assertThat(s.explanation()).as(s.id()).contains("Notice:");
            assertThat(s.icon()).as(s.id()).startsWith("mdi2");
            assertThat(s.mainThread()).as(s.id()).isNotBlank();
            assertThat(s.javaSource()).as(s.id()).contains("class " + s.programClass().getSimpleName());
            assertThat(s.pythonSource()).as(s.id()).contains("import ", "if __name__ == \"__main__\":");
        }
    }

    @Test
    void aScenarioWithoutItsPythonProgramIsAFaultNotAnEmptyTab() {
        ScenarioSpec orphan = new Orphan();
        assertThat(orphan.javaSource()).contains("class ChefSoupProgram");
        assertThatThrownBy(orphan::pythonSource).isInstanceOf(IllegalStateException.class)
                .hasMessage("orphan has no /io/threadline/scenario/python/orphan.py");
    }

    @Test
    void everyScenarioRunsItsDefaultsToTheEnd() throws Exception {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            assertThat(s.defaults().asText()).as(s.id()).containsKeys(ScenarioSpec.CORES, ScenarioSpec.GIL,
                    ScenarioSpec.SEED);
            Trace t = s.execute(s.defaults());
            assertThat(t.isFinished()).as(s.id()).isTrue();
            assertThat(t.threadNamed(s.mainThread())).as(s.id() + " main thread").isGreaterThanOrEqualTo(0);
            assertThat(t.scenario()).isEqualTo(s.id());
            assertThat(s.prediction(s.defaults()).answerFor(t)).as(s.id() + " answers its prediction")
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void declaredContrastsAndStressParametersAreValuesTheScenarioTakes() throws Exception {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            for (ParamSpec p : s.params()) {
                assertThat(p.problem(p.defaultValue())).as(s.id() + " " + p.name()).isNull();
                for (String v : p.contrast().isEmpty() ? p.comparisonPair(p.defaultValue()) : p.contrast()) {
                    if (!v.equals(ParamSpec.CURRENT)) {
                        assertThat(p.problem(v)).as(s.id() + " " + p.name() + " contrast " + v).isNull();
                    }
                }
                for (String v : p.meanings().keySet()) {
                    assertThat(p.problem(v)).as(s.id() + " " + p.name() + " meaning of " + v).isNull();
                }
            }
            Random random = new Random(1);
            for (int i = 0; i < 50; i++) {
                Map<String, String> stress = s.stressParams(random);
                assertThat(s.values(stress).asText()).as(s.id() + " " + stress).isNotEmpty();
                for (String name : stress.keySet()) {
                    assertThat(name).as(s.id() + ": the stress test sets the runtime's own")
                            .isNotIn(ScenarioSpec.CORES, ScenarioSpec.GIL, ScenarioSpec.SEED);
                }
            }
        }
    }

    /** A scenario whose Python twin was never written. */
    private static final class Orphan extends ScenarioSpec {
        private final ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");

        @Override
        public String id() {
            return "orphan";
        }

        @Override
        public String title() {
            return "Orphan";
        }

        @Override
        public String summary() {
            return "No Python.";
        }

        @Override
        public String explanation() {
            return "None.";
        }

        @Override
        public String icon() {
            return "mdi2h-help";
        }

        @Override
        public String mainThread() {
            return "Main";
        }

        @Override
        protected List<ParamSpec> ownParams() {
            return List.of();
        }

        @Override
        protected Program program(ParamValues values) {
            return chef.program(chef.defaults());
        }

        @Override
        public List<TourStep> tour(Trace trace) {
            return List.of();
        }

        @Override
        public Prediction prediction(ParamValues values) {
            return chef.prediction(chef.defaults());
        }
    }
}
