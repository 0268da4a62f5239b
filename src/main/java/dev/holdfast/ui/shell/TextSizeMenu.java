package dev.holdfast.ui.shell;

import dev.holdfast.ui.i18n.Language;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/** The user menu's "Text size": larger, smaller, normal; the keys are in the F1 help. */
final class TextSizeMenu {
    private TextSizeMenu() {
    }

    static Menu create(Language language, TextSize size) {
        Menu menu = new Menu();
        menu.setId("menu-text-size");
        menu.textProperty().bind(language.text("menu.textSize"));
        MenuItem larger = item(language, "menu.textSize.larger", "menu-text-larger", size::larger);
        MenuItem smaller = item(language, "menu.textSize.smaller", "menu-text-smaller", size::smaller);
        MenuItem reset = item(language, "menu.textSize.reset", "menu-text-reset", size::reset);
        menu.getItems().addAll(larger, smaller, reset);
        return menu;
    }

    private static MenuItem item(Language language, String key, String id, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(language.text(key));
        item.setOnAction(e -> action.run());
        return item;
    }
}
