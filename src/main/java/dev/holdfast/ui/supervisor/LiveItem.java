package dev.holdfast.ui.supervisor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A row of a live table: the same object from snapshot to snapshot, so the table keeps its
 * selection and scroll, with the latest facts ({@code L}) in a property the table's sort and
 * filter watch.
 *
 * <p>Threading: FX thread only.
 */
abstract class LiveItem<L> {
    private final String id;
    private final ReadOnlyObjectWrapper<L> line;

    LiveItem(String id, L first) {
        this.id = id;
        this.line = new ReadOnlyObjectWrapper<>(first);
    }

    final String id() {
        return id;
    }

    final L line() {
        return line.get();
    }

    final ReadOnlyObjectProperty<L> lineProperty() {
        return line.getReadOnlyProperty();
    }

    final void update(L next) {
        line.set(next);
    }
}
