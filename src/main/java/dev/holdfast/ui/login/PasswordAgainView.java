package dev.holdfast.ui.login;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "sign in again" dialog, drawn inside the window over a dimmed workspace rather than as a
 * separate window, so the conversations stay in sight and nothing moves behind it.
 */
public final class PasswordAgainView {
    private final StackPane root = new StackPane();
    private final PasswordField password = new PasswordField();

    public PasswordAgainView(PasswordAgainViewModel vm, Language language) {
        Label heading = LoginView.label(language, "reauth.heading");
        heading.getStyleClass().add(Styles.TITLE_3);
        Label reason = LoginView.label(language, "reauth.reason");
        reason.setId("reauth-reason");
        reason.setWrapText(true);

        TextField user = new TextField(vm.user());
        user.setId("reauth-user");
        user.setEditable(false);
        user.setFocusTraversable(false);
        password.setId("reauth-password");

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, LoginView.label(language, "login.user"), user);
        form.addRow(1, LoginView.label(language, "login.password"), password);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        Label error = new Label();
        error.setId("reauth-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());

        Button signIn = new Button();
        signIn.setId("reauth-sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.textProperty().bind(Bindings.when(vm.busyProperty())
                .then(language.text("login.signingIn")).otherwise(language.text("login.signIn")));
        signIn.disableProperty().bind(vm.busyProperty());
        signIn.setOnAction(e -> {
            char[] secret = password.getText().toCharArray();
            password.clear();
            vm.signIn(secret);
        });

        VBox card = new VBox(16, heading, reason, form, error, signIn);
        card.setId("reauth-dialog");
        card.setPadding(new Insets(28));
        card.setMaxWidth(440);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("login-card");

        // The scrim dims the workspace and takes its clicks: the dialog is modal within the window.
        root.getStyleClass().add("scrim");
        root.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.setPadding(new Insets(24));
        root.visibleProperty().bind(vm.shownProperty());
        root.managedProperty().bind(vm.shownProperty());
        root.setOnMouseClicked(e -> e.consume());
        vm.shownProperty().addListener((obs, old, now) -> {
            if (now) {
                password.requestFocus();
            }
        });
    }

    public Parent root() {
        return root;
    }
}
