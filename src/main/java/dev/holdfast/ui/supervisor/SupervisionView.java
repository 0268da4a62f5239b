package dev.holdfast.ui.supervisor;

import atlantafx.base.theme.Styles;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.supervision.BoardFeed;
import dev.holdfast.client.supervision.SupervisorDesk;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.fx.FxScheduler;
import dev.holdfast.ui.i18n.Language;
import java.nio.file.Path;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The supervisor's console: the live board of conversations, the agents board and the audit log,
 * with "Close stale conversations…" over them. Fed by a {@link BoardFeed} while shown (every two
 * seconds, and at once after an action); stopped when hidden.
 *
 * <p>Threading: FX thread; snapshots come from the core thread through the bridge.
 */
public final class SupervisionView {
    private final BorderPane content = new BorderPane();
    private final StackPane root = new StackPane(content);
    private final BoardFeed feed;
    private final AuditViewModel audit;
    private final TabPane tabs = new TabPane();
    private final Tab auditTab = new Tab();
    private boolean shown;

    public SupervisionView(AgentSession session, FxBridge bridge, Language language) {
        SupervisorDesk desk = session.supervisorDesk();
        ZoneId zone = ZoneId.systemDefault();
        BoardViewModel board = new BoardViewModel();
        AgentsViewModel agents = new AgentsViewModel();
        Label updated = new Label();
        updated.setId("sup-updated");
        updated.getStyleClass().add(Styles.TEXT_MUTED);
        // When the last snapshot came, or why the last fetch failed: worded now, and again on a language switch.
        ObjectProperty<Long> updatedAt = new SimpleObjectProperty<>();
        ObjectProperty<Throwable> failed = new SimpleObjectProperty<>();
        updated.textProperty().bind(Bindings.createStringBinding(() -> failed.get() != null
                ? SupervisionWords.failure(failed.get(), language.messages())
                : updatedAt.get() == null ? language.messages().get("sup.loading")
                : language.messages().get("sup.updated", SupervisionWords.clockTime(updatedAt.get(), zone)),
                updatedAt, failed, language.messagesProperty()));
        feed = session.boardFeed(new BoardFeed.Listener() {
            @Override
            public void snapshot(BoardFeed.Snapshot s) {
                bridge.onFx(() -> {
                    board.apply(s.board());
                    agents.apply(s.agents());
                    updated.getStyleClass().remove(Styles.DANGER);
                    failed.set(null);
                    updatedAt.set(System.currentTimeMillis());
                });
            }

            @Override
            public void failed(Throwable failure) {
                bridge.onFx(() -> {
                    if (!updated.getStyleClass().contains(Styles.DANGER)) {
                        updated.getStyleClass().add(Styles.DANGER);
                    }
                    failed.set(failure);
                });
            }
        });
        audit = new AuditViewModel(desk, bridge, language);
        Runnable afterAction = () -> {
            feed.refreshNow();
            if (auditTab.isSelected()) {
                audit.refresh();
            }
        };

        CloseStaleViewModel closing = new CloseStaleViewModel(desk, bridge, language, System::currentTimeMillis,
                new FxScheduler(), afterAction);
        CloseStaleDialog closeDialog = new CloseStaleDialog(closing, language);
        AgentsView agentsView = new AgentsView(agents, language, zone);
        ReassignDialog reassign = new ReassignDialog(desk, bridge, language, board::customerName, (item, words) -> {
            agentsView.tell(words);
            afterAction.run();
        });
        agentsView.onReassign(reassign::open);

        Button closeStale = new Button();
        closeStale.setId("sup-close-stale");
        closeStale.textProperty().bind(language.text("sup.closeStale"));
        closeStale.setGraphic(new FontIcon(MaterialDesignC.CLOCK_ALERT_OUTLINE));
        closeStale.getStyleClass().add(Styles.DANGER);
        closeStale.setOnAction(e -> closing.open());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        BoardView boardView = new BoardView(board, language);
        HBox header = new HBox(16, closeStale, spring, boardView.summary(), updated);
        header.setAlignment(Pos.CENTER_LEFT);

        tabs.setId("sup-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("sup-tab-board", "sup.tab.board", boardView.root(), language),
                tab("sup-tab-agents", "sup.tab.agents", agentsView.root(), language));
        auditTab.setId("sup-tab-audit");
        auditTab.textProperty().bind(language.text("sup.tab.audit"));
        auditTab.setContent(new AuditView(audit, language, zone).root());
        tabs.getTabs().add(auditTab);
        auditTab.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                audit.refresh();
            }
        });

        content.setTop(header);
        content.setCenter(tabs);
        content.setPadding(new Insets(12));
        content.getStyleClass().add("supervision");
        root.getChildren().addAll(closeDialog.root(), reassign.root());
        content.disableProperty().bind(closeDialog.root().visibleProperty().or(reassign.root().visibleProperty()));
    }

    private static Tab tab(String id, String key, Node body, Language language) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(language.text(key));
        t.setContent(body);
        return t;
    }

    /** The console is on screen: the feed runs. */
    public void show() {
        if (!shown) {
            shown = true;
            feed.start();
        }
    }

    /** The console is off screen: nothing is fetched. */
    public void hide() {
        if (shown) {
            shown = false;
            feed.stop();
        }
    }

    /** Saves the audit log as CSV to {@code file} without asking (what Export CSV… does after its file chooser). */
    public void exportAuditTo(Path file) {
        audit.exportTo(file);
    }

    public Node root() {
        return root;
    }
}
