package org.atrium.api.health;

/**
 * The state of one part of a node that must run for it to serve, such as the request-type extender or
 * the scheduler of durable timers.
 *
 * @param name what is checked, e.g. {@code extender}, {@code scheduler}
 * @param up whether it runs
 * @param detail what was seen (how many types, when the last run was), or why it is down
 */
public record ComponentHealth(String name, boolean up, String detail) {
}
