package org.atrium.rest.internal.jetty;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.osgi.service.component.annotations.Component;

/**
 * Puts {@link ProblemErrorHandler} in place of Jetty's HTML error pages. Pax Web gives a Jetty
 * {@code HttpConfiguration.Customizer} service every request of its connectors (and offers no other
 * hook into a running server without restarting it); on the first request it sees, and whenever Pax
 * Web has added a context since, this sets the server's error handler (requests Jetty cannot parse,
 * requests outside every context) and that of each context that shows Jetty's default page (not one
 * with error pages of its own). Requests that cannot be parsed before the first one still get Jetty's page.
 */
@Component(service = HttpConfiguration.Customizer.class)
public class JettyProblems implements HttpConfiguration.Customizer {

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        Server server = connector.getServer();
        if (!(server.getErrorHandler() instanceof ProblemErrorHandler)) {
            server.setErrorHandler(new ProblemErrorHandler());
        }
        for (Handler handler : server.getChildHandlersByClass(ContextHandler.class)) {
            ContextHandler context = (ContextHandler) handler;
            if (showsJettysPage(context.getErrorHandler())) {
                context.setErrorHandler(new ProblemErrorHandler());
            }
        }
    }

    private static boolean showsJettysPage(ErrorHandler handler) {
        if (handler == null || handler instanceof ProblemErrorHandler) {
            return false;
        }
        return handler.getClass() == ErrorHandler.class
                || handler instanceof ErrorPageErrorHandler pages && pages.getErrorPages().isEmpty();
    }
}
