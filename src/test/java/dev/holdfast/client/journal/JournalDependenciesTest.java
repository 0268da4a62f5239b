package dev.holdfast.client.journal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The journal and the client's common code stand on the protocol, the JDK, SQLite and slf4j only;
 * no client code reaches JavaFX, the platform, the UI or the app.
 */
class JournalDependenciesTest {
    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.holdfast.client");

    @Test
    void clientNeverReachesJavaFxPlatformUiOrApp() {
        noClasses().that().resideInAPackage("dev.holdfast.client..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "dev.holdfast.platform..", "dev.holdfast.ui..", "dev.holdfast.app..")
                .check(CLIENT);
    }

    @Test
    void journalUsesOnlyTheProtocolTheJdkSqliteAndSlf4j() {
        classes().that().resideInAnyPackage("dev.holdfast.client.journal..", "dev.holdfast.client.common..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.holdfast.client.journal..", "dev.holdfast.client.common..",
                        "dev.holdfast.protocol..", "java..", "org.sqlite..", "org.slf4j..")
                .check(CLIENT);
    }
}
