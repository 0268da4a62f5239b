package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.supervision.AgentBoard;
import dev.holdfast.protocol.supervision.AgentHealth;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agents board: every agent once, merged in place from each snapshot like the conversations.
 *
 * <p>Threading: FX thread only.
 */
final class AgentsViewModel {
    private final ObservableList<AgentItem> items = FXCollections.observableArrayList(
            item -> new Observable[] {item.lineProperty()});
    private final Map<String, AgentItem> byId = new HashMap<>();
    private final ReadOnlyIntegerWrapper live = new ReadOnlyIntegerWrapper();

    void apply(AgentBoard board) {
        Set<String> present = new HashSet<>();
        List<AgentItem> added = new ArrayList<>();
        int liveCount = 0;
        for (AgentHealth h : board.agents()) {
            String id = h.agent().id();
            present.add(id);
            AgentItem.Line line = new AgentItem.Line(h, board.serverTime());
            AgentItem item = byId.get(id);
            if (item == null) {
                item = new AgentItem(line);
                byId.put(id, item);
                added.add(item);
            } else if (!item.line().equals(line)) {
                item.update(line);
            }
            if (h.connection() == ConnectionHealth.LIVE) {
                liveCount++;
            }
        }
        if (byId.size() > present.size()) {
            byId.keySet().retainAll(present);
            items.removeIf(item -> !present.contains(item.id()));
        }
        items.addAll(added);
        live.set(liveCount);
    }

    ObservableList<AgentItem> items() {
        return items;
    }

    ReadOnlyIntegerProperty liveProperty() {
        return live.getReadOnlyProperty();
    }
}
