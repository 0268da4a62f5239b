package dev.holdfast.ui.login;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The pieces both sign-in screens are built from, so they look and behave alike. */
final class SignInParts {
    private SignInParts() {
    }

    static Label label(Language language, String key) {
        Label label = new Label();
        label.textProperty().bind(language.text(key));
        return label;
    }

    /** A label column that keeps its full width ("Contraseña" must not become "Contr..."), fields take the rest. */
    static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    /** An error line that takes no room while there is nothing to say. */
    static Label error(String id, ObservableStringValue error) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.textProperty().bind(error);
        label.managedProperty().bind(Bindings.isNotEmpty(error));
        label.visibleProperty().bind(Bindings.isNotEmpty(error));
        return label;
    }

    /** The default button, saying "Signing in…" and disabled while busy. */
    static Button signInButton(String id, Language language, ObservableBooleanValue busy) {
        Button signIn = new Button();
        signIn.setId(id);
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.textProperty().bind(Bindings.when(busy)
                .then(language.text("login.signingIn")).otherwise(language.text("login.signIn")));
        signIn.disableProperty().bind(busy);
        return signIn;
    }
}
