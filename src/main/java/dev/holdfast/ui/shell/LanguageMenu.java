package dev.holdfast.ui.shell;

import dev.holdfast.ui.i18n.Language;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** The user menu's language choice; each language is named in itself, so it can be found in any. */
final class LanguageMenu {
    private LanguageMenu() {
    }

    /** {@code onChoice} gets "en" or "es"; the ticked item follows the language however it changes. */
    static Menu create(Language language, Consumer<String> onChoice) {
        Menu menu = new Menu();
        menu.setId("menu-language");
        menu.textProperty().bind(language.text("menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (String code : new String[] {"en", "es"}) {
            RadioMenuItem item = new RadioMenuItem();
            item.setId("menu-language-" + code);
            item.textProperty().bind(language.text("language." + code));
            item.setToggleGroup(group);
            item.setSelected(code.equals(language.code()));
            item.setOnAction(e -> onChoice.accept(code));
            language.messagesProperty().addListener((obs, old, now) -> item.setSelected(code.equals(language.code())));
            menu.getItems().add(item);
        }
        return menu;
    }
}
