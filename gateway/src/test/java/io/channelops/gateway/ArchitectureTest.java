package io.channelops.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The request-wide filters ({@code web}) know nothing of routes or problem bodies, problems know
 * nothing of routes, and the features form no cycle: a token check can be added beside
 * {@code web} without touching routing.
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
    static final ArchRule featuresHaveNoCycles = slices().matching("io.channelops.gateway.(*)..")
            .should().beFreeOfCycles();
}
