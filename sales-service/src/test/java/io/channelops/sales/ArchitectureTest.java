package io.channelops.sales;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/** Features reach each other only through their public use cases, never through web classes or repositories. */
@AnalyzeClasses(packages = "io.channelops.sales", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webIsALeaf = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.sales..web..");

    @ArchTest
    static final ArchRule theCatalogDoesNotKnowAboutPrices = noClasses().that()
            .resideInAPackage("io.channelops.sales.product..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.sales.price..");

    @ArchTest
    static final ArchRule otherFeaturesReachProductsOnlyThroughTheirUseCases = noClasses().that()
            .resideOutsideOfPackage("io.channelops.sales.product..")
            .should().dependOnClassesThat(resideInAPackage("io.channelops.sales.product..")
                    .and(assignableTo(Repository.class)));

    @ArchTest
    static final ArchRule noSharedDomainFromOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.order..", "io.channelops.customer..",
                    "io.channelops.logistics..", "io.channelops.finance..", "io.channelops.kpi..");
}
