package io.channelops.finance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Features reach each other only through their public use cases, never through web classes.
 * Dependencies run one way: credit and payment use receivables; receivables uses neither, and
 * money uses no feature.
 */
@AnalyzeClasses(packages = "io.channelops.finance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webIsALeaf = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.finance..web..");

    @ArchTest
    static final ArchRule receivablesKnowNeitherCreditNorPayments = noClasses().that()
            .resideInAPackage("io.channelops.finance.receivables..")
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.finance.credit..",
                    "io.channelops.finance.payment..");

    @ArchTest
    static final ArchRule creditDoesNotKnowPayments = noClasses().that()
            .resideInAPackage("io.channelops.finance.credit..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.finance.payment..");

    @ArchTest
    static final ArchRule paymentsDoNotKnowCredit = noClasses().that()
            .resideInAPackage("io.channelops.finance.payment..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.finance.credit..");

    @ArchTest
    static final ArchRule moneyUsesNoFeature = noClasses().that().resideInAPackage("io.channelops.finance.money..")
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.finance.credit..",
                    "io.channelops.finance.receivables..", "io.channelops.finance.payment..");

    @ArchTest
    static final ArchRule onlyReceivablesReadInvoiceAndOrderTables = noClasses().that()
            .resideOutsideOfPackage("io.channelops.finance.receivables..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Invoices")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("ApprovedOrders");

    @ArchTest
    static final ArchRule noSharedDomainFromOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.channelops.order..", "io.channelops.sales..",
                    "io.channelops.logistics..", "io.channelops.customer..", "io.channelops.kpi..");
}
