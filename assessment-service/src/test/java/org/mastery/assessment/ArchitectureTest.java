package org.mastery.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries STYLE.md sets, as rules over the compiled service. */
class ArchitectureTest {

    static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mastery.assessment");
    }

    @Test
    void domainUsesAxonsModellingAnnotationsAndNothingElseFromFrameworks() {
        classes().that().resideInAPackage("org.mastery.assessment..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..",
                        "org.mastery.assessment..domain..",
                        "org.axonframework.modelling.command..",
                        "org.axonframework.commandhandling",
                        "org.axonframework.eventsourcing",
                        "org.axonframework.serialization",
                        "org.axonframework.spring.stereotype")
                .because("the domain is plain Java with Axon's modelling annotations (STYLE.md)")
                .check(service);
    }

    @Test
    void domainKnowsNothingOfSpringKafkaMongoOrOtherContextsContracts() {
        noClasses().that().resideInAPackage("org.mastery.assessment..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..",
                        "org.bson..", "com.fasterxml..", "org.mastery.contracts..", "org.mastery.kit..", "org.mastery.access..")
                .check(service);
    }

    @Test
    void internalEventsCarryARevisionAndArePastTenseWithoutAnEventSuffix() {
        classes().that().resideInAPackage("org.mastery.assessment..domain..").and().areRecords()
                .and().haveSimpleNameEndingWith("ed")
                .should().beAnnotatedWith(Revision.class)
                .check(service);
        classes().that().areAnnotatedWith(Revision.class)
                .should().haveSimpleNameEndingWith("ed")
                .andShould().haveSimpleNameNotEndingWith("Event")
                .andShould().resideInAPackage("org.mastery.assessment..domain..")
                .check(service);
    }

    @Test
    void contractRecordsAreUsedOnlyAtTheEdges() {
        noClasses().that().resideInAnyPackage("org.mastery.assessment..domain..", "org.mastery.assessment..web..")
                .should().dependOnClassesThat().resideInAPackage("org.mastery.contracts..")
                .because("contract events are mapped in integration packages; the rest of the service speaks its own types")
                .check(service);
    }

    @Test
    void theServicesPartsHaveNoCycles() {
        slices().matching("org.mastery.assessment.(*)..").should().beFreeOfCycles().check(service);
        slices().matching("org.mastery.assessment.(**).domain..").should().beFreeOfCycles().check(service);
    }

    @Test
    void webControllersDoNotReachIntoMongoDirectly() {
        noClasses().that().resideInAPackage("org.mastery.assessment..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..")
                .orShould().dependOnClassesThat().resideInAnyPackage("com.mongodb.client..")
                .because("controllers read views through the query packages")
                .check(service);
    }
}
