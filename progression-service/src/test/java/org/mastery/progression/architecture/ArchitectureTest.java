package org.mastery.progression.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout of STYLE.md, enforced: the domain is plain Java plus Axon's modelling annotations. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mastery.progression");

    @Test
    void theDomainUsesNoFrameworkButAxonModelling() {
        classes().that().resideInAPackage("org.mastery.progression..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..",
                        "org.mastery.progression..domain..",
                        "org.axonframework.modelling..",
                        "org.axonframework.eventsourcing",
                        "org.axonframework.commandhandling",
                        "org.axonframework.eventhandling",
                        "org.axonframework.messaging",
                        "org.axonframework.messaging.annotation",
                        "org.axonframework.serialization",
                        "org.axonframework.spring.stereotype")
                .because("domain holds the rules as plain Java with Axon's modelling annotations only")
                .check(CLASSES);
    }

    @Test
    void theDomainKnowsNoWebQueryIntegrationOrConfig() {
        noClasses().that().resideInAPackage("org.mastery.progression..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..query..", "..integration..", "..config..",
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "com.fasterxml..",
                        "org.mastery.contracts..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebLayerServesHttp() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideInAPackage("..web..").check(CLASSES);
    }

    @Test
    void kafkaListenersLiveInIntegration() {
        noClasses().that().resideOutsideOfPackage("..integration..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.annotation.KafkaListener")
                .check(CLASSES);
    }
}
