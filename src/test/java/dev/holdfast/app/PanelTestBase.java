package dev.holdfast.app;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Messages;
import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.shell.HoldfastWindow;
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
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the panel's headless tests share: one primary stage, a robot, the background pool the
 * bridge uses, the sessions the window opened (closed after each test), opening the window on a
 * real platform, reading what it shows, and screenshots.
 */
abstract class PanelTestBase {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static Stage stage;

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-ui-background");
        t.setDaemon(true);
        return t;
    });
    final List<AgentSession> sessions = new CopyOnWriteArrayList<>();

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

    /** The window on {@code p}, sign-in prefilled for agent1 with {@code password}. */
    HoldfastWindow open(TestPlatform p, String password) throws Exception {
        return open(p, password, false);
    }

    /** The same, in the dark theme when {@code dark}. */
    HoldfastWindow open(TestPlatform p, String password, boolean dark) throws Exception {
        return onFx(() -> {
            HoldfastWindow w = new HoldfastWindow(stage, Messages.forLanguage("en"), FxBridge.forJavaFx(background),
                    server -> {
                        AgentSession s = new AgentSession(server, dir.resolve("desk"), Clock.systemUTC());
                        sessions.add(s);
                        return s;
                    }, new RememberedUser(dir.resolve("desk")),
                    new HoldfastWindow.Prefill(p.platform.baseUri().toString(), "agent1", password), dark);
            stage.setWidth(1100);
            stage.setHeight(720);
            w.show();
            return w;
        });
    }

    String text(String query) throws Exception {
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

    /** Visible here means drawn: the node and every parent up to the scene are visible. */
    boolean showing(String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> {
            for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return n.getScene() != null;
        }).orElse(false));
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    static Path screenshot(HoldfastWindow window, String name) throws Exception {
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
        return out;
    }
}
