package dev.holdfast.ui.shell;

import atlantafx.base.theme.Styles;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.protocol.Presence;
import dev.holdfast.ui.i18n.Language;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The frame around the workspace: a toolbar with the presence switch and the user menu on top,
 * and the status bar at the bottom, always visible, saying in words how the connection is.
 */
public final class ShellView {
    private final BorderPane frame = new BorderPane();
    /** The frame, with the sign-in-again dialog stacked over it when it is shown. */
    private final StackPane root = new StackPane(frame);
    private final MenuButton userMenu;
    private final ToolBar top;
    /** True while the supervision console is in the centre instead of the workspace. FX thread. */
    private final BooleanProperty supervising = new SimpleBooleanProperty(false);

    /**
     * @param onSignedOut runs on the FX thread once the session has signed out
     * @param darkTheme   the theme now in use; the menu toggles it
     * @param onLanguage  runs with "en" or "es" when the user picks a language in the menu
     * @param overlay     drawn over everything (the sign-in-again dialog); hidden when not needed
     */
    public ShellView(ShellViewModel vm, Language language, Node workspace, Node overlay, boolean darkTheme,
                     java.util.function.Consumer<String> onLanguage, Runnable onSignedOut) {
        Label title = new Label();
        title.textProperty().bind(language.text("app.title"));
        title.getStyleClass().add(Styles.TITLE_4);

        ToggleGroup presence = new ToggleGroup();
        ToggleButton available = new ToggleButton();
        ToggleButton away = new ToggleButton();
        available.textProperty().bind(language.text("presence.available"));
        away.textProperty().bind(language.text("presence.away"));
        available.setId("presence-available");
        away.setId("presence-away");
        available.setUserData(Presence.AVAILABLE);
        away.setUserData(Presence.AWAY);
        available.getStyleClass().add(Styles.LEFT_PILL);
        away.getStyleClass().add(Styles.RIGHT_PILL);
        available.setToggleGroup(presence);
        away.setToggleGroup(presence);
        presence.selectToggle(vm.presenceProperty().get() == Presence.AWAY ? away : available);
        presence.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                presence.selectToggle(old); // one of the two is always chosen
            } else {
                vm.presenceProperty().set((Presence) now.getUserData());
            }
        });
        HBox presenceSwitch = new HBox(available, away);

        userMenu = new MenuButton(vm.user(), new FontIcon(MaterialDesignA.ACCOUNT_CIRCLE));
        userMenu.setId("user-menu");
        CheckMenuItem dark = new CheckMenuItem();
        dark.textProperty().bind(language.text("menu.theme.dark"));
        dark.setSelected(darkTheme);
        dark.selectedProperty().addListener((obs, old, now) -> Theme.apply(now));
        MenuItem signOut = new MenuItem();
        signOut.textProperty().bind(language.text("menu.signOut"));
        signOut.setId("menu-sign-out");
        signOut.setOnAction(e -> vm.signOut(false, onSignedOut));
        MenuItem signOutAndErase = new MenuItem();
        signOutAndErase.textProperty().bind(language.text("menu.signOutAndErase"));
        signOutAndErase.setId("menu-sign-out-erase");
        signOutAndErase.setOnAction(e -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, language.messages().get("menu.signOutAndErase.confirm"),
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> vm.signOut(true, onSignedOut));
        });
        userMenu.getItems().addAll(dark, LanguageMenu.create(language, onLanguage), new SeparatorMenuItem(), signOut,
                signOutAndErase);

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        top = new ToolBar(title, spring, presenceSwitch, userMenu);

        frame.setTop(top);
        frame.setCenter(workspace);
        frame.setBottom(statusBar(vm));
        root.getChildren().add(overlay);
    }

    private static Node statusBar(ShellViewModel vm) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("status-dot");
        Label words = new Label();
        words.setId("status-text");
        words.textProperty().bind(vm.statusTextProperty());
        words.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("status-note");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        HBox bar = new HBox(8, dot, words, note);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        vm.statusProperty().addListener((obs, old, now) -> paint(dot, now));
        paint(dot, vm.statusProperty().get());
        return bar;
    }

    /** The dot's colour repeats the words for a glance: green live, amber on the way, red stuck. */
    private static void paint(Circle dot, SessionStatus status) {
        dot.getStyleClass().removeAll("status-live", "status-busy", "status-stuck");
        if (status instanceof SessionStatus.Live) {
            dot.getStyleClass().add("status-live");
        } else if (status instanceof SessionStatus.NeedsPassword || status instanceof SessionStatus.Failed
                || status instanceof SessionStatus.Offline) {
            dot.getStyleClass().add("status-stuck");
        } else {
            dot.getStyleClass().add("status-busy");
        }
    }

    /**
     * Puts {@code item} in the user menu between the theme and the language: a submenu right under
     * Language would open when the pointer crosses it on the way into Language's submenu.
     */
    void addToUserMenu(MenuItem item) {
        userMenu.getItems().add(1, item);
    }

    /**
     * For supervisors and admins only: a "Workspace | Supervision" switch next to the title that puts
     * the console in the centre instead of the workspace. {@code onConsole} hears true when the
     * console comes on screen and false when it goes.
     */
    void offerSupervision(Language language, Node workspace, Node console, Consumer<Boolean> onConsole) {
        ToggleGroup views = new ToggleGroup();
        ToggleButton work = new ToggleButton();
        ToggleButton supervise = new ToggleButton();
        work.setId("view-workspace");
        supervise.setId("view-supervision");
        work.textProperty().bind(language.text("view.workspace"));
        supervise.textProperty().bind(language.text("view.supervision"));
        work.getStyleClass().add(Styles.LEFT_PILL);
        supervise.getStyleClass().add(Styles.RIGHT_PILL);
        work.setToggleGroup(views);
        supervise.setToggleGroup(views);
        views.selectToggle(work);
        views.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                views.selectToggle(old); // one of the two is always chosen
            } else {
                supervising.set(now == supervise);
            }
        });
        supervising.addListener((obs, old, now) -> {
            views.selectToggle(now ? supervise : work);
            frame.setCenter(now ? console : workspace);
            onConsole.accept(now);
        });
        HBox viewSwitch = new HBox(work, supervise);
        viewSwitch.setId("view-switch");
        viewSwitch.setPadding(new Insets(0, 0, 0, 16));
        top.getItems().add(1, viewSwitch);
    }

    /** Whether the supervision console is shown; stays false for an agent. */
    BooleanProperty supervisingProperty() {
        return supervising;
    }

    /** Stacks {@code overlay} over everything already shown. */
    void addOverlay(Node overlay) {
        root.getChildren().add(overlay);
    }

    public Parent root() {
        return root;
    }
}
