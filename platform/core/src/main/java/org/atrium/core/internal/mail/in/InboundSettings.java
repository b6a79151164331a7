package org.atrium.core.internal.mail.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The inbound mailbox's configuration (PID {@code org.atrium.mail.inbound}, etc/org.atrium.mail.inbound.cfg).
 * Every mistake is collected and reported at once, so an administrator fixes the file in one go.
 *
 * @param processedFolder where processed mails are moved; null: they are flagged \Seen in place
 * @param ownAddresses    addresses Atrium sends from or receives at: a mail from one of them is a loop
 * @param addresses       department mailboxes by lower-case address
 * @param autoAnswer      whether the sender of a refused mail is told why ({@link AutoAnswers})
 * @param answerMinutes   at most one such answer per sender in this many minutes
 */
public record InboundSettings(boolean enabled, String host, int port, boolean ssl, String user, String password, String folder,
        int pollSeconds, String processedFolder, UnknownSenders unknownSenders, String guestUser, Set<String> ownAddresses,
        Map<String, DepartmentAddress> addresses, boolean autoAnswer, int answerMinutes) {
    public static final InboundSettings DISABLED = new InboundSettings(false, null, 0, true, null, null, "INBOX", 60, null,
            UnknownSenders.REJECT, null, Set.of(), Map.of(), false, 60);
    static final String ADDRESS_PREFIX = "address.";
    static final String FIELDS_PREFIX = "fields.";
    private static final ObjectMapper JSON = new ObjectMapper();

    public InboundSettings {
        ownAddresses = Set.copyOf(ownAddresses);
        addresses = Map.copyOf(addresses);
    }

    /** Reads Config Admin's properties; an IllegalArgumentException lists every mistake. */
    public static InboundSettings from(Map<String, ?> properties) {
        List<String> errors = new ArrayList<>();
        boolean enabled = Boolean.parseBoolean(text(properties, "enabled", "false"));
        boolean ssl = Boolean.parseBoolean(text(properties, "imap.ssl", "true"));
        String host = text(properties, "imap.host", null);
        int port = number(properties, "imap.port", ssl ? 993 : 143, 1, 65535, errors);
        String user = text(properties, "user", null);
        String password = text(properties, "password", null);
        String folder = text(properties, "folder", "INBOX");
        int pollSeconds = number(properties, "pollSeconds", 60, 1, 86400, errors);
        String processedFolder = text(properties, "processedFolder", null);
        UnknownSenders unknown = UnknownSenders.REJECT;
        try {
            unknown = UnknownSenders.parse(text(properties, "unknownSenders", "reject"));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        String guestUser = text(properties, "guestUser", null);
        boolean autoAnswer = Boolean.parseBoolean(text(properties, "autoAnswer", "true"));
        int answerMinutes = number(properties, "autoAnswerMinutes", 60, 1, 10080, errors);
        if (unknown == UnknownSenders.CREATE_AS_GUEST && guestUser == null) {
            errors.add("unknownSenders = create-as-guest needs guestUser (a login of the directory)");
        }
        if (enabled && host == null) {
            errors.add("imap.host is required when enabled = true");
        }
        if (enabled && user == null) {
            errors.add("user is required when enabled = true");
        }
        Map<String, DepartmentAddress> addresses = addresses(properties, errors);
        Set<String> own = new LinkedHashSet<>();
        for (String address : text(properties, "ownAddresses", "").split(",")) {
            if (!address.isBlank()) {
                own.add(address.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (user != null && user.contains("@")) {
            own.add(user.toLowerCase(Locale.ROOT));
        }
        own.addAll(addresses.keySet());
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new InboundSettings(enabled, host, port, ssl, user, password, folder, pollSeconds, processedFolder, unknown, guestUser,
                own, addresses, autoAnswer, answerMinutes);
    }

    /**
     * These settings with more own addresses: the sender and reply mailbox of outgoing mail
     * (etc/org.atrium.mail.cfg), so that they need not be listed here again.
     */
    public InboundSettings withOwnAddresses(Collection<String> more) {
        Set<String> own = new LinkedHashSet<>(ownAddresses);
        for (String address : more) {
            if (address != null && address.contains("@")) {
                own.add(address.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new InboundSettings(enabled, host, port, ssl, user, password, folder, pollSeconds, processedFolder, unknownSenders, guestUser,
                own, addresses, autoAnswer, answerMinutes);
    }

    private static Map<String, DepartmentAddress> addresses(Map<String, ?> properties, List<String> errors) {
        Map<String, DepartmentAddress> addresses = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            if (!entry.getKey().startsWith(ADDRESS_PREFIX)) {
                continue;
            }
            String mailbox = entry.getKey().substring(ADDRESS_PREFIX.length()).trim().toLowerCase(Locale.ROOT);
            String value = String.valueOf(entry.getValue()).trim();
            int colon = value.indexOf(':');
            if (!mailbox.matches("[^@\\s]+@[^@\\s]+") || colon <= 0 || colon == value.length() - 1) {
                errors.add(entry.getKey() + " must be address.<mailbox> = <department>:<requestType>, e.g."
                        + " address.facility@example.com = facility:facility.repair");
                continue;
            }
            Map<String, Object> fields = Map.of();
            Object rawFields = properties.get(FIELDS_PREFIX + mailbox);
            if (rawFields != null) {
                try {
                    fields = JSON.readValue(String.valueOf(rawFields), new TypeReference<Map<String, Object>>() { });
                } catch (JsonProcessingException e) {
                    errors.add(FIELDS_PREFIX + mailbox + " must be a JSON object of form values, e.g. {\"category\": \"other\"}");
                }
            }
            addresses.put(mailbox, new DepartmentAddress(mailbox, value.substring(0, colon).trim(), value.substring(colon + 1).trim(), fields));
        }
        return addresses;
    }

    private static String text(Map<String, ?> properties, String name, String fallback) {
        Object value = properties.get(name);
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value).trim();
    }

    private static int number(Map<String, ?> properties, String name, int fallback, int min, int max, List<String> errors) {
        String value = text(properties, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name + " must be a whole number from " + min + " to " + max + ", not " + value);
        return fallback;
    }

    @Override
    public String toString() {
        // never the password
        return "imap" + (ssl ? "s" : "") + "://" + user + "@" + host + ":" + port + "/" + folder + " every " + pollSeconds + " s";
    }
}
