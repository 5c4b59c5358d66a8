package org.mastery.reporting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md's boundaries for reporting-service. */
@AnalyzeClasses(packages = "org.mastery.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain uses Axon's modelling annotations and nothing else from frameworks. */
    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = classes().that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "..domain..",
                    "org.axonframework.modelling.command..", "org.axonframework.commandhandling..",
                    "org.axonframework.eventsourcing..", "org.axonframework.serialization..",
                    "org.axonframework.spring.stereotype..");

    @ArchTest
    static final ArchRule readModelsKnowNothingOfTheWebOrKafka = noClasses().that().resideInAPackage("..query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                    "org.apache.kafka..", "..web..");

    @ArchTest
    static final ArchRule controllersStayInWeb = classes().that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .and().resideOutsideOfPackage("org.mastery.reporting.catalog..")
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule listenersStayInIntegration = classes().that().haveSimpleNameEndingWith("Listener")
            .should().resideInAnyPackage("..integration..");

    /** Reporting writes no Kafka events: nothing publishes. */
    @ArchTest
    static final ArchRule nothingPublishesToKafka = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.mastery.kit.publication.EventPublicationMapper");
}
