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

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, label(language, "login.server"), server);
        form.addRow(1, label(language, "login.user"), user);
        form.addRow(2, label(language, "login.password"), password);
        server.setPrefColumnCount(22);
        // Labels keep their full width ("Contraseña" must not become "Contr..."); fields take the rest.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        CheckBox remember = new CheckBox();
        remember.textProperty().bind(language.text("login.remember"));
        remember.selectedProperty().bindBidirectional(vm.rememberUserProperty());

        Label error = new Label();
        error.setId("login-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());

        Button signIn = new Button();
        signIn.setId("login-sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.textProperty().bind(javafx.beans.binding.Bindings.when(vm.busyProperty())
                .then(language.text("login.signingIn")).otherwise(language.text("login.signIn")));
        signIn.disableProperty().bind(vm.busyProperty());
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
        Label label = new Label();
        label.textProperty().bind(language.text(key));
        return label;
    }

    /** For the demo: the password of the demo account, typed in for the user. */
    public void prefillPassword(String text) {
        password.setText(text);
    }

    public Parent root() {
        return root;
    }
}
