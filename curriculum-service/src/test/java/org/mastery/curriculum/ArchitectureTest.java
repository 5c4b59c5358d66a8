package org.mastery.curriculum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of STYLE.md, for this service. */
@AnalyzeClasses(packages = "org.mastery.curriculum", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Domain code uses the JDK, Axon's modelling annotations and itself: no Spring, Kafka, MongoDB, JDBC, Jackson or contracts. */
    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = classes().that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "org.mastery.curriculum..domain..",
                    "org.axonframework.modelling.command..",
                    "org.axonframework.commandhandling",
                    "org.axonframework.eventsourcing",
                    "org.axonframework.serialization",
                    "org.axonframework.spring.stereotype")
            .because("domain may use Axon's modelling annotations and nothing else from frameworks (STYLE.md)");

    @ArchTest
    static final ArchRule domainDoesNotKnowTheOtherLayers = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..query..", "..integration..", "..config..");

    /** Contract records are produced only where internal events are mapped to them (and where access facts are fed). */
    @ArchTest
    static final ArchRule contractsStayAtTheEdge = noClasses().that().resideInAnyPackage("..domain..", "..web..")
            .should().dependOnClassesThat().resideInAPackage("org.mastery.contracts..");

    /** Aggregates do not reach into each other's domain: references between them are ids, checked by the directory. */
    @ArchTest
    static final ArchRule aggregatesAreIndependent = noClasses().that().resideInAPackage("org.mastery.curriculum.course.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mastery.curriculum.framework.domain..", "org.mastery.curriculum.roster.domain..");

    @ArchTest
    static final ArchRule rosterDomainIsIndependent = noClasses().that().resideInAPackage("org.mastery.curriculum.roster.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mastery.curriculum.framework.domain..", "org.mastery.curriculum.course.domain..");

    @ArchTest
    static final ArchRule webDoesNotWriteViews = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Projection");
}
