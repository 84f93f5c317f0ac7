package io.channelops.logistics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Features reach each other only through their public use cases, never through web classes;
 * dependencies between features point one way: reservation → shipment → stock → warehouse.
 */
@AnalyzeClasses(packages = "io.channelops.logistics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webIsALeaf = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.logistics..web..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.channelops.logistics.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule warehousesKnowNothingOfStock = noClasses()
            .that().resideInAPackage("io.channelops.logistics.warehouse..")
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.logistics.stock..",
                    "io.channelops.logistics.reservation..", "io.channelops.logistics.shipment..");

    @ArchTest
    static final ArchRule stockKnowsNothingOfOrders = noClasses()
            .that().resideInAPackage("io.channelops.logistics.stock..")
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.logistics.reservation..",
                    "io.channelops.logistics.shipment..", "io.channelops.events..");

    @ArchTest
    static final ArchRule shipmentsDoNotReachIntoReservations = noClasses()
            .that().resideInAPackage("io.channelops.logistics.shipment..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.logistics.reservation..");

    @ArchTest
    static final ArchRule noSharedDomainFromOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.order..", "io.channelops.sales..",
                    "io.channelops.customer..", "io.channelops.finance..", "io.channelops.kpi..");
}
