package dev.holdfast.client.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.common.ManualScheduler;
import dev.holdfast.protocol.supervision.AgentBoard;
import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.StaleRules;
import dev.holdfast.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The console's feed on a manual scheduler: every two seconds while shown, at once after an action, silent when hidden. */
class BoardFeedTest {
    private final ManualScheduler core = new ManualScheduler(MutableClock.at("2026-03-02T09:00:00Z"));
    private final List<Long> boards = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final List<CompletableFuture<Board>> asked = new ArrayList<>();
    private boolean answerAtOnce = true;
    private boolean fail;

    private final BoardFeed feed = new BoardFeed(this::board, () -> CompletableFuture.completedFuture(
            new AgentBoard(core.clock().millis(), List.of())), core, new BoardFeed.Listener() {
                @Override
                public void snapshot(BoardFeed.Snapshot snapshot) {
                    boards.add(snapshot.board().serverTime());
                }

                @Override
                public void failed(Throwable failure) {
                    failures.add(failure);
                }
            });

    private CompletableFuture<Board> board() {
        if (fail) {
            return CompletableFuture.failedFuture(new IllegalStateException("platform down"));
        }
        Board b = new Board(core.clock().millis(), new StaleRules(1, 1, 1, 1), List.of());
        CompletableFuture<Board> f = answerAtOnce ? CompletableFuture.completedFuture(b) : new CompletableFuture<>();
        asked.add(f);
        return f;
    }

    @Test
    void fetchesAtOnceThenEveryTwoSecondsUntilStopped() {
        feed.start();
        core.runDue();
        assertThat(boards).hasSize(1);
        core.advance(Duration.ofMillis(1999));
        assertThat(boards).hasSize(1);
        core.advance(Duration.ofMillis(1));
        assertThat(boards).hasSize(2);
        core.advance(Duration.ofSeconds(4));
        assertThat(boards).hasSize(4);

        feed.stop();
        core.advance(Duration.ofSeconds(10));
        assertThat(boards).hasSize(4);
        assertThat(core.pending()).isZero();
    }

    @Test
    void anActionRefreshesAtOnceAndTheTickStartsOver() {
        feed.start();
        core.runDue();
        core.advance(Duration.ofMillis(1500));
        feed.refreshNow();
        core.runDue();
        assertThat(boards).hasSize(2);
        core.advance(Duration.ofMillis(1999));
        assertThat(boards).hasSize(2);
        core.advance(Duration.ofMillis(1));
        assertThat(boards).hasSize(3);
    }

    @Test
    void oneFetchAtATimeAndARefreshDuringOneFollowsIt() {
        answerAtOnce = false;
        feed.start();
        core.runDue();
        feed.refreshNow();
        feed.refreshNow();
        core.advance(Duration.ofSeconds(10));
        assertThat(asked).hasSize(1); // the platform is slow: not asked again meanwhile

        asked.get(0).complete(new Board(1, new StaleRules(1, 1, 1, 1), List.of()));
        core.runDue();
        assertThat(boards).containsExactly(1L);
        assertThat(asked).hasSize(2); // the refresh asked for during the fetch
    }

    @Test
    void anAnswerFromBeforeAStopIsDropped() {
        answerAtOnce = false;
        feed.start();
        core.runDue();
        feed.stop();
        core.runDue();
        asked.get(0).complete(new Board(1, new StaleRules(1, 1, 1, 1), List.of()));
        core.runDue();
        assertThat(boards).isEmpty();
    }

    @Test
    void aFailureIsReportedAndTheFeedGoesOn() {
        fail = true;
        feed.start();
        core.runDue();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).hasMessage("platform down");
        fail = false;
        core.advance(Duration.ofSeconds(2));
        assertThat(boards).hasSize(1);
    }
}
