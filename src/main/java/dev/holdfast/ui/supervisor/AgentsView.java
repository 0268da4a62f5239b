package dev.holdfast.ui.supervisor;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.holdfast.ui.i18n.Language;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The agents board: connection health (not the presence they chose), last heartbeat, load,
 * unsent messages their panel reports, and what they did last; offline agents first. From an
 * agent who is gone with conversations still theirs: "Reassign their conversations…".
 */
final class AgentsView {
    private final VBox root = new VBox(8);
    private final TableView<AgentItem> table = new TableView<>();
    private final Label notice = new Label();
    private Consumer<AgentItem> onReassign = item -> { };

    AgentsView(AgentsViewModel vm, Language language, ZoneId zone) {
        SortedList<AgentItem> sorted = new SortedList<>(vm.items());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("agents-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        
        TableColumn<AgentItem, AgentItem.Line> agent = Columns.column(language, "sup.agents.col.agent", "agents-name",
                AgentItem::lineProperty, (l, m) -> name(l), Comparator.comparing(AgentsView::name));
        TableColumn<AgentItem, AgentItem.Line> connection = Columns.column(language, "sup.agents.col.presence",
                "agents-connection", AgentItem::lineProperty, (l, m) -> AgentWords.connection(l.health(), m, zone),
                Comparator.comparingInt((AgentItem.Line l) -> AgentWords.connectionRank(l.health()))
                        .thenComparing(l -> l.health().offlineSince() == null ? 0L : l.health().offlineSince()));
        TableColumn<AgentItem, AgentItem.Line> heartbeat = Columns.column(language, "sup.agents.col.heartbeat",
                "agents-heartbeat", AgentItem::lineProperty, AgentWords::heartbeat,
                Comparator.comparingLong(AgentItem.Line::heartbeatAgoMillis));
        TableColumn<AgentItem, AgentItem.Line> load = Columns.column(language, "sup.agents.col.load", "agents-load",
                AgentItem::lineProperty, (l, m) -> AgentWords.load(l.health(), m),
                Comparator.comparingInt(l -> l.health().agent().open()));
        TableColumn<AgentItem, AgentItem.Line> unsent = Columns.column(language, "sup.agents.col.unsent",
                "agents-unsent", AgentItem::lineProperty, (l, m) -> Integer.toString(l.health().unsent()),
                Comparator.comparingInt(l -> l.health().unsent()));
        TableColumn<AgentItem, AgentItem.Line> activity = Columns.column(language, "sup.agents.col.activity",
                "agents-activity", AgentItem::lineProperty, AgentWords::activity,
                Comparator.comparingLong(l -> Math.max(l.health().lastTypedAt() == null ? 0 : l.health().lastTypedAt(),
                        l.health().lastSentAt() == null ? 0 : l.health().lastSentAt())));
        table.getColumns().addAll(List.of(agent, connection, heartbeat, load, unsent, activity));
        table.getSortOrder().add(connection);
        Columns.followLanguage(table, language);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AgentItem item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(GONE, !empty && item != null && item.line().needsReassign());
            }
        });

        Button reassign = new Button();
        reassign.setId("agents-reassign");
        reassign.textProperty().bind(language.text("sup.agents.reassign"));
        reassign.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            AgentItem chosen = table.getSelectionModel().getSelectedItem();
            return chosen == null || !chosen.line().needsReassign();
        }, table.getSelectionModel().selectedItemProperty(), vm.items()));
        reassign.setOnAction(e -> this.onReassign.accept(table.getSelectionModel().getSelectedItem()));

        Label summary = new Label();
        summary.setId("agents-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(Bindings.createStringBinding(() -> language.messages().get("sup.agents.summary",
                vm.items().size(), vm.liveProperty().get(), vm.items().size() - vm.liveProperty().get()), vm.items(),
                vm.liveProperty(), language.messagesProperty()));
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Columns.sizeInEm(summary, table, 11, 12, 10, 12, 7.5, 12);
        notice.setId("agents-notice");
        notice.setWrapText(true);
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, reassign, spring, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, notice, table);
        root.setPadding(new Insets(8, 0, 0, 0));
    }

    private static final javafx.css.PseudoClass GONE = javafx.css.PseudoClass.getPseudoClass("gone");

    private static String name(AgentItem.Line l) {
        String display = l.health().agent().displayName();
        return display == null || display.isBlank() ? l.health().agent().id() : display;
    }

    /** What "Reassign their conversations…" does with the chosen agent. */
    void onReassign(Consumer<AgentItem> action) {
        this.onReassign = action;
    }

    /** Says what the last reassign did, above the table. */
    void tell(String words) {
        notice.setText(words);
    }

    Node root() {
        return root;
    }
}
