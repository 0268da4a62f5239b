package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The narrow panel beside the thread: who the customer is, since when the conversation runs, where
 * it stands, and what can be done with it (take, transfer, close). Redrawn from the open
 * conversation's row whenever that row, the language or the minute changes.
 */
final class CustomerPanelView {
    private final StackPane root = new StackPane();
    private final VBox details = new VBox(12);
    private final Label empty = new Label();
    private final Label name = new Label();
    private final GridPane facts = new GridPane();
    private final FlowPane tags = new FlowPane(4, 4);
    private final Label notice = new Label();
    private final Button take = new Button();
    private final Button transfer = new Button();
    private final Button close = new Button();
    private final ConversationListViewModel list;
    private final ConversationActions actions;
    private final Language language;
    private final LongSupplier clock;

    CustomerPanelView(ConversationListViewModel list, ConversationActions actions, Language language,
                      LongSupplier clock, Runnable onTransfer, Runnable onClose) {
        this.list = list;
        this.actions = actions;
        this.language = language;
        this.clock = clock;
        root.setId("customer-panel");
        root.getStyleClass().add("customer-panel");
        root.setMinWidth(200);
        root.setPrefWidth(250);

        empty.setId("customer-empty");
        empty.textProperty().bind(language.text("customer.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);

        name.setId("customer-name");
        name.getStyleClass().add(Styles.TITLE_4);
        name.setWrapText(true);
        facts.setHgap(10);
        facts.setVgap(6);
        tags.setId("customer-tags");
        notice.setId("action-notice");
        notice.getStyleClass().add("action-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.managedProperty().bind(notice.visibleProperty());

        button(take, "action-take", "action.take", Styles.ACCENT);
        take.setOnAction(e -> {
            ConversationItem item = list.selectedProperty().get();
            if (item != null) {
                actions.take(item);
            }
        });
        button(transfer, "action-transfer", "action.transfer", Styles.BUTTON_OUTLINED);
        transfer.setOnAction(e -> onTransfer.run());
        button(close, "action-close", "action.close", Styles.DANGER);
        close.setOnAction(e -> onClose.run());
        HBox buttons = new HBox(6, take, transfer, close);

        details.getChildren().addAll(name, facts, tags, buttons, notice);
        details.setPadding(new Insets(14));
        root.getChildren().addAll(empty, details);
        StackPane.setAlignment(details, javafx.geometry.Pos.TOP_LEFT);
        StackPane.setMargin(empty, new Insets(14));

        list.selectedProperty().addListener((obs, old, now) -> {
            if (!showsTheSame(old, now)) {
                draw();
            }
        });
        actions.noticeProperty().addListener((obs, old, now) -> draw());
        language.messagesProperty().addListener((obs, old, now) -> draw());
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> draw()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
        draw();
    }

    private void button(Button button, String id, String key, String style) {
        button.setId(id);
        button.textProperty().bind(language.text(key));
        button.getStyleClass().addAll(Styles.SMALL, style);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.managedProperty().bind(button.visibleProperty());
        button.disableProperty().bind(actions.busyProperty());
    }

    /**
     * Whether two rows look the same here. A customer message replaces the open conversation's row
     * (its last activity and unread count change); drawing builds new labels, whose CSS costs
     * milliseconds, so during a burst only what the panel shows is worth a redraw.
     */
    private static boolean showsTheSame(ConversationItem old, ConversationItem now) {
        if (old == null || now == null) {
            return old == now;
        }
        ConversationSummary a = old.summary();
        ConversationSummary b = now.summary();
        return a.id().equals(b.id()) && a.customer().equals(b.customer()) && a.status() == b.status()
                && java.util.Objects.equals(a.assignee(), b.assignee()) && a.createdAt() == b.createdAt();
    }

    private void draw() {
        ConversationItem item = list.selectedProperty().get();
        empty.setVisible(item == null);
        details.setVisible(item != null);
        if (item == null) {
            return;
        }
        Messages m = language.messages();
        ConversationSummary s = item.summary();
        CustomerInfo c = s.customer();
        name.setText(c.name());
        facts.getChildren().clear();
        fact(0, m.get("customer.channel"), c.channel(), "customer-channel");
        fact(1, m.get("customer.language"), languageName(c.language(), m.locale()), "customer-language");
        fact(2, m.get("customer.started"), started(s.createdAt(), m), "customer-started");
        fact(3, m.get("customer.status"), m.get("conversation.status." + s.status().name().toLowerCase(Locale.ROOT)),
                "customer-status");
        fact(4, m.get("customer.assignee"), s.assignee() == null ? m.get("customer.assignee.none") : s.assignee(),
                "customer-assignee");
        tags.getChildren().clear();
        for (String tag : c.tags()) {
            Label chip = new Label(tag);
            chip.getStyleClass().add("tag-chip");
            tags.getChildren().add(chip);
        }
        tags.setVisible(!c.tags().isEmpty());
        tags.setManaged(!c.tags().isEmpty());
        boolean mine = list.user().equals(s.assignee()) && s.status() == ConversationStatus.ASSIGNED;
        take.setVisible(s.status() == ConversationStatus.QUEUED);
        transfer.setVisible(mine);
        close.setVisible(mine);
        String key = actions.noticeProperty().get();
        notice.setVisible(key != null);
        notice.setText(key == null ? "" : m.get(key));
    }

    private void fact(int row, String label, String value, String id) {
        Label what = new Label(label);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        what.setMinWidth(Region.USE_PREF_SIZE);
        Label shown = new Label(value);
        shown.setId(id);
        shown.setWrapText(true);
        facts.addRow(row, what, shown);
    }

    /** "29 Nov 2026, 16:22" over "5 min ago": the moment, and how long ago in words. */
    private String started(long at, Messages m) {
        if (at <= 0) {
            return "—";
        }
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(m.locale()).withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(at));
        return m.get("customer.startedAt", when, WaitingTime.format(clock.getAsLong() - at, m));
    }

    /** The customer's language named in the panel's language: "Spanish", "español". */
    private static String languageName(String code, Locale in) {
        String named = Locale.forLanguageTag(code).getDisplayLanguage(in);
        return named.isBlank() ? code : named;
    }

    Node root() {
        return root;
    }
}
