package dev.holdfast.platform.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.holdfast.protocol.Role;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a configuration file into a {@link PlatformConfig}, or into one ConfigException whose
 * message names the file and the first problem. Unknown fields are errors, because a misspelt
 * policy would otherwise be silently ignored; fields whose names start with "_" are comments.
 */
final class ConfigFileReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> ROOT_FIELDS = Set.of("accounts", "teams", "policies");
    private static final Set<String> TEAM_FIELDS = Set.of("id", "name");
    private static final Set<String> ACCOUNT_FIELDS =
            Set.of("username", "displayName", "role", "passwordHash", "teams", "capacity");
    private static final List<String> POLICY_FIELDS = List.of("agentCapacity", "restoreGraceSeconds",
            "replayWindow", "sessionTtlSeconds", "offlineRequeueSeconds", "accessTokenSeconds",
            "refreshTokenDays", "customerTokenHours");
    private static final Set<String> POLICY_OBJECTS = Set.of("staleness", "automatic");
    private static final List<String> STALENESS_FIELDS = List.of("idleSeconds", "customerWaitingSeconds",
            "agentGraceSeconds", "activeHandlingSeconds");
    private static final List<String> AUTOMATIC_FIELDS = List.of("warnSilentCustomerSeconds",
            "closeSilentCustomerSeconds", "maxQueueSeconds", "signOffInactiveAgentSeconds");

    private final Path file;

    ConfigFileReader(Path file) {
        this.file = file;
    }

    PlatformConfig read() throws ConfigException {
        JsonNode root = parse(readBytes());
        try {
            if (!root.isObject()) {
                throw new IllegalArgumentException("expected a JSON object at the top level");
            }
            checkFields(root, ROOT_FIELDS, "the top level");
            return new PlatformConfig(accounts(root.get("accounts")), teams(root.get("teams")),
                    policies(root.get("policies")));
        } catch (IllegalArgumentException problem) {
            throw fail(problem.getMessage(), problem);
        }
    }

    private byte[] readBytes() throws ConfigException {
        if (!Files.exists(file)) {
            throw fail("config file not found", null);
        }
        if (Files.isDirectory(file)) {
            throw fail("config file not readable: it is a directory", null);
        }
        if (!Files.isReadable(file)) {
            throw fail("config file not readable: permission denied", null);
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail("config file not found", e);
        } catch (AccessDeniedException e) {
            throw fail("config file not readable: permission denied", e);
        } catch (IOException e) {
            throw fail("config file not readable: " + oneLine(e.getMessage()), e);
        }
    }

    private JsonNode parse(byte[] bytes) throws ConfigException {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw fail("config file is empty", null);
            }
            return root;
        } catch (JsonParseException e) {
            throw fail("malformed JSON at " + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": " + oneLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw fail("malformed JSON: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw fail("config file not readable: " + oneLine(e.getMessage()), e);
        }
    }

    private List<AccountConfig> accounts(JsonNode node) {
        List<AccountConfig> accounts = new ArrayList<>();
        if (node == null || node.isNull()) {
            return accounts;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("accounts must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode account = node.get(i);
            String where = "accounts[" + i + "]";
            if (account.path("username").isTextual()) {
                where += " (" + account.get("username").textValue() + ")";
            }
            try {
                accounts.add(account(account));
            } catch (IllegalArgumentException problem) {
                throw new IllegalArgumentException(where + ": " + problem.getMessage(), problem);
            }
        }
        return accounts;
    }

    private static AccountConfig account(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected an object");
        }
        checkFields(node, ACCOUNT_FIELDS, null);
        String username = text(node, "username", true);
        return new AccountConfig(username, text(node, "displayName", false), role(node),
                text(node, "passwordHash", true), stringList(node, "teams"), optionalInt(node, "capacity"));
    }

    private static Role role(JsonNode account) {
        String role = text(account, "role", true);
        for (Role candidate : Role.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(role)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown role \"" + role + "\" (expected agent, supervisor or admin)");
    }

    private List<TeamConfig> teams(JsonNode node) {
        List<TeamConfig> teams = new ArrayList<>();
        if (node == null || node.isNull()) {
            return teams;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("teams must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            String where = "teams[" + i + "]";
            JsonNode team = node.get(i);
            try {
                if (!team.isObject()) {
                    throw new IllegalArgumentException("expected an object");
                }
                checkFields(team, TEAM_FIELDS, null);
                teams.add(new TeamConfig(text(team, "id", true), text(team, "name", false)));
            } catch (IllegalArgumentException problem) {
                throw new IllegalArgumentException(where + ": " + problem.getMessage(), problem);
            }
        }
        return teams;
    }

    /** Fields left out keep their default. */
    private static Policies policies(JsonNode node) {
        Policies d = Policies.defaults();
        if (node == null || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("policies must be an object");
        }
        Set<String> known = new HashSet<>(POLICY_FIELDS);
        known.addAll(POLICY_OBJECTS);
        checkFields(node, known, "policies");
        return new Policies(
                policy(node, "agentCapacity", d.agentCapacity()),
                policy(node, "restoreGraceSeconds", d.restoreGraceSeconds()),
                policy(node, "replayWindow", d.replayWindow()),
                policy(node, "sessionTtlSeconds", d.sessionTtlSeconds()),
                policy(node, "offlineRequeueSeconds", d.offlineRequeueSeconds()),
                policy(node, "accessTokenSeconds", d.accessTokenSeconds()),
                policy(node, "refreshTokenDays", d.refreshTokenDays()),
                policy(node, "customerTokenHours", d.customerTokenHours()),
                staleness(node.get("staleness")),
                automatic(node.get("automatic")));
    }

    private static StalenessPolicy staleness(JsonNode node) {
        StalenessPolicy d = StalenessPolicy.defaults();
        if (node == null || node.isNull()) {
            return d;
        }
        object(node, "policies.staleness");
        checkFields(node, Set.copyOf(STALENESS_FIELDS), "policies.staleness");
        return new StalenessPolicy(
                policy(node, "idleSeconds", d.idleSeconds(), "policies.staleness."),
                policy(node, "customerWaitingSeconds", d.customerWaitingSeconds(), "policies.staleness."),
                policy(node, "agentGraceSeconds", d.agentGraceSeconds(), "policies.staleness."),
                policy(node, "activeHandlingSeconds", d.activeHandlingSeconds(), "policies.staleness."));
    }

    private static Automatic automatic(JsonNode node) {
        if (node == null || node.isNull()) {
            return Automatic.off();
        }
        object(node, "policies.automatic");
        Set<String> known = new HashSet<>(AUTOMATIC_FIELDS);
        known.add("texts");
        checkFields(node, known, "policies.automatic");
        return new Automatic(
                policy(node, "warnSilentCustomerSeconds", 0, "policies.automatic."),
                policy(node, "closeSilentCustomerSeconds", 0, "policies.automatic."),
                policy(node, "maxQueueSeconds", 0, "policies.automatic."),
                policy(node, "signOffInactiveAgentSeconds", 0, "policies.automatic."),
                texts(node.get("texts")));
    }

    /** {"silenceWarning": {"en": "...", "es": "..."}, ...}; the keys are checked by {@link Automatic}. */
    private static Map<String, Map<String, String>> texts(JsonNode node) {
        Map<String, Map<String, String>> texts = new HashMap<>();
        if (node == null || node.isNull()) {
            return texts;
        }
        object(node, "policies.automatic.texts");
        node.fields().forEachRemaining(key -> {
            if (key.getKey().startsWith("_")) {
                return;
            }
            String where = "policies.automatic.texts." + key.getKey();
            object(key.getValue(), where);
            Map<String, String> byLanguage = new HashMap<>();
            key.getValue().fields().forEachRemaining(lang -> {
                if (!lang.getValue().isTextual() || lang.getValue().textValue().isBlank()) {
                    throw new IllegalArgumentException(where + "." + lang.getKey() + " must be a non-empty string");
                }
                byLanguage.put(lang.getKey().toLowerCase(Locale.ROOT), lang.getValue().textValue());
            });
            texts.put(key.getKey(), byLanguage);
        });
        return texts;
    }

    private static void object(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
    }

    private static int policy(JsonNode policies, String field, int fallback) {
        return policy(policies, field, fallback, "policies.");
    }

    private static int policy(JsonNode policies, String field, int fallback, String prefix) {
        JsonNode value = policies.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(prefix + field + " must be a whole number, got " + value);
        }
        return value.intValue();
    }

    private static void checkFields(JsonNode object, Set<String> known, String where) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.startsWith("_") && !known.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\""
                        + (where == null ? "" : " in " + where));
            }
        }
    }

    private static String text(JsonNode object, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing field \"" + field + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    private static Integer optionalInt(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a whole number");
        }
        return value.intValue();
    }

    private static List<String> stringList(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a list of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("field \"" + field + "\" must be a list of strings");
            }
            items.add(item.textValue());
        }
        return items;
    }

    private ConfigException fail(String problem, Throwable cause) {
        return new ConfigException(file + ": " + problem, cause);
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
