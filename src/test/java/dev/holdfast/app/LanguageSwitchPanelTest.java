package dev.holdfast.app;

import static dev.holdfast.app.PanelTestBase.onFx;
import static dev.holdfast.app.PanelTestBase.screenshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.util.List;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;

/** Switching English to Spanish in the user menu rewords the panel at once, and is remembered. */
class LanguageSwitchPanelTest extends PanelTestBase {
    @Test
    void spanishFromTheMenuRewordsTabsAndStatusWithoutARestart() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            assertThat(tabTitles()).containsExactly("Mine (0)", "Queue (0)", "Closed (0)");

            robot.clickOn("#user-menu").clickOn("Language").clickOn("Español");

            await().atMost(PATIENCE).until(() -> "En línea".equals(text("#status-text")));
            assertThat(tabTitles()).containsExactly("Mías (0)", "En cola (0)", "Cerradas (0)");
            assertThat(text("#presence-away")).isEqualTo("Ausente");
            assertThat(onFx(stage::getTitle)).isEqualTo("Holdfast — agent1");
            assertThat(onFx(() -> window.language().code())).isEqualTo("es");
            await().atMost(PATIENCE).until(() -> new RememberedUser(dir.resolve("desk")).load()
                    .map(RememberedUser.Entry::language).orElse("").equals("es"));
            assertThat(new RememberedUser(dir.resolve("desk")).load().orElseThrow().user()).isEqualTo("agent1");
            screenshot(window, "07-spanish-at-runtime");

            robot.clickOn("#user-menu").clickOn("Idioma").clickOn("English");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            assertThat(tabTitles()).containsExactly("Mine (0)", "Queue (0)", "Closed (0)");
        }
    }

    private List<String> tabTitles() throws Exception {
        return onFx(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().stream()
                .map(t -> t.getText()).toList());
    }
}
