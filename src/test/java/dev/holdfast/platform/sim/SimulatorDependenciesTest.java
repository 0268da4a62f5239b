package dev.holdfast.platform.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The simulator stands on the protocol, the JDK and slf4j only: no client, UI or server code. */
class SimulatorDependenciesTest {

    @Test
    void dependsOnlyOnTheProtocolTheJdkAndSlf4j() {
        JavaClasses simulator = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.holdfast.platform.sim");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.holdfast.platform.sim..", "dev.holdfast.protocol..", "java..",
                        "org.slf4j..")
                .check(simulator);
    }
}
