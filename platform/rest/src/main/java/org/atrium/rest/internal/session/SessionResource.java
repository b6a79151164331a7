package org.atrium.rest.internal.session;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.session.Session;
import org.atrium.api.session.SessionLimits;
import org.atrium.api.session.SessionStore;
import org.atrium.api.session.StartedSession;
import org.atrium.rest.internal.RestConfig;
import org.atrium.rest.internal.RestResource;
import org.atrium.rest.internal.auth.CallerPrincipal;
import org.atrium.rest.internal.problem.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST/GET/DELETE /session}: the portal's sign-in. {@link SessionAuthFilter} has checked the
 * password (POST) or the cookie and the CSRF token (GET, DELETE) before a method here runs.
 */
@JaxrsResource
@Component(service = RestResource.class, configurationPid = "org.atrium.rest", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource implements RestResource {
    private final SessionStore store;
    private final Directory directory;
    private final SessionLimits limits;

    /** The person fields of GET /me and the two a portal needs to act: the CSRF token and when the session ends. */
    public record SessionView(String login, String name, String language, List<String> roles, String csrfToken, Instant expiresAt) {
    }

    @Activate
    public SessionResource(@Reference SessionStore store, @Reference Directory directory, RestConfig config) {
        this.store = store;
        this.directory = directory;
        this.limits = SessionSettings.limits(config);
    }

    @POST
    public Response signIn(@Context SecurityContext security, @Context UriInfo uri, @CookieParam(SessionCookie.NAME) String previous) {
        Caller caller = caller(security);
        if (previous != null) {
            store.revoke(previous); // replaced: the old cookie's session ends here, not only in this browser
        }
        StartedSession started = store.start(caller, limits);
        URI location = uri.getBaseUriBuilder().path("session").build();
        return Response.created(location)
                .header(HttpHeaders.SET_COOKIE, SessionCookie.set(started.token(), secure(security, uri)))
                .entity(view(started.session())).build();
    }

    @GET
    public Response current(@CookieParam(SessionCookie.NAME) String token) {
        return store.find(token, limits).map(session -> Response.ok(view(session)).build()).orElseGet(SessionResource::noSession);
    }

    @DELETE
    public Response signOut(@Context SecurityContext security, @Context UriInfo uri, @CookieParam(SessionCookie.NAME) String token) {
        if (token == null) {
            return noSession(); // signed in by Basic: there is no session to end
        }
        store.revoke(token);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(secure(security, uri))).build();
    }

    private SessionView view(Session session) {
        Caller caller = session.caller();
        Person person = directory.find(caller.user()).orElse(null);
        return new SessionView(caller.user(), person == null ? caller.user() : person.displayName(),
                person == null ? null : person.language(), caller.roles().stream().sorted().toList(), session.csrfToken(),
                session.expiresAt());
    }

    private static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        throw new IllegalStateException("SessionAuthFilter lets no unauthenticated POST /session through");
    }

    private static boolean secure(SecurityContext security, UriInfo uri) {
        return (security != null && security.isSecure()) || "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }

    private static Response noSession() {
        return Response.fromResponse(Problem.of(401, "Unauthorized", "No session: sign in with POST /session").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Session realm=\"Atrium\"").build();
    }
}
