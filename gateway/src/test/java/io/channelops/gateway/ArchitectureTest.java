package io.channelops.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The request-wide filters ({@code web}) know nothing of routes or problem bodies, problems know
 * nothing of routes, nothing depends on the token check ({@code security}, which may use
 * {@code web} and {@code problem}), and the features form no cycle.
 */
@AnalyzeClasses(packages = "io.channelops.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webFiltersStandAlone = noClasses().that().resideInAPackage("io.channelops.gateway.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.gateway.routing..",
                    "io.channelops.gateway.problem..");

    @ArchTest
    static final ArchRule problemsDoNotKnowRoutes = noClasses().that()
            .resideInAPackage("io.channelops.gateway.problem..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.gateway.routing..");

    @ArchTest
    static final ArchRule nothingDependsOnTheTokenCheck = noClasses().that()
            .resideOutsideOfPackage("io.channelops.gateway.security..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.gateway.security..");

    @ArchTest
    static final ArchRule tokenCheckDoesNotKnowRoutes = noClasses().that()
            .resideInAPackage("io.channelops.gateway.security..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.gateway.routing..");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("io.channelops.gateway.(*)..")
            .should().beFreeOfCycles();
}
