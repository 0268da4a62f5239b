package dev.holdfast;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The layering of Holdfast, checked on the main classes:
 *
 * <ul>
 *   <li>{@code protocol}: the wire records and codec, shared by everyone; only the JDK and Jackson.
 *   <li>{@code client}: the agent panel's logic, free of any UI toolkit and of the platform.
 *   <li>{@code ui}: the JavaFX views; talks to the platform only through {@code client}.
 *   <li>{@code platform}: the reference chat platform; knows nothing of the panel.
 *   <li>{@code app}: the entry points that wire the others together; nobody depends on it.
 * </ul>
 *
 * <p>Packages that do not exist yet make their rules pass ({@code allowEmptyShould}); the rules
 * bite as soon as a class appears there.
 */
@AnalyzeClasses(packages = "dev.holdfast", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PROTOCOL = "dev.holdfast.protocol..";
    private static final String CLIENT = "dev.holdfast.client..";
    private static final String UI = "dev.holdfast.ui..";
    private static final String PLATFORM = "dev.holdfast.platform..";
    private static final String APP = "dev.holdfast.app..";

    private static final String JAVAFX = "javafx..";

    @ArchTest
    void protocolDependsOnlyOnTheJdkAndJackson(JavaClasses classes) {
        classes().that().resideInAPackage(PROTOCOL)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..", PROTOCOL)
                .because("every component speaks the protocol, so it must not pull any of them in")
                .check(classes);
    }

    @ArchTest
    void clientIsFreeOfUiToolkitAndPlatform(JavaClasses classes) {
        noClasses().that().resideInAPackage(CLIENT)
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, PLATFORM, UI, APP)
                .because("the client logic is tested headless against any platform that speaks the protocol")
                .allowEmptyShould(true)
                .check(classes);
    }

    @ArchTest
    void uiGoesThroughTheClient(JavaClasses classes) {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat(
                        resideInAnyPackage(PLATFORM, "java.sql..", "org.java_websocket..", "okhttp3..", "org.sqlite..")
                                .or(assignableTo(Socket.class))
                                .or(assignableTo(ServerSocket.class))
                                .as("belong to the platform, JDBC, raw sockets, WebSocket/HTTP libraries or SQLite"))
                .because("views show state; connections and storage belong to the client")
                .allowEmptyShould(true)
                .check(classes);
    }

    @ArchTest
    void platformKnowsNothingOfThePanel(JavaClasses classes) {
        noClasses().that().resideInAPackage(PLATFORM)
                .should().dependOnClassesThat().resideInAnyPackage(CLIENT, UI, JAVAFX)
                .because("the platform is a server: it must run without the panel or a display")
                .allowEmptyShould(true)
                .check(classes);
    }

    @ArchTest
    void onlyAppDependsOnApp(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAPackage(APP)
                .because("app wires the components together; it sits on top of everything")
                .check(classes);
    }

    @ArchTest
    void noImplOrManagerClasses(JavaClasses classes) {
        noClasses()
                .should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Manager")
                .because("a name should say what a class does")
                .check(classes);
    }

    @ArchTest
    void topLevelPackagesAreFreeOfCycles(JavaClasses classes) {
        slices().matching("dev.holdfast.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }
}
