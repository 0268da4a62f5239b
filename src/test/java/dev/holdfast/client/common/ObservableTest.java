package dev.holdfast.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservableTest {

    @Test
    void subscribeDeliversTheCurrentValueAtOnceAndThenEveryChange() {
        Observable<String> o = new Observable<>("a");
        List<String> seen = new ArrayList<>();
        o.subscribe(seen::add);
        o.set("b");
        o.set("c");
        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(o.get()).isEqualTo("c");
    }

    @Test
    void anEqualValueIsNotAChange() {
        Observable<String> o = new Observable<>("a");
        List<String> seen = new ArrayList<>();
        o.subscribe(seen::add);
        o.set("a");
        o.set(new String("a"));
        assertThat(seen).containsExactly("a");
    }

    @Test
    void cancelledSubscribersHearNothingMore() {
        Observable<Integer> o = new Observable<>(0);
        List<Integer> seen = new ArrayList<>();
        Cancellable c = o.subscribe(seen::add);
        o.set(1);
        c.cancel();
        c.cancel();
        o.set(2);
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void aListenerThatSetsANewerValueLeavesNobodyWithTheOlderOne() {
        Observable<Integer> o = new Observable<>(0);
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        o.subscribe(v -> {
            first.add(v);
            if (v == 1) {
                o.set(2);
            }
        });
        o.subscribe(second::add);
        o.set(1);
        assertThat(first).containsExactly(0, 1, 2);
        assertThat(second).endsWith(2).doesNotContain(1);
        assertThat(o.get()).isEqualTo(2);
    }

    @Test
    void nullIsAValueLikeAnyOther() {
        Observable<String> o = new Observable<>(null);
        List<String> seen = new ArrayList<>();
        o.subscribe(seen::add);
        o.set("x");
        o.set(null);
        assertThat(seen).containsExactly(null, "x", null);
    }
}
