package dev.holdfast.ui.login;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
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
        Label heading = SignInParts.label(language, "reauth.heading");
        heading.getStyleClass().add(Styles.TITLE_3);
        Label reason = SignInParts.label(language, "reauth.reason");
        reason.setId("reauth-reason");
        reason.setWrapText(true);

        TextField user = new TextField(vm.user());
        user.setId("reauth-user");
        user.setEditable(false);
        user.setFocusTraversable(false);
        password.setId("reauth-password");

        GridPane form = SignInParts.form();
        form.addRow(0, SignInParts.label(language, "login.user"), user);
        form.addRow(1, SignInParts.label(language, "login.password"), password);

        Label error = SignInParts.error("reauth-error", vm.errorProperty());
        Button signIn = SignInParts.signInButton("reauth-sign-in", language, vm.busyProperty());
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
