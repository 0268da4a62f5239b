package dev.holdfast.ui.login;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in screen: a small card in the middle of the window. */
public final class LoginView {
    private final StackPane root = new StackPane();
    private final PasswordField password = new PasswordField();

    public LoginView(LoginViewModel vm, Language language) {
        Label heading = label(language, "login.heading");
        heading.getStyleClass().add(Styles.TITLE_3);

        TextField server = new TextField();
        server.setId("login-server");
        server.textProperty().bindBidirectional(vm.serverProperty());
        TextField user = new TextField();
        user.setId("login-user");
        user.textProperty().bindBidirectional(vm.userProperty());
        password.setId("login-password");

        GridPane form = SignInParts.form();
        form.addRow(0, label(language, "login.server"), server);
        form.addRow(1, label(language, "login.user"), user);
        form.addRow(2, label(language, "login.password"), password);
        server.setPrefColumnCount(22);

        CheckBox remember = new CheckBox();
        remember.textProperty().bind(language.text("login.remember"));
        remember.selectedProperty().bindBidirectional(vm.rememberUserProperty());

        Label error = SignInParts.error("login-error", vm.errorProperty());
        Button signIn = SignInParts.signInButton("login-sign-in", language, vm.busyProperty());
        signIn.setOnAction(e -> {
            // The field's own text cannot be wiped, but it is emptied so it does not linger on screen.
            char[] secret = password.getText().toCharArray();
            password.clear();
            vm.signIn(secret);
        });

        VBox card = new VBox(16, heading, form, remember, error, signIn);
        card.setPadding(new Insets(28));
        card.setMaxWidth(440);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().add("login-card");
        root.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.setPadding(new Insets(24));
    }

    /** A label whose text follows the language. */
    public static Label label(Language language, String key) {
        return SignInParts.label(language, key);
    }

    /** For the demo: the password of the demo account, typed in for the user. */
    public void prefillPassword(String text) {
        password.setText(text);
    }

    public Parent root() {
        return root;
    }
}
