package org.atrium.rest.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.atrium.api.security.Caller;

/**
 * Logs in against a Karaf JAAS realm (properties file by default, LDAP by configuration). A
 * successful login is remembered for a short time under a hash of the credentials, so that a
 * client sending Basic credentials on every request does not pay a full JAAS login each time.
 * When the memory runs out, the concurrent requests with the same credentials wait for one login
 * instead of each running it (a login checks a bcrypt hash: tens of milliseconds of CPU).
 */
public class JaasAuthenticator implements Authenticator {
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(Caller caller, long until) {
    }

    private final String realm;
    private final long rememberMillis;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<Caller>>> loggingIn = new ConcurrentHashMap<>();

    public JaasAuthenticator(String realm, long rememberMillis) {
        this.realm = realm;
        this.rememberMillis = rememberMillis;
    }

    @Override
    public Optional<Caller> authenticate(String user, String password) {
        String fingerprint = fingerprint(user, password);
        long now = System.currentTimeMillis();
        Remembered known = remembered.get(fingerprint);
        if (known != null && known.until() > now) {
            return Optional.of(known.caller());
        }
        CompletableFuture<Optional<Caller>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Caller>> running = loggingIn.putIfAbsent(fingerprint, mine);
        if (running != null) {
            return running.join(); // the same credentials are being checked right now: share that answer
        }
        try {
            Optional<Caller> caller = login(user, password);
            if (caller.isPresent() && rememberMillis > 0) {
                if (remembered.size() >= MAX_REMEMBERED) {
                    remembered.clear();
                }
                remembered.put(fingerprint, new Remembered(caller.get(), System.currentTimeMillis() + rememberMillis));
            }
            mine.complete(caller);
            return caller;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loggingIn.remove(fingerprint, mine);
        }
    }

    /** One JAAS login (package-private so that a test can count them). */
    Optional<Caller> login(String user, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS finds Karaf's login module through the context class loader
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            login.login();
            String name = user;
            Set<String> roles = new HashSet<>();
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof RolePrincipal) {
                    roles.add(principal.getName());
                } else if (principal instanceof UserPrincipal) {
                    name = principal.getName();
                }
            }
            return Optional.of(new Caller(name, roles));
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, String password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private static String fingerprint(String user, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((user + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
