package dev.holdfast.client.sync;

import dev.holdfast.client.api.ApiException;
import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.client.status.Updates;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.RestoreResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the platform lost its live state (a new epoch): uploads every open conversation the
 * journal holds, with its receipted events, in batches, reporting progress; then records the
 * new epoch. The HTTP work runs on the IO executor; results and updates go back to the core
 * thread. Holds no state between runs.
 */
public final class RecoveryService {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryService.class);
    static final int BATCH = 25;

    private final PlatformApi api;
    private final Journal journal;
    private final TokenKeeper tokens;
    private final Executor io;
    private final Scheduler core;
    private final Updates updates;
    private final Clock clock;

    public RecoveryService(PlatformApi api, Journal journal, TokenKeeper tokens, Executor io, Scheduler core,
                           Updates updates, Clock clock) {
        this.api = api;
        this.journal = journal;
        this.tokens = tokens;
        this.io = io;
        this.core = core;
        this.updates = updates;
        this.clock = clock;
    }

    /** Runs the recovery; {@code done} or {@code failed} is then called on the core thread. */
    public void recover(String oldEpoch, String newEpoch, Runnable done, Consumer<RuntimeException> failed) {
        io.execute(() -> {
            try {
                run(oldEpoch, newEpoch);
                core.execute(done);
            } catch (RuntimeException e) {
                LOG.warn("recovery after the epoch change did not finish: {}", e.toString());
                core.execute(() -> failed.accept(e));
            }
        });
    }

    private void run(String oldEpoch, String newEpoch) {
        long started = clock.millis();
        // Only what this desk holds history for; queue entries seen in passing carry no events.
        List<ConversationSummary> held = journal.conversations().stream()
                .filter(c -> c.status() != ConversationStatus.CLOSED && journal.cursor(c.id()) > 0)
                .toList();
        int total = held.size();
        publish(new SessionUpdate.RecoveryStarted(oldEpoch, newEpoch, total));
        journal.log(started, "recovery", "the platform lost its live state; restoring " + total + " conversations");
        int done = 0;
        int rejected = 0;
        for (int from = 0; from < total; from += BATCH) {
            List<RestoreRequest.Item> items = new ArrayList<>();
            for (ConversationSummary c : held.subList(from, Math.min(total, from + BATCH))) {
                items.add(new RestoreRequest.Item(c.id(), journal.allEvents(c.id())));
            }
            RestoreResponse response = upload(new RestoreRequest(journal.deviceId(), items));
            List<ConversationSummary> summaries = new ArrayList<>();
            for (RestoreResponse.Result r : response.results()) {
                rejected += r.rejected().size();
                if (!r.rejected().isEmpty()) {
                    // The journal keeps its copy either way; the log says what the platform would not take back.
                    journal.log(clock.millis(), "recovery", "the platform refused " + r.rejected().size()
                            + " events of conversation " + r.conversationId() + " (" + r.rejected().get(0).reason()
                            + "); this computer keeps its copy");
                }
                if (r.conversation() != null) {
                    summaries.add(r.conversation());
                }
            }
            // One transaction for the batch: a disk sync per conversation was most of the recovery's time.
            journal.upsertConversations(summaries);
            summaries.forEach(s -> publish(new SessionUpdate.ConversationChanged(s)));
            done += items.size();
            publish(new SessionUpdate.RecoveryProgress(done, total));
        }
        // The old session id stays: the platform answers SESSION_UNKNOWN and opens a new one.
        journal.saveEpoch(newEpoch);
        long millis = clock.millis() - started;
        journal.log(clock.millis(), "recovery", "restored " + done + " conversations in " + millis + " ms"
                + (rejected > 0 ? "; the platform refused " + rejected + " events" : ""));
        publish(new SessionUpdate.RecoveryFinished(oldEpoch, newEpoch, done, rejected, millis));
    }

    private RestoreResponse upload(RestoreRequest request) {
        try {
            return api.restore(tokens.accessToken(), request);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.TOKEN_EXPIRED || e.code() == ErrorCode.UNAUTHENTICATED) {
                tokens.refresh();
                return api.restore(tokens.accessToken(), request);
            }
            throw e;
        }
    }

    private void publish(SessionUpdate update) {
        core.execute(() -> updates.publish(update));
    }
}
