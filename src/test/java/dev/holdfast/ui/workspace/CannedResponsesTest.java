package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canned responses: bundled per language, the user's file on top, filtered by what follows the slash. */
class CannedResponsesTest {
    @TempDir
    Path dir;

    @Test
    void bothLanguagesBundleTheSameSensibleReplies() {
        CannedResponses en = CannedResponses.load("en", null);
        CannedResponses es = CannedResponses.load("es", null);
        assertThat(en.all()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(es.all().stream().map(CannedResponse::id))
                .containsExactlyInAnyOrderElementsOf(en.all().stream().map(CannedResponse::id).toList());
        assertThat(es.matching("ref")).first().extracting(CannedResponse::title).isEqualTo("Política de reembolso");
        assertThat(CannedResponses.load("fr", null).all()).isEqualTo(en.all());
    }

    @Test
    void aSlashQueryMatchesIdOrTitleWordsFirst() {
        CannedResponses en = CannedResponses.load("en", null);
        assertThat(en.matching("ref")).extracting(CannedResponse::title).containsExactly("Refund policy");
        assertThat(en.matching("REF")).extracting(CannedResponse::title).containsExactly("Refund policy");
        assertThat(en.matching("pol")).extracting(CannedResponse::title).containsExactly("Refund policy");
        assertThat(en.matching("")).hasSameSizeAs(en.all());
        assertThat(en.matching("zzz")).isEmpty();
        // A word starting with the query comes before a word merely containing it.
        assertThat(en.matching("o").subList(0, 2)).extracting(CannedResponse::title)
                .containsExactly("One moment, please", "Order number");
        assertThat(en.matching("o")).extracting(CannedResponse::title).contains("Closing", "Refund policy");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        CannedResponses es = CannedResponses.load("es", null);
        assertThat(es.matching("numero")).extracting(CannedResponse::title).containsExactly("Número de pedido");
        assertThat(es.matching("políti")).extracting(CannedResponse::id).containsExactly("refund");
    }

    @Test
    void theUsersFileAddsAndOverrides() throws Exception {
        Files.writeString(dir.resolve(CannedResponses.USER_FILE), """
                refund.text=Refunds within 14 days, no questions asked.
                vip.title=VIP line
                vip.text=Call our VIP line on 555-0100.
                bare.text=No title here
                broken.title=Title without words
                """);
        CannedResponses en = CannedResponses.load("en", dir);
        assertThat(en.matching("refund")).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Refund policy");
            assertThat(r.text()).isEqualTo("Refunds within 14 days, no questions asked.");
        });
        assertThat(en.matching("vip")).extracting(CannedResponse::text).containsExactly("Call our VIP line on 555-0100.");
        assertThat(en.matching("bare")).extracting(CannedResponse::title).containsExactly("bare");
        assertThat(en.matching("broken")).isEmpty();
    }

    @Test
    void onlyALeadingSlashOnOneLineAsksForThem() {
        assertThat(ComposerViewModel.cannedQuery("/ref")).isEqualTo("ref");
        assertThat(ComposerViewModel.cannedQuery("/")).isEmpty();
        assertThat(ComposerViewModel.cannedQuery("see /ref")).isNull();
        assertThat(ComposerViewModel.cannedQuery("/ref\nmore")).isNull();
    }
}
