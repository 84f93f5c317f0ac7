package io.channelops.kpi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

/**
 * Features stay apart: {@code fact} records facts from events, {@code scorecard} reads them; neither
 * reaches into the other's classes, web classes are leaves, and only {@code fact} consumes events.
 */
@AnalyzeClasses(packages = "io.channelops.kpi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webIsALeaf = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.kpi..web..");

    @ArchTest
    static final ArchRule noSharedDomainFromOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.customer..", "io.channelops.sales..",
                    "io.channelops.order..", "io.channelops.logistics..", "io.channelops.finance..");

    @ArchTest
    static final ArchRule scorecardsDoNotDependOnFactRecording = noClasses().that()
            .resideInAPackage("io.channelops.kpi.scorecard..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.kpi.fact..");

    @ArchTest
    static final ArchRule factRecordingDoesNotDependOnScorecards = noClasses().that()
            .resideInAPackage("io.channelops.kpi.fact..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.kpi.scorecard..");

    @ArchTest
    static final ArchRule onlyTheFactFeatureConsumesEvents = methods().that().areAnnotatedWith(KafkaListener.class)
            .should().beDeclaredInClassesThat().resideInAPackage("io.channelops.kpi.fact");

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes().that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..");
}
