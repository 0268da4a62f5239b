package dev.holdfast.ui.i18n;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The panel's language now, switchable while it runs: views bind their texts to {@link #text} so
 * a switch redraws every label without a restart; code that formats on demand (list cells,
 * errors) reads {@link #messages()} at that moment and listens to {@link #messagesProperty()}.
 *
 * <p>Threading: FX thread only.
 */
public final class Language {
    private final ReadOnlyObjectWrapper<Messages> messages;

    public Language(Messages initial) {
        this.messages = new ReadOnlyObjectWrapper<>(initial);
    }

    /** "en" or "es"; anything else means English. */
    public void use(String language) {
        if (!language.equals(code())) {
            messages.set(Messages.forLanguage(language));
        }
    }

    public String code() {
        return messages.get().locale().getLanguage();
    }

    public Messages messages() {
        return messages.get();
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** The text of {@code key} in the current language, following every switch. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
    }
}
