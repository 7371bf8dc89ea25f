package org.optline.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.optline.app.archfixture.alpha.api.AlphaGone;
import org.optline.app.archfixture.alpha.control.AlphaChecks;
import org.optline.app.archfixture.app.AppShortcut;
import org.optline.app.archfixture.beta.api.BetaHook;
import org.optline.app.archfixture.beta.boundary.BetaStray;
import org.optline.app.archfixture.beta.control.BetaShortcut;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that each rule of {@link ArchitectureTest} fails, and blames exactly the classes that break
 * it, on the fixture classes under {@code org.optline.app.archfixture}. A rule that passed on
 * everything, for example after a typo in a package pattern, would fail here.
 */
class ArchitectureRulesTest {

    private static final String FIXTURES = "org.optline.app.archfixture";

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    /** Returns the names of the classes that {@code rule} blames, sorted and without repeats. */
    private static List<String> blamedClasses(ArchRule rule) {
        List<String> violations = rule.evaluate(CLASSES).getFailureReport().getDetails();
        return violations.stream().map(ArchitectureRulesTest::origin).distinct().sorted().toList();
    }

    /**
     * Returns the fixture class that a violation line starts from. ArchUnit writes the origin first, in
     * angle brackets: a class name, or a member such as {@code Class.method(args)} or {@code Class.<init>(args)}.
     */
    private static String origin(String violation) {
        String member = violation.substring(violation.indexOf('<') + 1);
        int end = member.indexOf('(');
        if (end >= 0) {
            member = member.substring(0, end);
        }
        String origin = member.replace(".<init>", "").replaceFirst(">.*", "");
        return CLASSES.stream()
                .map(JavaClass::getName)
                .filter(name -> origin.equals(name) || origin.startsWith(name + "."))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new AssertionError("No fixture class starts the violation: " + violation));
    }

    private static List<String> names(Class<?>... classes) {
        return Arrays.stream(classes).map(Class::getName).sorted().toList();
    }

    @Test
    void moduleRuleBlamesInternalUse() {
        assertThat(blamedClasses(ArchitectureTest.modulesUseEachOtherThroughApi(FIXTURES)))
                .isEqualTo(names(BetaShortcut.class));
    }

    @Test
    void appRuleBlamesInternalUse() {
        assertThat(blamedClasses(ArchitectureTest.appUsesModulesThroughApi(FIXTURES)))
                .isEqualTo(names(AppShortcut.class));
    }

    @Test
    void noAppRuleBlamesModuleUsingApp() {
        assertThat(blamedClasses(ArchitectureTest.modulesDoNotUseApp(FIXTURES)))
                .isEqualTo(names(BetaHook.class));
    }

    @Test
    void jaxRsRuleBlamesBusinessCode() {
        assertThat(blamedClasses(ArchitectureTest.businessCodeThrowsNoJaxRsExceptions(FIXTURES)))
                .isEqualTo(names(AlphaChecks.class, AlphaGone.class));
    }

    @Test
    void entityRuleBlamesMisplacedEntity() {
        assertThat(blamedClasses(ArchitectureTest.entitiesResideInEntityPackages(FIXTURES)))
                .isEqualTo(names(BetaStray.class));
    }
}
