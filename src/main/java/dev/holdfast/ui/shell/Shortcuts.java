package dev.holdfast.ui.shell;

import dev.holdfast.ui.workspace.WorkspaceView;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The shell's keyboard shortcuts. A filter on the shell's root rather than scene accelerators: the
 * root is replaced at sign-out, so the shortcuts go with it, and a filter sees the keys before the
 * composer's text area would use Ctrl+Up/Down itself.
 */
final class Shortcuts {
    static final KeyCombination NEXT = KeyCombination.keyCombination("Shortcut+Down");
    static final KeyCombination PREVIOUS = KeyCombination.keyCombination("Shortcut+Up");
    static final KeyCombination COMPOSER = KeyCombination.keyCombination("Shortcut+L");
    /** Ctrl+= is where "+" is without Shift on most layouts; the keypad's keys work too. */
    static final List<KeyCombination> TEXT_LARGER = List.of(withShortcut(KeyCode.EQUALS), withShortcut(KeyCode.PLUS),
            withShortcut(KeyCode.ADD));
    static final List<KeyCombination> TEXT_SMALLER = List.of(withShortcut(KeyCode.MINUS),
            withShortcut(KeyCode.SUBTRACT));
    static final List<KeyCombination> TEXT_RESET = List.of(withShortcut(KeyCode.DIGIT0), withShortcut(KeyCode.NUMPAD0));
    static final KeyCombination SEARCH = KeyCombination.keyCombination("Shortcut+F");
    static final KeyCombination CLOSE = KeyCombination.keyCombination("Shortcut+Shift+C");
    static final KeyCombination TRANSFER = KeyCombination.keyCombination("Shortcut+Shift+T");
    /** Supervisors and admins: the workspace and the supervision console. */
    static final KeyCombination WORKSPACE = withShortcut(KeyCode.DIGIT1);
    static final KeyCombination SUPERVISION = withShortcut(KeyCode.DIGIT2);

    private Shortcuts() {
    }

    private static KeyCombination withShortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** Text size keys on the scene, not the shell's root: they work on the sign-in screen too. */
    static void installTextSize(Scene scene, TextSize size) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (TEXT_LARGER.stream().anyMatch(k -> k.match(e))) {
                size.larger();
            } else if (TEXT_SMALLER.stream().anyMatch(k -> k.match(e))) {
                size.smaller();
            } else if (TEXT_RESET.stream().anyMatch(k -> k.match(e))) {
                size.reset();
            } else {
                return;
            }
            e.consume();
        });
    }

    /**
     * While {@code modal} is showing (sign in again) the workspace behind it takes no keys.
     * {@code supervising} is null for an agent (no console, no keys for it); while it is true the
     * workspace is off screen and its keys do nothing.
     */
    static void install(Node root, WorkspaceView workspace, ShortcutHelpView help, Node modal,
                        BooleanProperty supervising) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (modal.isVisible()) {
                return;
            }
            if (e.getCode() == KeyCode.F1) {
                help.toggle();
            } else if (e.getCode() == KeyCode.ESCAPE && help.isShown()) {
                help.toggle();
            } else if (supervising != null && WORKSPACE.match(e)) {
                supervising.set(false);
            } else if (supervising != null && SUPERVISION.match(e)) {
                supervising.set(true);
            } else if (supervising != null && supervising.get()) {
                return;
            } else if (NEXT.match(e)) {
                workspace.nextConversation();
            } else if (PREVIOUS.match(e)) {
                workspace.previousConversation();
            } else if (COMPOSER.match(e)) {
                workspace.focusComposer();
            } else if (SEARCH.match(e)) {
                workspace.focusSearch();
            } else if (CLOSE.match(e)) {
                workspace.closeConversation();
            } else if (TRANSFER.match(e)) {
                workspace.transferConversation();
            } else {
                return;
            }
            e.consume();
        });
    }
}
