package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.BoardRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live board: every open and queued conversation once, merged in place from each snapshot
 * (a conversation still there keeps its {@link BoardItem}, so the table keeps selection and
 * scroll), filtered by {@link BoardFilter}. The teams and agents seen feed the filter choices.
 *
 * <p>Threading: FX thread only.
 */
final class BoardViewModel {
    /** Changes of an item's line count as list updates, so filtering and sorting follow them. */
    private final ObservableList<BoardItem> items = FXCollections.observableArrayList(
            item -> new Observable[] {item.lineProperty()});
    private final Map<String, BoardItem> byId = new HashMap<>();
    private final FilteredList<BoardItem> shown = new FilteredList<>(items);
    private final ObjectProperty<BoardFilter> filter = new SimpleObjectProperty<>(BoardFilter.ALL);
    private final ObservableList<String> teams = FXCollections.observableArrayList();
    private final ObservableList<String> agents = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper stale = new ReadOnlyIntegerWrapper();
    private Board last;

    BoardViewModel() {
        filter.addListener((obs, old, now) -> shown.setPredicate(item -> now.test(item.line().row())));
        shown.setPredicate(item -> filter.get().test(item.line().row()));
    }

    /** Merges a snapshot: changed rows updated in place, gone rows removed, new rows added at the end. */
    void apply(Board board) {
        last = board;
        Set<String> present = new HashSet<>();
        List<BoardItem> added = new ArrayList<>();
        int staleCount = 0;
        TreeSet<String> teamNames = new TreeSet<>();
        TreeSet<String> agentNames = new TreeSet<>();
        for (BoardRow row : board.rows()) {
            String id = row.conversation().id();
            present.add(id);
            BoardItem.Line line = new BoardItem.Line(row, board.serverTime());
            BoardItem item = byId.get(id);
            if (item == null) {
                item = new BoardItem(line);
                byId.put(id, item);
                added.add(item);
            } else if (!item.line().equals(line)) {
                item.update(line);
            }
            if (row.staleness().stale()) {
                staleCount++;
            }
            if (row.team() != null) {
                teamNames.add(row.team());
            }
            if (row.conversation().assignee() != null) {
                agentNames.add(row.conversation().assignee());
            }
        }
        if (byId.size() > present.size()) {
            byId.keySet().retainAll(present);
            items.removeIf(item -> !present.contains(item.id()));
        }
        items.addAll(added);
        stale.set(staleCount);
        replaceIfChanged(teams, teamNames);
        replaceIfChanged(agents, agentNames);
    }

    private static void replaceIfChanged(ObservableList<String> list, TreeSet<String> now) {
        if (!list.equals(new ArrayList<>(now))) {
            list.setAll(now);
        }
    }

    /** The customer's name for a conversation on the board; the id for one that is not. */
    String customerName(String id) {
        BoardItem item = byId.get(id);
        return item == null ? id : item.line().row().conversation().customer().name();
    }

    /** Every conversation on the board. */
    ObservableList<BoardItem> items() {
        return items;
    }

    /** Those the filter lets through (the table sorts them). */
    FilteredList<BoardItem> shown() {
        return shown;
    }

    ObjectProperty<BoardFilter> filterProperty() {
        return filter;
    }

    ObservableList<String> teams() {
        return teams;
    }

    ObservableList<String> agents() {
        return agents;
    }

    ReadOnlyIntegerProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The last board applied; null before the first. */
    Board last() {
        return last;
    }
}
