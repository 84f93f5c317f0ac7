package io.channelops.customer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Features reach each other only through their public use cases, never through web classes or entities' internals. */
@AnalyzeClasses(packages = "io.channelops.customer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webIsALeaf = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.customer..web..");

    @ArchTest
    static final ArchRule noSharedDomainFromOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.order..", "io.channelops.sales..",
                    "io.channelops.logistics..", "io.channelops.finance..", "io.channelops.kpi..");
}
