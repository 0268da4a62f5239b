package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search ignores case and accents and looks at name, tags, channel and id; filters combine. */
class ConversationFilterTest {
    private final ConversationItem maria = item("c-0001", "María Pérez", "es", "whatsapp", List.of("VIP", "envíos"), 0,
            1_000L);
    private final ConversationItem john = item("c-0002", "John Smith", "en", "web", List.of(), 2, null);

    @Test
    void searchIgnoresCaseAndAccents() {
        assertThat(ConversationFilter.NONE.withQuery("MARIA").test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("pérez").test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("maria").test(john)).isFalse();
    }

    @Test
    void searchLooksAtTagsChannelAndIdAndNeedsEveryWord() {
        assertThat(ConversationFilter.NONE.withQuery("envios").test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("vip").test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("whatsapp").test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("c-0002").test(john)).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("maria vip").test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("maria web").test(maria)).isFalse();
        assertThat(ConversationFilter.NONE.withQuery("   ").test(john)).isTrue();
    }

    @Test
    void filtersNarrowByChannelLanguageUnansweredAndUnread() {
        assertThat(ConversationFilter.NONE.withChannel("web").test(maria)).isFalse();
        assertThat(ConversationFilter.NONE.withChannel("web").test(john)).isTrue();
        assertThat(ConversationFilter.NONE.withLanguage("es").test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withUnansweredOnly(true).test(maria)).isTrue();
        assertThat(ConversationFilter.NONE.withUnansweredOnly(true).test(john)).isFalse();
        assertThat(ConversationFilter.NONE.withUnreadOnly(true).test(maria)).isFalse();
        assertThat(ConversationFilter.NONE.withUnreadOnly(true).test(john)).isTrue();
        assertThat(ConversationFilter.NONE.withChannel("web").withQuery("john").narrowsBeyondQuery()).isTrue();
        assertThat(ConversationFilter.NONE.withQuery("john").narrowsBeyondQuery()).isFalse();
    }

    static ConversationItem item(String id, String name, String language, String channel, List<String> tags,
                                 int unread, Long waitingSince) {
        ConversationSummary s = new ConversationSummary(id, ConversationStatus.ASSIGNED, "agent1", 2, 1, 3,
                new CustomerInfo("cust-" + id, name, language, channel, tags), 100, 200, null, waitingSince, false);
        return new ConversationItem(s, unread, waitingSince);
    }
}
