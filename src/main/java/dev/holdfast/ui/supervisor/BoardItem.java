package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.supervision.BoardRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One conversation on the board, kept as the same object while it stays there, so the table keeps
 * its selection and scroll when the row's facts change; the facts are replaced as a whole.
 *
 * <p>Threading: FX thread only.
 */
final class BoardItem {
    /** A row as the platform judged it at {@code serverTime} (durations are worded against it). */
    record Line(BoardRow row, long serverTime) {
        long waitingMillis() {
            Long since = row.conversation().waitingSince();
            return since == null ? -1 : Math.max(0, serverTime - since);
        }

        long idleMillis() {
            return Math.max(0, serverTime - row.conversation().lastActivityAt());
        }
    }

    private final String id;
    private final ReadOnlyObjectWrapper<Line> line;

    BoardItem(Line first) {
        this.id = first.row().conversation().id();
        this.line = new ReadOnlyObjectWrapper<>(first);
    }

    String id() {
        return id;
    }

    Line line() {
        return line.get();
    }

    ReadOnlyObjectProperty<Line> lineProperty() {
        return line.getReadOnlyProperty();
    }

    void update(Line next) {
        line.set(next);
    }
}
