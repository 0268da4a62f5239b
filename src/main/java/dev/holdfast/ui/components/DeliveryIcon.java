package dev.holdfast.ui.components;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.ui.i18n.Language;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * A message's delivery state as a small icon whose tooltip says it in words. A failed message's
 * tooltip counts down to the next attempt ("retrying in 4 s") while it is shown.
 *
 * <p>Threading: FX thread only, like every node.
 */
public final class DeliveryIcon extends Label {
    private final Language language;
    private final LongSupplier clock;
    private final Tooltip tooltip = new Tooltip();
    /** Redraws the words once a second while the tooltip is up, so the countdown moves. */
    private final Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> reword()));
    private DeliveryState state;
    private String reason;
    private long nextAttemptAt;

    public DeliveryIcon(Language language) {
        this(language, System::currentTimeMillis);
    }

    /** @param clock epoch millis now, for the countdown to the next attempt */
    public DeliveryIcon(Language language, LongSupplier clock) {
        this.language = language;
        this.clock = clock;
        tooltip.setShowDelay(Duration.millis(300));
        countdown.setCycleCount(Animation.INDEFINITE);
        tooltip.setOnShowing(e -> {
            reword();
            countdown.play();
        });
        tooltip.setOnHidden(e -> countdown.stop());
        setTooltip(tooltip);
        getStyleClass().add("delivery-icon");
    }

    public void show(DeliveryState state, String reason) {
        show(state, reason, 0);
    }

    /** @param nextAttemptAt epoch millis of the next attempt of a failed message, 0 if none */
    public void show(DeliveryState state, String reason, long nextAttemptAt) {
        this.state = state;
        this.reason = reason;
        this.nextAttemptAt = nextAttemptAt;
        if (state == null) {
            setGraphic(null);
            setVisible(false);
            return;
        }
        setVisible(true);
        if (getGraphic() != null && getProperties().get("delivery") == state) {
            reword(); // same icon: a new node would only cost a style pass (cells redraw often)
            return;
        }
        FontIcon icon = switch (state) {
            case QUEUED -> new FontIcon(MaterialDesignC.CLOCK_OUTLINE);
            case SENDING -> new FontIcon(MaterialDesignS.SYNC);
            case SENT -> new FontIcon(MaterialDesignC.CHECK);
            case FAILED_WILL_RETRY -> new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
            case NEEDS_ACTION -> new FontIcon(MaterialDesignA.ALERT);
        };
        icon.getStyleClass().add("delivery-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        setGraphic(icon);
        reword();
        setId(null);
        getProperties().put("delivery", state);
    }

    private void reword() {
        if (state == null) {
            return;
        }
        String words = describe(state, reason, nextAttemptAt, clock.getAsLong());
        tooltip.setText(words);
        setAccessibleText(words);
    }

    public String describe(DeliveryState state, String reason) {
        return describe(state, reason, 0, clock.getAsLong());
    }

    /** The state in words; a failed message says in how many seconds it is tried again. */
    public String describe(DeliveryState state, String reason, long nextAttemptAt, long now) {
        String why = reason == null ? "" : reason;
        var messages = language.messages();
        return switch (state) {
            case QUEUED -> messages.get("delivery.queued");
            case SENDING -> messages.get("delivery.sending");
            case SENT -> messages.get("delivery.sent");
            case FAILED_WILL_RETRY -> nextAttemptAt > now
                    ? messages.get("delivery.failed.in", (nextAttemptAt - now + 999) / 1000, why)
                    : messages.get("delivery.failed", why);
            case NEEDS_ACTION -> messages.get("delivery.needsAction", why);
        };
    }
}
