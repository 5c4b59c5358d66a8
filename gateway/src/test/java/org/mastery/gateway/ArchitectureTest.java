package org.mastery.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway routes, authenticates and protects; it holds no domain rules. It must stay free of
 * Axon, the services' code and contracts, storage and messaging, and the servlet stack (it is WebFlux).
 */
@AnalyzeClasses(packages = "org.mastery.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noDomainOrEventSourcing = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.axonframework..", "org.mastery.kit..", "org.mastery.access..",
                    "org.mastery.contracts..", "org.mastery.curriculum..", "org.mastery.assessment..",
                    "org.mastery.progression..", "org.mastery.reporting..")
            .because("the gateway has no domain rules and shares no code with the services");

    @ArchTest
    static final ArchRule noStorageOrMessaging = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..", "org.springframework.data..",
                    "com.mongodb..", "org.springframework.jdbc..", "java.sql..")
            .because("the gateway keeps no state beyond in-memory rate-limit buckets");

    @ArchTest
    static final ArchRule reactiveOnly = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..")
            .because("the gateway is a WebFlux application");
}
