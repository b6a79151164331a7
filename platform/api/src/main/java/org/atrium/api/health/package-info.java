/**
 * Whether this node can serve: what a load balancer's health check asks.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.health;
