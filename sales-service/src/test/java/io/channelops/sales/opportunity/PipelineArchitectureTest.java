package io.channelops.sales.opportunity;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/**
 * Other features (quotes, leads, the forecast) reach opportunities through {@link OpportunityService} and
 * {@link PipelineConfigService} only; opportunities know nothing of the reports built on them.
 */
@AnalyzeClasses(packages = "io.channelops.sales", importOptions = ImportOption.DoNotIncludeTests.class)
class PipelineArchitectureTest {

    @ArchTest
    static final ArchRule otherFeaturesReachOpportunitiesOnlyThroughTheirUseCases = noClasses().that()
            .resideOutsideOfPackage("io.channelops.sales.opportunity..")
            .should().dependOnClassesThat(resideInAPackage("io.channelops.sales.opportunity..")
                    .and(assignableTo(Repository.class)));

    @ArchTest
    static final ArchRule opportunitiesDoNotKnowTheReports = noClasses().that()
            .resideInAPackage("io.channelops.sales.opportunity..")
            .should().dependOnClassesThat().resideInAPackage("io.channelops.sales.forecast..");
}
