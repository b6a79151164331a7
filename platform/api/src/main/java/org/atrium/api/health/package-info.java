/**
 * Whether this node can serve: what a load balancer's health check asks.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package org.atrium.api.health;
