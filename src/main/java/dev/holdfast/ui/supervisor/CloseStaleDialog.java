package dev.holdfast.ui.supervisor;

import atlantafx.base.theme.Styles;
import dev.holdfast.protocol.supervision.CloseCandidate;
import dev.holdfast.protocol.supervision.Skipped;
import dev.holdfast.ui.components.DialogOverlay;
import dev.holdfast.ui.i18n.Language;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The close of stale conversations, as two dialogs inside the window: the preview (choose, give a
 * reason, maybe a farewell, confirm) and the summary (closed, skipped with why, Undo counting down
 * the five minutes, then what the undo reopened).
 */
final class CloseStaleDialog {
    private final CloseStaleViewModel vm;
    private final Language language;
    private final DialogOverlay preview;
    private final DialogOverlay summary;
    private final StackPane root = new StackPane();
    private final ListView<Candidate> list = new ListView<>();
    private final TextField reason = new TextField();
    private final VBox farewellTexts = new VBox(6);
    /** The time left to undo, followed across countdowns (each close makes a new one). */
    private final LongProperty remaining = new SimpleLongProperty();
    private Button undo;

    CloseStaleDialog(CloseStaleViewModel vm, Language language) {
        this.vm = vm;
        this.language = language;
        preview = new DialogOverlay("stale", language.text("sup.preview.heading"), vm::hide);
        preview.widen(46);
        summary = new DialogOverlay("summary", language.text("sup.summary.heading"), vm::hide);
        summary.widen(40);
        vm.countdownProperty().addListener((obs, old, now) -> {
            remaining.unbind();
            if (now != null) {
                remaining.bind(now.remainingProperty());
            }
        });
        buildPreview();
        buildSummary();
        root.getChildren().addAll(preview.root(), summary.root());
        root.setPickOnBounds(false);
        root.managedProperty().bind(root.visibleProperty());
        vm.stageProperty().addListener((obs, old, now) -> follow(now));
        vm.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                (summary.isShown() ? summary : preview).fail(now);
            }
        });
        follow(vm.stageProperty().get());
    }

    private void buildPreview() {
        Label status = new Label();
        status.setId("stale-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stageProperty().get()) {
            case LOADING -> language.messages().get("sup.preview.loading");
            case PREVIEW -> vm.candidates().isEmpty() && vm.errorProperty().get().isEmpty()
                    ? language.messages().get("sup.preview.none") : "";
            default -> "";
        }, vm.stageProperty(), vm.candidates(), vm.errorProperty(), language.messagesProperty()));
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());

        list.setId("stale-candidates");
        list.setItems(vm.candidates());
        list.setCellFactory(CheckBoxListCell.forListView(Candidate::chosenProperty, new StringConverter<>() {
            @Override
            public String toString(Candidate c) {
                return c == null ? "" : describe(c.candidate());
            }

            @Override
            public Candidate fromString(String s) {
                return null;
            }
        }));
        // Room for about five rows; the list scrolls, so the dialog fits a 720-pixel-high window.
        list.setStyle("-fx-pref-height: 11em; -fx-min-height: 6em;");
        language.messagesProperty().addListener((obs, old, now) -> list.refresh());
        list.managedProperty().bind(Bindings.isNotEmpty(vm.candidates()));
        list.visibleProperty().bind(list.managedProperty());

        Button all = small("stale-all", "sup.preview.all", () -> vm.chooseAll(true));
        Button none = small("stale-none", "sup.preview.noneChoose", () -> vm.chooseAll(false));
        Label count = new Label();
        count.setId("stale-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> language.messages().get("sup.preview.count",
                vm.chosenCount().get(), vm.candidates().size()), vm.chosenCount(), vm.candidates(),
                language.messagesProperty()));
        HBox choose = new HBox(6, all, none, count);
        choose.setAlignment(Pos.CENTER_LEFT);
        choose.managedProperty().bind(list.managedProperty());
        choose.visibleProperty().bind(list.managedProperty());

        Label reasonLabel = label("sup.preview.reason");
        reason.setId("stale-reason");
        reason.promptTextProperty().bind(language.text("sup.preview.reasonPrompt"));
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        CheckBox farewell = new CheckBox();
        farewell.setId("stale-farewell");
        farewell.textProperty().bind(language.text("sup.preview.farewell"));
        farewell.selectedProperty().bindBidirectional(vm.farewellOnProperty());
        farewellTexts.managedProperty().bind(vm.farewellOnProperty());
        farewellTexts.visibleProperty().bind(vm.farewellOnProperty());
        vm.farewellLanguages().addListener((ListChangeListener<String>) c -> fillFarewells());
        language.messagesProperty().addListener((obs, old, now) -> fillFarewells());
        fillFarewells();
        VBox details = new VBox(8, reasonLabel, reason, farewell, farewellTexts);
        details.managedProperty().bind(list.managedProperty());
        details.visibleProperty().bind(list.managedProperty());

        Button ok = preview.add(language.text("dialog.cancel"), Bindings.createStringBinding(() -> language.messages()
                .get("sup.preview.confirm", vm.chosenCount().get()), vm.chosenCount(), language.messagesProperty()),
                Styles.DANGER, vm::confirm, status, choose, list, details);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canConfirm(), vm.stageProperty(),
                vm.chosenCount(), vm.reasonProperty()));
    }

    /** "María Pérez — agent1 — Idle 42 min · Customer waiting 12 min". */
    private String describe(CloseCandidate c) {
        String agent = c.conversation().assignee() == null ? language.messages().get("sup.unassigned")
                : c.conversation().assignee();
        return c.conversation().customer().name() + " — " + agent + " — "
                + SupervisionWords.staleness(c.staleness(), language.messages());
    }

    private void fillFarewells() {
        farewellTexts.getChildren().clear();
        for (String lang : vm.farewellLanguages()) {
            Label which = new Label(language.messages().get("sup.preview.farewellFor",
                    language.messages().get("sup.language." + lang)));
            which.getStyleClass().add(Styles.TEXT_MUTED);
            TextArea text = new TextArea();
            text.setId("stale-farewell-" + lang);
            text.setWrapText(true);
            text.setPrefRowCount(3);
            text.textProperty().bindBidirectional(vm.farewell(lang));
            farewellTexts.getChildren().addAll(which, text);
        }
    }

    private void buildSummary() {
        Label closedLine = new Label();
        closedLine.setId("summary-closed");
        closedLine.getStyleClass().add(Styles.TEXT_BOLD);
        closedLine.setWrapText(true);
        Label skippedLine = new Label();
        skippedLine.setId("summary-skipped");
        skippedLine.setWrapText(true);
        VBox skippedList = new VBox(2);
        skippedList.setId("summary-skipped-list");
        Label undoneLine = new Label();
        undoneLine.setId("summary-undone");
        undoneLine.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.SUCCESS);
        undoneLine.setWrapText(true);
        undoneLine.managedProperty().bind(undoneLine.textProperty().isNotEmpty());
        Runnable redraw = () -> {
            CloseStaleViewModel.Closed c = vm.closedProperty().get();
            if (c == null) {
                return;
            }
            closedLine.setText(language.messages().get("sup.summary.closed", c.closed().size()));
            skippedLine.setText(language.messages().get("sup.summary.skipped", c.skipped().size()));
            fillSkipped(skippedList, c.skipped());
            var u = vm.undoneProperty().get();
            undoneLine.setText(u == null ? "" : language.messages().get("sup.summary.undone", u.reopened().size())
                    + (u.skipped().isEmpty() ? "" : " " + language.messages().get("sup.summary.undoSkipped",
                    u.skipped().size()) + " " + skipLines(u.skipped())));
        };
        vm.closedProperty().addListener((obs, old, now) -> redraw.run());
        vm.undoneProperty().addListener((obs, old, now) -> redraw.run());
        language.messagesProperty().addListener((obs, old, now) -> redraw.run());

        undo = summary.add(language.text("sup.summary.done"), Bindings.createStringBinding(() -> {
            UndoCountdown countdown = vm.countdownProperty().get();
            if (countdown == null) {
                return "";
            }
            return countdown.remainingProperty().get() == 0 ? language.messages().get("sup.summary.undoOver")
                    : language.messages().get("sup.summary.undo", countdown.words());
        }, vm.countdownProperty(), language.messagesProperty(), remaining), Styles.ACCENT, vm::undo,
                closedLine, skippedLine, skippedList, undoneLine);
        undo.setId("summary-undo");
        undo.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stageProperty().get()
                != CloseStaleViewModel.Stage.SUMMARY || vm.countdownProperty().get() == null
                || vm.countdownProperty().get().remainingProperty().get() == 0, vm.stageProperty(),
                vm.countdownProperty(), remaining));
        undo.managedProperty().bind(vm.stageProperty().isNotEqualTo(CloseStaleViewModel.Stage.UNDONE));
        undo.visibleProperty().bind(undo.managedProperty());
    }

    private void fillSkipped(VBox into, List<Skipped> skipped) {
        into.getChildren().clear();
        for (Skipped s : skipped) {
            Label line = new Label("• " + language.messages().get("sup.skip.line", vm.customerOf(s.id()),
                    SupervisionWords.skipped(s.reason(), language.messages())));
            line.setWrapText(true);
            into.getChildren().add(line);
        }
    }

    private String skipLines(List<Skipped> skipped) {
        return String.join("; ", skipped.stream().map(s -> language.messages().get("sup.skip.line",
                vm.customerOf(s.id()), SupervisionWords.skipped(s.reason(), language.messages()))).toList());
    }

    private void follow(CloseStaleViewModel.Stage stage) {
        switch (stage) {
            case HIDDEN -> {
                preview.hide();
                summary.hide();
            }
            case LOADING -> {
                summary.hide();
                if (!preview.isShown()) {
                    preview.show(reason);
                }
            }
            case PREVIEW, CLOSING -> {
                if (!preview.isShown()) {
                    preview.show(reason);
                }
                if (stage == CloseStaleViewModel.Stage.PREVIEW && !vm.candidates().isEmpty()) {
                    reason.requestFocus();
                }
            }
            case SUMMARY, UNDOING, UNDONE -> {
                preview.hide();
                if (!summary.isShown()) {
                    summary.show(undo.isVisible() ? undo : list);
                }
            }
        }
        root.setVisible(stage != CloseStaleViewModel.Stage.HIDDEN);
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(language.text(key));
        return l;
    }

    private Button small(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(language.text(key));
        b.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        b.setOnAction(e -> action.run());
        return b;
    }

    boolean isShown() {
        return root.isVisible();
    }

    Node root() {
        return root;
    }
}
