package io.channelops.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Features reach each other only through their public use cases, never through web classes; no other service's code. */
@AnalyzeClasses(packages = "io.channelops.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webIsALeaf = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.identity..web..");

    @ArchTest
    static final ArchRule domainDoesNotKnowSecurityWiring = noClasses()
            .that().resideInAnyPackage("io.channelops.identity.org..", "io.channelops.identity.user..",
                    "io.channelops.identity.keys..", "io.channelops.identity.client..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.identity.security..");

    @ArchTest
    static final ArchRule orgTreeDoesNotKnowUsersOrClients = noClasses()
            .that().resideInAPackage("io.channelops.identity.org..")
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.identity.user..",
                    "io.channelops.identity.client..", "io.channelops.identity.seed..");

    @ArchTest
    static final ArchRule noSharedDomainFromOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.customer..", "io.channelops.order..",
                    "io.channelops.sales..", "io.channelops.logistics..", "io.channelops.finance..",
                    "io.channelops.kpi..");
}
