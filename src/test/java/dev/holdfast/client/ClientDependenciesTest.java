package dev.holdfast.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The client core is headless and knows the platform only through the protocol: no JavaFX, no
 * reference platform, no UI, no wiring (docs/ARCHITECTURE.md). Its tests may start the platform;
 * its code may not.
 */
class ClientDependenciesTest {

    @Test
    void theCoreStandsOnTheProtocolOnly() {
        JavaClasses client = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.holdfast.client");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "dev.holdfast.platform..", "dev.holdfast.ui..", "dev.holdfast.app..")
                .check(client);
    }
}
