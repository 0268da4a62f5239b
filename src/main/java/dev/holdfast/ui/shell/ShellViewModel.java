package dev.holdfast.ui.shell;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.Presence;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.StatusText;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

/**
 * What the shell shows around the workspace: the connection status in words (recounted every
 * second so "reconnecting in N s" counts down), the presence switch and the way out.
 *
 * <p>Threading: every field and property is owned by the FX thread.
 */
public final class ShellViewModel {
    private final AgentSession session;
    private final FxBridge bridge;
    private final Language language;
    private final LongSupplier clock;
    private final ObjectProperty<SessionStatus> status = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper statusWords = new ReadOnlyStringWrapper("");
    /** "N messages that waited have been sent", for a while after they went out; else empty. */
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final WaitedMessages waited = new WaitedMessages();
    private final ObjectProperty<Presence> presence = new SimpleObjectProperty<>(Presence.AVAILABLE);
    private final Timeline countdown;
    private final Cancellable listening;

    public ShellViewModel(AgentSession session, FxBridge bridge, Language language, LongSupplier clock) {
        this.session = session;
        this.bridge = bridge;
        this.language = language;
        this.clock = clock;
        status.addListener((obs, old, now) -> describe());
        language.messagesProperty().addListener((obs, old, now) -> describe());
        status.set(session.status().get());
        listening = bridge.listen(batch -> {
            for (SessionUpdate u : batch) {
                if (u instanceof SessionUpdate.StatusChanged s) {
                    status.set(s.status());
                } else if (u instanceof SessionUpdate.DeliveryChanged d) {
                    waited.delivery(d.entry(), status.get() instanceof SessionStatus.Live, clock.getAsLong());
                }
            }
            describe();
        });
        bridge.load(session::unsent, waited::waitingAlready);
        presence.addListener((obs, old, now) -> {
            if (now != null) {
                session.setPresence(now);
            }
        });
        countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> describe()));
        countdown.setCycleCount(Animation.INDEFINITE);
        countdown.play();
    }

    private void describe() {
        SessionStatus s = status.get();
        long now = clock.getAsLong();
        statusWords.set(s == null ? "" : new StatusText(language.messages()).describe(s, now));
        int sent = waited.sentLately(now);
        note.set(sent == 0 ? "" : language.messages().get("status.note.waitedSent", sent));
    }

    /** Signs out, keeping or erasing the journal; {@code then} runs on the FX thread afterwards. */
    public void signOut(boolean eraseLocalCopy, Runnable then) {
        dispose();
        bridge.whenDone(session.signOut(eraseLocalCopy), (done, failure) -> then.run());
    }

    public void dispose() {
        countdown.stop();
        listening.cancel();
    }

    public String user() {
        return session.user();
    }

    public ObjectProperty<SessionStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusWords.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObjectProperty<Presence> presenceProperty() {
        return presence;
    }
}
