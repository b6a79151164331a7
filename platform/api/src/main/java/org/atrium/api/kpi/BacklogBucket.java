package org.atrium.api.kpi;

/**
 * The backlog now: tickets not resolved or closed, by department, type, priority and age.
 *
 * @param age {@code <1d}, {@code 1-7d}, {@code 7-30d} or {@code >30d} (since creation)
 */
public record BacklogBucket(String department, String type, String priority, String age, long tickets) {
}
