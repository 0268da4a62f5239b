package dev.holdfast.ui.components;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.ui.i18n.Language;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** A message's delivery state as a small icon whose tooltip says it in words. */
public final class DeliveryIcon extends Label {
    private final Language language;
    private final Tooltip tooltip = new Tooltip();

    public DeliveryIcon(Language language) {
        this.language = language;
        tooltip.setShowDelay(Duration.millis(300));
        setTooltip(tooltip);
        getStyleClass().add("delivery-icon");
    }

    public void show(DeliveryState state, String reason) {
        if (state == null) {
            setGraphic(null);
            setVisible(false);
            return;
        }
        setVisible(true);
        FontIcon icon = switch (state) {
            case QUEUED -> new FontIcon(MaterialDesignC.CLOCK_OUTLINE);
            case SENDING -> new FontIcon(MaterialDesignS.SYNC);
            case SENT -> new FontIcon(MaterialDesignC.CHECK);
            case FAILED_WILL_RETRY -> new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
            case NEEDS_ACTION -> new FontIcon(MaterialDesignA.ALERT);
        };
        icon.getStyleClass().add("delivery-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        setGraphic(icon);
        String words = describe(state, reason);
        tooltip.setText(words);
        setAccessibleText(words);
        setId(null);
        getProperties().put("delivery", state);
    }

    public String describe(DeliveryState state, String reason) {
        String why = reason == null ? "" : reason;
        var messages = language.messages();
        return switch (state) {
            case QUEUED -> messages.get("delivery.queued");
            case SENDING -> messages.get("delivery.sending");
            case SENT -> messages.get("delivery.sent");
            case FAILED_WILL_RETRY -> messages.get("delivery.failed", why);
            case NEEDS_ACTION -> messages.get("delivery.needsAction", why);
        };
    }
}
