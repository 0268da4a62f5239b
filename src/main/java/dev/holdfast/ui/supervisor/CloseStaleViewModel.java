package dev.holdfast.ui.supervisor;

import dev.holdfast.client.api.ApiException;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.client.supervision.SupervisorDesk;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.supervision.BulkCloseResult;
import dev.holdfast.protocol.supervision.ClosePreview;
import dev.holdfast.protocol.supervision.Skipped;
import dev.holdfast.protocol.supervision.Target;
import dev.holdfast.protocol.supervision.UndoResult;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Closing stale conversations safely: a dry run lists the stale ones with why; the supervisor
 * keeps all or some, gives a reason and may send a farewell (one text per customer language,
 * from the templates, editable); the platform re-checks each at execution and says which it
 * skipped; the close can be undone for five minutes.
 *
 * <p>A farewell in two languages makes two closes (one per language), because a close carries one
 * farewell: the summary adds them up, and Undo undoes both.
 *
 * <p>Threading: FX thread only; the desk's answers come back through the bridge.
 */
final class CloseStaleViewModel {
    enum Stage { HIDDEN, LOADING, PREVIEW, CLOSING, SUMMARY, UNDOING, UNDONE }

    /** What the close did, over every batch it took. */
    record Closed(List<String> batchIds, long undoUntil, List<String> closed, List<Skipped> skipped) {
    }

    private final SupervisorDesk desk;
    private final FxBridge bridge;
    private final Language language;
    private final LongSupplier deskClock;
    private final Scheduler timers;
    private final Runnable afterChange;

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.HIDDEN);
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList(
            c -> new Observable[] {c.chosenProperty()});
    private final IntegerBinding chosenCount = Bindings.createIntegerBinding(
            () -> (int) candidates.stream().filter(c -> c.chosenProperty().get()).count(), candidates);
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty farewellOn = new SimpleBooleanProperty(false);
    /** The farewell per customer language ("en", "es"), for the languages of the chosen conversations. */
    private final ObservableList<String> farewellLanguages = FXCollections.observableArrayList();
    private final Map<String, StringProperty> farewells = new LinkedHashMap<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Closed> closed = new SimpleObjectProperty<>();
    private final ObjectProperty<UndoResult> undone = new SimpleObjectProperty<>();
    private final ObjectProperty<UndoCountdown> countdown = new SimpleObjectProperty<>();
    /** The platform's clock minus the desk's, from the preview's answer. */
    private long offsetMillis;

    /**
     * @param afterChange runs after a close or an undo went through (the board refreshes at once)
     */
    CloseStaleViewModel(SupervisorDesk desk, FxBridge bridge, Language language, LongSupplier deskClock,
                        Scheduler timers, Runnable afterChange) {
        this.desk = desk;
        this.bridge = bridge;
        this.language = language;
        this.deskClock = deskClock;
        this.timers = timers;
        this.afterChange = afterChange;
        for (String lang : List.of("en", "es")) {
            farewells.put(lang, new SimpleStringProperty(Messages.forLanguage(lang).get("sup.farewell.template")));
        }
        candidates.addListener((javafx.collections.ListChangeListener<Candidate>) c -> refreshLanguages());
    }

    /** Asks the platform for a dry run over every stale conversation. */
    void open() {
        stopCountdown();
        candidates.clear();
        reason.set("");
        farewellOn.set(false);
        error.set("");
        closed.set(null);
        undone.set(null);
        stage.set(Stage.LOADING);
        long askedAt = deskClock.getAsLong();
        bridge.whenDone(desk.previewStale(null, null), (preview, failure) -> {
            if (stage.get() != Stage.LOADING) {
                return; // cancelled meanwhile
            }
            if (failure != null) {
                error.set(SupervisionWords.failure(failure, language.messages()));
                stage.set(Stage.PREVIEW);
                return;
            }
            offsetMillis = preview.serverTime() - (askedAt + deskClock.getAsLong()) / 2;
            show(preview);
        });
    }

    private void show(ClosePreview preview) {
        candidates.setAll(preview.candidates().stream().map(Candidate::new).toList());
        stage.set(Stage.PREVIEW);
    }

    void chooseAll(boolean all) {
        candidates.forEach(c -> c.chosenProperty().set(all));
    }

    private void refreshLanguages() {
        TreeSet<String> langs = new TreeSet<>();
        candidates.stream().filter(c -> c.chosenProperty().get()).forEach(c -> langs.add(c.farewellLanguage()));
        if (!farewellLanguages.equals(new ArrayList<>(langs))) {
            farewellLanguages.setAll(langs);
        }
    }

    boolean canConfirm() {
        return stage.get() == Stage.PREVIEW && chosenCount.get() > 0 && !reason.get().isBlank();
    }

    /** Closes the chosen ones with the versions the preview showed; the platform skips what changed since. */
    void confirm() {
        if (!canConfirm()) {
            return;
        }
        error.set("");
        stage.set(Stage.CLOSING);
        Map<String, List<Target>> byLanguage = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.chosenProperty().get()) {
                String lang = farewellOn.get() ? c.farewellLanguage() : "any";
                byLanguage.computeIfAbsent(lang, k -> new ArrayList<>())
                        .add(new Target(c.id(), c.candidate().conversation().version()));
            }
        }
        List<CompletableFuture<BulkCloseResult>> closes = new ArrayList<>();
        byLanguage.forEach((lang, targets) -> closes.add(desk.close(targets, reason.get().strip(),
                farewellOn.get() ? farewells.get(lang).get() : null)));
        bridge.whenDone(CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new))
                .thenApply(done -> closes.stream().map(CompletableFuture::join).toList()), (results, failure) -> {
                    if (failure != null) {
                        error.set(SupervisionWords.failure(failure, language.messages()));
                        stage.set(Stage.PREVIEW);
                        afterChange.run(); // one of two closes may have gone through
                        return;
                    }
                    closed.set(merge(results));
                    countdown.set(new UndoCountdown(closed.get().undoUntil(), offsetMillis, deskClock, timers));
                    stage.set(Stage.SUMMARY);
                    afterChange.run();
                });
    }

    static Closed merge(List<BulkCloseResult> results) {
        List<String> batches = new ArrayList<>();
        List<String> closedIds = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        long until = Long.MAX_VALUE;
        for (BulkCloseResult r : results) {
            batches.add(r.batchId());
            closedIds.addAll(r.closed());
            skipped.addAll(r.skipped());
            until = Math.min(until, r.undoUntil());
        }
        return new Closed(batches, until, closedIds, skipped);
    }

    /** Reopens what the close closed (each to the agent it was closed from), while the five minutes last. */
    void undo() {
        Closed c = closed.get();
        if (stage.get() != Stage.SUMMARY || c == null || countdown.get().remainingProperty().get() == 0) {
            return;
        }
        error.set("");
        stage.set(Stage.UNDOING);
        List<CompletableFuture<UndoResult>> undos = c.batchIds().stream().map(desk::undo).toList();
        bridge.whenDone(CompletableFuture.allOf(undos.toArray(CompletableFuture[]::new))
                .thenApply(done -> undos.stream().map(CompletableFuture::join).toList()), (results, failure) -> {
                    if (failure != null) {
                        boolean tooLate = failure instanceof ApiException e && e.code() == ErrorCode.CONFLICT;
                        error.set(tooLate ? language.messages().get("sup.summary.undoExpired")
                                : SupervisionWords.failure(failure, language.messages()));
                        stage.set(Stage.SUMMARY);
                        return;
                    }
                    List<String> reopened = new ArrayList<>();
                    List<Skipped> skipped = new ArrayList<>();
                    results.forEach(r -> {
                        reopened.addAll(r.reopened());
                        skipped.addAll(r.skipped());
                    });
                    stopCountdown();
                    undone.set(new UndoResult(c.batchIds().get(0), reopened, skipped));
                    stage.set(Stage.UNDONE);
                    afterChange.run();
                });
    }

    void hide() {
        stopCountdown();
        stage.set(Stage.HIDDEN);
    }

    private void stopCountdown() {
        if (countdown.get() != null) {
            countdown.get().stop();
        }
    }

    /** The customer's name for a conversation id, from the preview (ids of others stay ids). */
    String customerOf(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> c.candidate().conversation().customer().name()).orElse(id);
    }

    ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    ObservableList<Candidate> candidates() {
        return candidates;
    }

    IntegerBinding chosenCount() {
        return chosenCount;
    }

    StringProperty reasonProperty() {
        return reason;
    }

    BooleanProperty farewellOnProperty() {
        return farewellOn;
    }

    ObservableList<String> farewellLanguages() {
        return farewellLanguages;
    }

    StringProperty farewell(String lang) {
        return farewells.get(lang);
    }

    StringProperty errorProperty() {
        return error;
    }

    ObjectProperty<Closed> closedProperty() {
        return closed;
    }

    ObjectProperty<UndoResult> undoneProperty() {
        return undone;
    }

    ObjectProperty<UndoCountdown> countdownProperty() {
        return countdown;
    }
}
