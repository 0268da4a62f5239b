package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The search field and the filter menu above the tabs. Both write the list's one filter; Esc in the
 * field clears the search. The menu's channels and languages are the ones present when it opens.
 */
final class SearchRow {
    private final HBox root;
    private final TextField field = new TextField();
    private final ConversationListViewModel vm;
    private final Language language;

    SearchRow(ConversationListViewModel vm, Language language) {
        this.vm = vm;
        this.language = language;
        field.setId("list-search");
        field.promptTextProperty().bind(language.text("list.search.prompt"));
        field.textProperty().addListener((obs, old, now) -> vm.filterProperty().set(filter().withQuery(now)));
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                e.consume();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);

        MenuButton menu = new MenuButton(null, new FontIcon(MaterialDesignF.FILTER_VARIANT));
        menu.setId("list-filter");
        menu.getStyleClass().add(Styles.BUTTON_OUTLINED);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(language.text("list.filter"));
        menu.setTooltip(tip);
        // The button is tinted while a filter hides rows, so an emptier list is never a mystery.
        vm.filterProperty().addListener((obs, old, now) ->
                menu.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("narrowed"),
                        now.narrowsBeyondQuery()));
        menu.setOnShowing(e -> menu.getItems().setAll(items()));
        menu.getItems().setAll(items());

        root = new HBox(6, field, menu);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 6, 4, 6));
    }

    private ConversationFilter filter() {
        return vm.filterProperty().get();
    }

    private List<MenuItem> items() {
        CheckMenuItem unanswered = check("list.filter.unanswered", filter().unansweredOnly(),
                on -> filter().withUnansweredOnly(on));
        unanswered.setId("filter-unanswered");
        CheckMenuItem unread = check("list.filter.unread", filter().unreadOnly(), on -> filter().withUnreadOnly(on));
        unread.setId("filter-unread");
        Menu channel = choices("list.filter.channel", vm.channels(), filter().channel(),
                (f, value) -> f.withChannel(value));
        Menu lang = choices("list.filter.language", vm.languages(), filter().language(),
                (f, value) -> f.withLanguage(value));
        MenuItem clear = new MenuItem(language.messages().get("list.filter.clear"));
        clear.setId("filter-clear");
        clear.setOnAction(e -> {
            field.clear();
            vm.filterProperty().set(ConversationFilter.NONE);
        });
        return List.of(unanswered, unread, new SeparatorMenuItem(), channel, lang, new SeparatorMenuItem(), clear);
    }

    private CheckMenuItem check(String key, boolean selected,
                                java.util.function.Function<Boolean, ConversationFilter> change) {
        CheckMenuItem item = new CheckMenuItem(language.messages().get(key));
        item.setSelected(selected);
        item.selectedProperty().addListener((obs, old, now) -> vm.filterProperty().set(change.apply(now)));
        return item;
    }

    /** "Any" and each value present; picking one narrows to it. */
    private Menu choices(String key, List<String> values, String chosen,
                         BiFunction<ConversationFilter, String, ConversationFilter> change) {
        Menu menu = new Menu(language.messages().get(key));
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem any = new RadioMenuItem(language.messages().get("list.filter.any"));
        any.setToggleGroup(group);
        any.setSelected(chosen == null);
        any.setOnAction(e -> vm.filterProperty().set(change.apply(filter(), null)));
        menu.getItems().add(any);
        for (String value : values) {
            RadioMenuItem item = new RadioMenuItem(value.toUpperCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(value.equals(chosen));
            item.setOnAction(e -> vm.filterProperty().set(change.apply(filter(), value)));
            menu.getItems().add(item);
        }
        return menu;
    }

    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    Node root() {
        return root;
    }
}
