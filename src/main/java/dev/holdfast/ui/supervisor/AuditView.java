package dev.holdfast.ui.supervisor;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.holdfast.protocol.supervision.AuditEntry;
import dev.holdfast.ui.i18n.Language;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The audit log as a table, newest first, with Refresh, Load older and Export CSV…. */
final class AuditView {
    /** Month, day and time: the year only costs width on screen; the CSV export carries full instants. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private final VBox root = new VBox(8);

    AuditView(AuditViewModel vm, Language language, ZoneId zone) {
        TableView<AuditEntry> table = new TableView<>(vm.entries());
        table.setId("audit-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
                table.getColumns().addAll(List.of(
                column(language, "sup.audit.col.when", "audit-when",
                        (e, m) -> WHEN.format(Instant.ofEpochMilli(e.at()).atZone(zone))),
                column(language, "sup.audit.col.who", "audit-who", (e, m) -> e.actor()),
                column(language, "sup.audit.col.action", "audit-action",
                        (e, m) -> m.get("sup.audit.action." + e.action().name().toLowerCase(Locale.ROOT))),
                column(language, "sup.audit.col.conversation", "audit-conversation",
                        (e, m) -> e.conversationId() == null ? "" : e.conversationId()),
                column(language, "sup.audit.col.target", "audit-target",
                        (e, m) -> e.target() == null ? "" : e.target()),
                column(language, "sup.audit.col.batch", "audit-batch", (e, m) -> shortBatch(e.batchId())),
                column(language, "sup.audit.col.reason", "audit-reason",
                        (e, m) -> e.reason() == null ? "" : e.reason())));
        Columns.followLanguage(table, language);

        Button refresh = button("audit-refresh", "sup.audit.refresh", language, vm::refresh);
        Button older = button("audit-older", "sup.audit.older", language, vm::loadOlder);
        older.disableProperty().bind(vm.moreProperty().not().or(vm.busyProperty()));
        Button export = button("audit-export", "sup.audit.export", language, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("holdfast-audit.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                vm.exportTo(file.toPath());
            }
        });
        export.disableProperty().bind(vm.busyProperty());
        Label notice = new Label();
        notice.setId("audit-notice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        notice.textProperty().bind(vm.noticeProperty());
        Columns.sizeInEm(notice, table, 9, 7.5, 7, 18, 6, 8.5, 14);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, refresh, older, spring, notice, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, table);
        root.setPadding(new Insets(8, 0, 0, 0));
    }

    /** Entries stay in the platform's order (newest first): a column sorts them only when clicked. */
    private static TableColumn<AuditEntry, AuditEntry> column(Language language, String key, String id,
                                                             java.util.function.BiFunction<AuditEntry,
                                                                     dev.holdfast.ui.i18n.Messages, String> words) {
        return Columns.column(language, key, id, e -> new ReadOnlyObjectWrapper<>(e), words,
                Comparator.comparing(e -> words.apply(e, language.messages())));
    }

    /**
     * "b-49aeee55": enough to tell the batches on screen apart (the entries of one close share it);
     * the CSV export carries the whole id.
     */
    static String shortBatch(String batchId) {
        return batchId == null ? "" : batchId.substring(0, Math.min(batchId.length(), 10));
    }

    private static Button button(String id, String key, Language language, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(language.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    Node root() {
        return root;
    }
}
