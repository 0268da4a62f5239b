package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.supervision.BoardRow;

/**
 * One conversation on the board, kept as the same object while it stays there, so the table keeps
 * its selection and scroll when the row's facts change; the facts are replaced as a whole.
 *
 * <p>Threading: FX thread only.
 */
final class BoardItem extends LiveItem<BoardItem.Line> {
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

    BoardItem(Line first) {
        super(first.row().conversation().id(), first);
    }
}
