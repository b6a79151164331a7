package org.atrium.api.health;

/**
 * The answer of one check of the database.
 *
 * @param up whether a connection was had and answered within the check's time limit
 * @param product the database product and version (e.g. "PostgreSQL 15.8"), null when it did not answer
 * @param millis how long the check took
 * @param problem why it is down, null when up
 */
public record DatabaseHealth(boolean up, String product, long millis, String problem) {
}
