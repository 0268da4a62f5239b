package dev.holdfast.client.sync;

import static dev.holdfast.client.journal.JournalFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.client.common.ManualScheduler;
import dev.holdfast.client.common.Observable;
import dev.holdfast.client.journal.sqlite.SqliteJournal;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.UserInfo;
import dev.holdfast.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the sync engine journals the platform's event frames: in bursts, in order, before anything else. */
class SyncEngineTest {
    private static final String C1 = "c-1";
    private static final String C2 = "c-2";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-29T09:00:00Z");
    private final ManualScheduler core = new ManualScheduler(clock);
    private final List<SessionUpdate> updates = new ArrayList<>();
    private SqliteJournal journal;
    private SyncEngine engine;

    @BeforeEach
    void setUp() {
        journal = SqliteJournal.open(dir.resolve("journal.db"), clock);
        PlatformApi api = new PlatformApi(URI.create("http://127.0.0.1:9"));
        TokenKeeper tokens = new TokenKeeper(api, journal);
        tokens.adopt(new TokenResponse("access", 0, "refresh", 0,
                new UserInfo("agent1", "agent1", "Agent One", Role.AGENT, List.of()), "ep-1"));
        SendQueue sendQueue = new SendQueue(journal, core, clock, updates::add, frame -> false);
        RecoveryService recovery = new RecoveryService(api, journal, tokens, Runnable::run, core, updates::add, clock);
        engine = new SyncEngine(journal, tokens, api, recovery, sendQueue, Runnable::run, core, updates::add, clock,
                new Observable<>(new SessionStatus.Connecting()));
    }

    @AfterEach
    void tearDown() {
        journal.close();
    }

    private void receive(ConversationEvent e) {
        engine.onFrame(new ServerFrame.Event(e));
    }

    private List<SessionUpdate> applied() {
        return updates.stream().filter(u -> u instanceof SessionUpdate.EventsApplied).toList();
    }

    @Test
    void eventFramesReadTogetherAreJournaledTogetherThenReportedOneByOne() {
        receive(message(C1, "e-1", 1));
        receive(message(C2, "f-1", 1));
        receive(message(C1, "e-2", 2));
        assertThat(journal.cursors()).as("written once the frames waiting have been read").isEmpty();
        assertThat(core.pending()).isEqualTo(1);

        core.runDue();
        assertThat(journal.cursor(C1)).isEqualTo(2);
        assertThat(journal.cursor(C2)).isEqualTo(1);
        assertThat(applied()).containsExactly(
                new SessionUpdate.EventsApplied(C1, List.of(message(C1, "e-1", 1))),
                new SessionUpdate.EventsApplied(C2, List.of(message(C2, "f-1", 1))),
                new SessionUpdate.EventsApplied(C1, List.of(message(C1, "e-2", 2))));

        receive(message(C1, "e-3", 3));
        core.runDue();
        assertThat(journal.cursor(C1)).isEqualTo(3);
        assertThat(applied()).hasSize(4);
    }

    @Test
    void anyOtherFrameComesAfterTheEventsBeforeIt() {
        receive(message(C1, "e-1", 1));
        engine.onFrame(new ServerFrame.Synced("ep-1", 1));
        assertThat(journal.cursor(C1)).isEqualTo(1);
        assertThat(updates).containsSubsequence(
                new SessionUpdate.EventsApplied(C1, List.of(message(C1, "e-1", 1))),
                new SessionUpdate.StatusChanged(new SessionStatus.Live("ep-1")));

        core.runDue(); // the flush queued for the event finds nothing left to write
        assertThat(applied()).hasSize(1);
    }

    @Test
    void aHelloCarriesTheCursorsOfEventsReadButNotYetWritten() {
        receive(message(C1, "e-1", 1));
        receive(message(C1, "e-2", 2));
        assertThat(engine.hello().cursors()).containsEntry(C1, 2L);
    }

    @Test
    void aLongBurstIsWrittenInSlices() {
        for (int seq = 1; seq <= SyncEngine.MAX_EVENTS_PER_WRITE; seq++) {
            receive(message(C1, "e-" + seq, seq));
        }
        assertThat(journal.cursor(C1)).isEqualTo(SyncEngine.MAX_EVENTS_PER_WRITE);
        assertThat(applied()).hasSize(SyncEngine.MAX_EVENTS_PER_WRITE);
    }
}
