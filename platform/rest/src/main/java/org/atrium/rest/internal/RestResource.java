package org.atrium.rest.internal;

/** Marker for the JAX-RS resource components that RestServer publishes under /api/v1. */
public interface RestResource {
}
