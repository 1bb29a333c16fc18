package dev.bulletin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The table of docs/ARCHITECTURE.md: what each package of {@code src/main} may use of Bulletin
 * and of libraries. Besides these, every package may use the JDK and the Jakarta EE APIs. The
 * table has no cycle, which {@link #thePackagesHaveNoCycle} checks of the code too.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bulletin");
    }

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching("dev.bulletin.(**)").should().beFreeOfCycles().check(main);
    }

    @ParameterizedTest(name = "{0} uses only {1}")
    @CsvSource(delimiter = '|', value = {
        "dev.bulletin.protocol      | tools.jackson..",
        "dev.bulletin.faults        | ",
        "dev.bulletin.metrics       | ",
        "dev.bulletin.metrics.micrometer | metrics io.micrometer..",
        "dev.bulletin.tracing       | ",
        "dev.bulletin.tracing.otel  | tracing io.opentelemetry..",
        "dev.bulletin.hub           | protocol",
        "dev.bulletin.store         | protocol",
        "dev.bulletin.store.jpa     | store protocol org.flywaydb..",
        "dev.bulletin.stream        | hub metrics protocol store tracing",
        "dev.bulletin.bus           | hub metrics protocol faults",
        "dev.bulletin               | bus hub metrics protocol faults store stream tracing",
        "dev.bulletin.endpoint      | core hub metrics protocol",
        "dev.bulletin.api           | core bus hub metrics metrics.micrometer protocol store store.jpa tracing tracing.otel",
        "dev.bulletin.health        | core api org.eclipse.microprofile.health..",
        "dev.bulletin.client        | protocol",
    })
    void aPackageUsesOnlyWhatTheTableAllows(String pkg, String allowed) {
        List<String> packages = new ArrayList<>(List.of(pkg, "java..", "javax..", "jakarta.."));
        if (allowed != null) {
            Arrays.stream(allowed.split(" ")).map(name -> switch (name) {
                case "core" -> "dev.bulletin";
                case "org.flywaydb..", "io.micrometer..", "io.opentelemetry..", "org.eclipse.microprofile.health..",
                     "tools.jackson.." -> name;
                default -> "dev.bulletin." + name;
            }).forEach(packages::add);
        }
        classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new))
                .because("docs/ARCHITECTURE.md allows " + pkg + " only " + (allowed == null ? "the JDK and Jakarta EE" : allowed))
                .check(main);
    }
}
