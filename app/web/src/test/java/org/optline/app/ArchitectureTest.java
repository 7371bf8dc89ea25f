package org.optline.app;

import com.tngtech.archunit.base.DescribedFunction;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.modules.ArchModule;
import com.tngtech.archunit.library.modules.syntax.DescriptorFunction;
import jakarta.persistence.Entity;
import jakarta.ws.rs.WebApplicationException;

import java.util.Optional;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.modules.syntax.ModuleRuleDefinition.modules;

/**
 * Module boundaries, checked on the compiled classes. javac enforces them only inside the modular jars,
 * while the WAR is compiled and run on the class path, where any class may use any other.
 *
 * <p>A module is a package {@code org.optline.<name>}. Its {@code api} packages are what other modules
 * and the app may use, and {@code org.optline.platform} is the shared kernel that everyone may use.
 * Each rule takes the root package as a parameter, so that {@link ArchitectureRulesTest} can show that
 * every rule fails on classes that break it.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "org.optline";

    @ArchTest
    static final ArchRule MODULES_USE_EACH_OTHER_THROUGH_API = modulesUseEachOtherThroughApi(ROOT);

    @ArchTest
    static final ArchRule APP_USES_MODULES_THROUGH_API = appUsesModulesThroughApi(ROOT);

    @ArchTest
    static final ArchRule MODULES_DO_NOT_USE_APP = modulesDoNotUseApp(ROOT);

    @ArchTest
    static final ArchRule BUSINESS_CODE_THROWS_NO_JAX_RS_EXCEPTIONS = businessCodeThrowsNoJaxRsExceptions(ROOT);

    @ArchTest
    static final ArchRule ENTITIES_RESIDE_IN_ENTITY_PACKAGES = entitiesResideInEntityPackages(ROOT);

    /**
     * Returns the rule that a module uses another one only through that module's {@code api} packages
     * or the platform. Modules are found from the packages below {@code root}, so a new module is
     * covered without a change here. The app is no module here because it has its own rules.
     */
    static ArchRule modulesUseEachOtherThroughApi(String root) {
        DescribedFunction<JavaClass, ArchModule.Identifier> moduleOfClass = DescribedFunction.describe(
                "the package below " + root + ", except the app",
                javaClass -> moduleName(root, javaClass.getPackageName())
                        .filter(name -> !name.equals("app"))
                        .map(ArchModule.Identifier::from)
                        .orElse(ArchModule.Identifier.ignore()));
        DescriptorFunction<ArchModule.Descriptor> nameOfModule = DescriptorFunction.describe("the package name",
                (identifier, classes) -> ArchModule.Descriptor.create(identifier.getPart(1)));
        DescribedPredicate<JavaClass> apiOrPlatform = resideInAnyPackage(root + ".*.api..", root + ".platform..")
                .as("reside in an api package or in the platform");

        return modules()
                .definedBy(moduleOfClass)
                .derivingModule(nameOfModule)
                .as("modules (each a package " + root + ".<name>, the app left out)")
                .should().onlyDependOnEachOtherThroughClassesThat(apiOrPlatform)
                .because("a module's other packages are its internals, which it may change at any time");
    }

    /** Returns {@code subscriptions} for a package {@code <root>.subscriptions.api}, or empty outside the root. */
    private static Optional<String> moduleName(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String below = packageName.substring(root.length() + 1);
        int dot = below.indexOf('.');
        return Optional.of(dot < 0 ? below : below.substring(0, dot));
    }

    /** Returns the rule that the app uses modules only through their {@code api} packages and the platform. */
    static ArchRule appUsesModulesThroughApi(String root) {
        DescribedPredicate<JavaClass> moduleInternals = resideInAPackage(root + "..")
                .and(DescribedPredicate.not(resideInAnyPackage(root + ".app..", root + ".platform..",
                        root + ".*.api..")))
                .as("are module internals (outside the api packages and the platform)");

        return noClasses().that().resideInAPackage(root + ".app..")
                .should().dependOnClassesThat(moduleInternals)
                .because("the WAR runs on the class path, where JPMS no longer hides module internals");
    }

    /** Returns the rule that no module, the platform included, depends on the app. */
    static ArchRule modulesDoNotUseApp(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".app..")
                .should().dependOnClassesThat().resideInAPackage(root + ".app..")
                .because("the app wires the modules together, so a module that used it would depend on every other");
    }

    /**
     * Returns the rule that business code ({@code api}, {@code entity} and {@code control} packages of
     * the modules) never uses {@link WebApplicationException} or its subclasses. The app's
     * {@code org.optline.app.api} package is left out because it maps errors to HTTP and is no business code.
     */
    static ArchRule businessCodeThrowsNoJaxRsExceptions(String root) {
        return noClasses()
                .that().resideInAnyPackage(root + "..api..", root + "..entity..", root + "..control..")
                .and().resideOutsideOfPackage(root + ".app..")
                .should().dependOnClassesThat().areAssignableTo(WebApplicationException.class)
                .because("business rules throw domain exceptions, which the app maps to HTTP in one place");
    }

    /** Returns the rule that JPA entities reside in {@code entity} packages. */
    static ArchRule entitiesResideInEntityPackages(String root) {
        return classes().that().resideInAPackage(root + "..").and().areAnnotatedWith(Entity.class)
                .should().resideInAPackage(root + "..entity..")
                .because("entities are module internals that the api packages expose only as views");
    }
}
