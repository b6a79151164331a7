package org.atrium.api.kpi;

/**
 * Mean time between failures of one affected service: incidents naming it, created in the range.
 *
 * @param incidents   how many
 * @param mtbfSeconds (last creation - first creation) / (incidents - 1); null for fewer than two
 */
public record ServiceMtbf(String service, long incidents, Double mtbfSeconds) {
}
