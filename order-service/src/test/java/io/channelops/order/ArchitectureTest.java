package io.channelops.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

/**
 * Features reach each other only through their public use cases, never through web classes;
 * clients of other services stay inside the feature that owns them.
 */
@AnalyzeClasses(packages = "io.channelops.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webIsALeaf = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.order..web..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.channelops.order.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule pricingAndCreditKnowNothingOfOrders = noClasses()
            .that().resideInAnyPackage("io.channelops.order.pricing..", "io.channelops.order.credit..",
                    "io.channelops.order.resilience..")
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.order.order..",
                    "io.channelops.order.fulfilment..");

    @ArchTest
    static final ArchRule feignClientsStayInsideTheirFeature = classes().that().areAnnotatedWith(FeignClient.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes().that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule listenersLiveInFulfilment = classes().that().containAnyMethodsThat(
                    DescribedPredicate.describe("listen to Kafka",
                            method -> method.isAnnotatedWith(KafkaListener.class)))
            .should().resideInAPackage("io.channelops.order.fulfilment..");

    @ArchTest
    static final ArchRule entitiesAreNeverExposedByTheWebLayerAsRequests = noClasses()
            .that().resideInAPackage("..web..").and().haveSimpleNameEndingWith("Request")
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class);

    @ArchTest
    static final ArchRule noSharedDomainFromOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.customer..", "io.channelops.sales..",
                    "io.channelops.logistics..", "io.channelops.finance..", "io.channelops.kpi..");
}
