package dev.holdfast.ui.supervisor;

import dev.holdfast.client.supervision.SupervisorDesk;
import dev.holdfast.protocol.supervision.AuditEntry;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit log, newest first, a page at a time ("Load older" pages back from the oldest shown),
 * and its export: the platform's CSV written as it is to the file the user chose.
 *
 * <p>Threading: FX thread only; the file is written off it.
 */
final class AuditViewModel {
    static final int PAGE = 50;

    private final SupervisorDesk desk;
    private final FxBridge bridge;
    private final Language language;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty more = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty notice = new SimpleStringProperty("");

    AuditViewModel(SupervisorDesk desk, FxBridge bridge, Language language) {
        this.desk = desk;
        this.bridge = bridge;
        this.language = language;
    }

    /** The newest page again. */
    void refresh() {
        load(null, true);
    }

    void loadOlder() {
        if (!entries.isEmpty() && more.get()) {
            load(entries.get(entries.size() - 1).id(), false);
        }
    }

    private void load(Long before, boolean replace) {
        busy.set(true);
        bridge.whenDone(desk.audit(before, PAGE), (page, failure) -> {
            busy.set(false);
            if (failure != null) {
                notice.set(SupervisionWords.failure(failure, language.messages()));
                return;
            }
            if (replace) {
                entries.setAll(page.entries());
            } else {
                entries.addAll(page.entries());
            }
            more.set(page.entries().size() == PAGE);
        });
    }

    /** Saves the whole log as the platform's CSV to {@code file}; the notice says where, or why not. */
    void exportTo(Path file) {
        busy.set(true);
        bridge.whenDone(desk.auditCsv().thenApply(csv -> write(file, csv)), (saved, failure) -> {
            busy.set(false);
            notice.set(failure == null ? language.messages().get("sup.audit.exported", saved)
                    : failure instanceof UncheckedIOException io
                    ? language.messages().get("sup.audit.exportFailed", io.getCause().getMessage())
                    : SupervisionWords.failure(failure, language.messages()));
        });
    }

    /** Written beside the file and moved over it, so a failed write never leaves half a log. Runs on an IO thread. */
    private static Path write(Path file, byte[] csv) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Path part = Files.createTempFile(parent, ".audit-", ".part");
            try {
                Files.write(part, csv);
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObservableList<AuditEntry> entries() {
        return entries;
    }

    BooleanProperty moreProperty() {
        return more;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    StringProperty noticeProperty() {
        return notice;
    }
}
