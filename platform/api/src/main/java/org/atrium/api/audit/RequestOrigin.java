package org.atrium.api.audit;

/**
 * Where the request the current thread serves came from (the client's address), so that the core
 * can audit it without the API layer passing it through every service call. The REST layer sets it
 * for each request and clears it after; work of the server's own (timers, outbox) has none.
 */
public final class RequestOrigin {
    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private RequestOrigin() {
    }

    public static void set(String address) {
        if (address == null) {
            ADDRESS.remove();
        } else {
            ADDRESS.set(address.length() > 64 ? address.substring(0, 64) : address);
        }
    }

    /** The client's address, or null outside a request. */
    public static String address() {
        return ADDRESS.get();
    }

    public static void clear() {
        ADDRESS.remove();
    }
}
