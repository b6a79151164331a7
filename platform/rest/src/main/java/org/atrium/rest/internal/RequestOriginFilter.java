package org.atrium.rest.internal;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;

import org.atrium.api.audit.RequestOrigin;

/**
 * Tells the core where the request comes from (the client's address, for the audit trail): set
 * before anything else runs, cleared when the answer leaves, so that a pooled thread carries no
 * address into the next request. Behind a load balancer this is the balancer's address unless
 * Jetty is configured to take X-Forwarded-For (docs/gdpr.md).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestOriginFilter implements ContainerRequestFilter, ContainerResponseFilter {
    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        RequestOrigin.set(request == null ? null : request.getRemoteAddr());
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        RequestOrigin.clear();
    }
}
