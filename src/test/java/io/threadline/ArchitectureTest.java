package io.threadline;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folders encode the dependency graph, and this is its one table: which of our packages each
 * package may use, and which may use JavaFX. The arrows point one way, from the window inward:
 * the engine (runtime, trace, scenario) knows nothing of pictures, files or the window, so it runs
 * headless, from the command line and in tests; pictures and files are made without JavaFX, so
 * the command line draws on a server with no display and the window exports with the same code.
 *
 * <p>The rules read the class files (ArchUnit), so a fully qualified name counts as much as an
 * import. A new package needs its row here before anything else passes.
 */
class ArchitectureTest {
    private static final String ROOT = "io.threadline";

    private static final boolean FX = true;
    private static final boolean NO_FX = false;

    /** One row a package (below io.threadline; "" is the launcher's): the packages of ours it may use besides itself, and whether it may use JavaFX. */
    private static final List<Row> TABLE = List.of(
            row("trace", "", NO_FX),
            row("runtime", "trace", NO_FX),
            row("build", "runtime", NO_FX),
            row("scenario.program", "runtime trace", NO_FX),
            row("scenario", "scenario.program runtime trace", NO_FX),
            row("picture", "trace", NO_FX),
            row("explore", "scenario runtime trace", NO_FX),
            row("export", "picture scenario trace", NO_FX),
            row("python", "scenario runtime trace", NO_FX),
            row("cli", "explore export picture python scenario runtime trace", NO_FX),
            row("ui.control", "", FX),
            row("ui.timeline", "ui.control picture trace", FX),
            row("ui.teach", "ui.control ui.timeline picture scenario trace", FX),
            row("ui", "ui.control ui.teach ui.timeline explore export picture python scenario runtime trace", FX),
            row("", "cli ui export", FX));

    /** JavaFX and the libraries built on it: even {@code javafx.scene.text.Font} starts the toolkit. */
    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "org.kordamp..", "atlantafx..", "org.fxmisc..",
            "org.reactfx.."};

    private record Row(String pkg, List<String> mayUse, boolean javafx) {
    }

    private static Row row(String pkg, String mayUse, boolean javafx) {
        return new Row(pkg, mayUse.isEmpty() ? List.of() : List.of(mayUse.split(" ")), javafx);
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws Exception {
        // Only the rules' package names matter: classes outside ours need not be read from their jars.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        Path main = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(main);
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? ROOT : ROOT + "." + pkg;
    }

    @Test
    void everyPackageHasItsRowInTheTable() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            String p = c.getPackageName();
            packages.add(p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1));
        }
        assertThat(TABLE).extracting(Row::pkg).containsExactlyInAnyOrderElementsOf(packages);
    }

    /** One rule per row of the table, and one per package that must not touch JavaFX. */
    private static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        for (Row row : TABLE) {
            List<String> forbidden = new ArrayList<>();
            for (Row other : TABLE) {
                if (other != row && !row.mayUse().contains(other.pkg())) {
                    forbidden.add(name(other.pkg()));
                }
            }
            rules.add(noClasses().that().resideInAPackage(name(row.pkg()))
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("the table lets " + name(row.pkg()) + " use only " + row.mayUse()));
            if (!row.javafx()) {
                rules.add(noClasses().that().resideInAPackage(name(row.pkg()))
                        .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                        .because("only the window uses JavaFX"));
            }
        }
        return rules;
    }

    @Test
    void eachPackageUsesOnlyWhatItsRowNames() {
        List<String> broken = new ArrayList<>();
        for (ArchRule r : rules()) {
            var result = r.evaluate(classes);
            if (result.hasViolation()) {
                broken.add(result.getFailureReport().toString());
            }
        }
        assertThat(broken).isEmpty();
    }

    /** The table is no empty words: a probe that uses the window and JavaFX by full name, no import, breaks it. */
    @Test
    void theTableCatchesAFullyQualifiedUse() {
        JavaClasses probe = new ClassFileImporter().importClasses(io.threadline.trace.ForbiddenUseProbe.class);
        List<String> broken = new ArrayList<>();
        for (ArchRule r : rules()) {
            var result = r.allowEmptyShould(true).evaluate(probe);
            if (result.hasViolation()) {
                broken.add(result.getFailureReport().toString());
            }
        }
        assertThat(broken).hasSize(2);
        assertThat(broken.get(0)).contains("ForbiddenUseProbe", "io.threadline.ui.ThreadlineApp");
        assertThat(broken.get(1)).contains("ForbiddenUseProbe", "javafx.scene.text.Font");
    }

    /** Trace files are untrusted: nothing in the app may turn their bytes into arbitrary objects. */
    @Test
    void noJavaDeserializationAnywhere() {
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName(java.io.ObjectInputStream.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.beans.XMLDecoder")
                .orShould().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "enables Jackson's default typing",
                        call -> call.getName().equals("enableDefaultTyping")
                                || call.getName().equals("activateDefaultTyping")))
                .check(classes);
    }
}
