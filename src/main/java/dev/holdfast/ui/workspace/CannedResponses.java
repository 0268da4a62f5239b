package dev.holdfast.ui.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canned responses of one language: the bundled {@code canned_<lang>.properties}, then the
 * user's own {@code canned-responses.properties} in the panel's data directory, which adds
 * entries and overrides bundled ones with the same id. Both use the same lines:
 * {@code <id>.title=Refund policy} and {@code <id>.text=The words inserted}; an entry without a
 * title is listed by its id. Immutable; loading reads files, so do it off the FX thread.
 */
public final class CannedResponses {
    public static final String USER_FILE = "canned-responses.properties";
    private static final Logger LOG = LoggerFactory.getLogger(CannedResponses.class);

    private final List<CannedResponse> all;

    CannedResponses(List<CannedResponse> all) {
        this.all = all.stream().sorted(Comparator.comparing(r -> fold(r.title()))).toList();
    }

    /** {@code language} "es" gives the Spanish set, anything else English; {@code dataDir} may be null. */
    public static CannedResponses load(String language, Path dataDir) {
        String lang = "es".equals(language) ? "es" : "en";
        Properties entries = new Properties();
        try (InputStream in = CannedResponses.class.getResourceAsStream("/dev/holdfast/ui/canned_" + lang + ".properties")) {
            if (in != null) {
                entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.warn("Could not read the bundled canned responses ({})", lang, e);
        }
        Path user = dataDir == null ? null : dataDir.resolve(USER_FILE);
        if (user != null && Files.isRegularFile(user)) {
            try (Reader in = Files.newBufferedReader(user, StandardCharsets.UTF_8)) {
                entries.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // The user's file is a convenience: a broken one must not stop the composer.
                LOG.warn("Could not read {}; using the bundled canned responses only", user, e);
            }
        }
        return of(entries);
    }

    static CannedResponses of(Properties entries) {
        Map<String, String[]> byId = new TreeMap<>();
        for (String key : entries.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String field = dot < 0 ? "text" : key.substring(dot + 1);
            String id = dot < 0 ? key : key.substring(0, dot);
            String[] entry = byId.computeIfAbsent(id, k -> new String[2]);
            if (field.equals("title")) {
                entry[0] = entries.getProperty(key).strip();
            } else if (field.equals("text")) {
                entry[1] = entries.getProperty(key).strip();
            }
        }
        List<CannedResponse> all = new ArrayList<>();
        byId.forEach((id, e) -> {
            if (e[1] != null && !e[1].isEmpty()) {
                all.add(new CannedResponse(id, e[0] == null || e[0].isEmpty() ? id : e[0], e[1]));
            }
        });
        return new CannedResponses(all);
    }

    public List<CannedResponse> all() {
        return all;
    }

    /**
     * The responses whose id or title matches {@code query} (what follows the slash), ignoring
     * case and accents: those where a word starts with it first, then those containing it.
     */
    public List<CannedResponse> matching(String query) {
        String q = fold(query.strip());
        if (q.isEmpty()) {
            return all;
        }
        List<CannedResponse> starts = new ArrayList<>();
        List<CannedResponse> contains = new ArrayList<>();
        for (CannedResponse r : all) {
            String id = fold(r.id());
            String title = fold(r.title());
            if (id.startsWith(q) || title.startsWith(q) || title.contains(" " + q)) {
                starts.add(r);
            } else if (id.contains(q) || title.contains(q)) {
                contains.add(r);
            }
        }
        starts.addAll(contains);
        return starts;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
