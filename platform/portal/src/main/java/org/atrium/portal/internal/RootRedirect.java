package org.atrium.portal.internal;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The server's root ({@code /}) is where a person types the address: it sends them to the portal. The
 * whiteboard maps the root pattern as the default servlet, so any other path nobody serves arrives here
 * too: that stays a 404 (problem+json from the container's error handler), not a redirect.
 */
public class RootRedirect extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalHeaders.apply(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.isEmpty() && !path.equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        response.sendRedirect(request.getContextPath() + "/portal/");
    }
}
