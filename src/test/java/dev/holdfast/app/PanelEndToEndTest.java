package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Messages;
import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.ConversationItem;
import dev.holdfast.ui.workspace.MessageItem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panel, headless (Monocle), against a real platform on loopback: sign in, receive, reply,
 * and ride out a wipe of the platform's live store without leaving the screen.
 */
class PanelEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static Stage stage;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-ui-background");
        t.setDaemon(true);
        return t;
    });
    private final List<AgentSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeSessions() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
        sessions.forEach(AgentSession::close);
        background.shutdownNow();
    }

    private HoldfastWindow open(TestPlatform p, String password) throws Exception {
        return onFx(() -> {
            HoldfastWindow w = new HoldfastWindow(stage, Messages.forLanguage("en"), FxBridge.forJavaFx(background),
                    server -> {
                        AgentSession s = new AgentSession(server, dir.resolve("desk"), Clock.systemUTC());
                        sessions.add(s);
                        return s;
                    }, new RememberedUser(dir.resolve("desk")),
                    new HoldfastWindow.Prefill(p.platform.baseUri().toString(), "agent1", password), false);
            stage.setWidth(1100);
            stage.setHeight(720);
            w.show();
            return w;
        });
    }

    @Test
    void signInReplyAndRideOutAWipe() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = open(p, "demo");
            assertThat(onFx(stage::getTitle)).startsWith("Holdfast");
            screenshot(window, "01-sign-in");

            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            assertThat(onFx(stage::getTitle)).isEqualTo("Holdfast — agent1");
            List<String> statuses = new CopyOnWriteArrayList<>();
            onFx(() -> {
                robot.lookup("#status-text").queryAs(Label.class).textProperty()
                        .addListener((obs, old, now) -> statuses.add(now));
                return null;
            });

            try (TestCustomer customer = new TestCustomer(p.platform.baseUri(), "María", "es")) {
                customer.send("Hola, mi pedido no ha llegado");
                ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
                await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 1);
                onFx(() -> {
                    mine.getSelectionModel().select(0);
                    return null;
                });
                ListView<MessageItem> thread = robot.lookup("#thread").queryListView();
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> "Hola, mi pedido no ha llegado".equals(m.text()))));

                List<DeliveryState> seen = new CopyOnWriteArrayList<>();
                onFx(() -> {
                    thread.getItems().addListener((ListChangeListener<MessageItem>) c -> thread.getItems().stream()
                            .filter(MessageItem::mine).map(MessageItem::delivery).forEach(seen::add));
                    return null;
                });
                robot.clickOn("#composer").write("Lo reviso ahora mismo");
                robot.type(KeyCode.ENTER);
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.SENT
                                && "Lo reviso ahora mismo".equals(m.text()))));
                assertThat(seen.get(0)).isIn(DeliveryState.QUEUED, DeliveryState.SENDING);
                assertThat(text("#composer")).isEmpty();
                customer.send("¡Gracias!");
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> "¡Gracias!".equals(m.text()))));
                screenshot(window, "02-conversation");

                p.wipe();
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> m.kind() == EventKind.RESTORED)) && "Live".equals(text("#status-text")));
                assertThat(statuses).anyMatch(s -> s.startsWith("Recovering"));
                assertThat(onFx(() -> mine.getItems().size())).isEqualTo(1);
                assertThat(onFx(() -> thread.getItems().stream().filter(MessageItem::isMessage).count()))
                        .isEqualTo(3);
                screenshot(window, "03-after-platform-restart");
            }
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainly() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = open(p, "not-the-password");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Wrong user name or password.".equals(text("#login-error")));
            assertThat(text("#login-password")).isEmpty();
            screenshot(window, "04-wrong-password");
        }
    }

    private String text(String query) throws Exception {
        return onFx(() -> {
            var found = robot.lookup(query).tryQuery();
            if (found.isEmpty()) {
                return "";
            }
            var node = found.get();
            if (node instanceof javafx.scene.control.Labeled l) {
                return l.getText();
            }
            return ((javafx.scene.control.TextInputControl) node).getText();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static void screenshot(HoldfastWindow window, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> window.scene().snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, w, h, pixels, 0, w);
        Path out = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(png, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
