package org.atrium.api.kpi;

import java.time.LocalDate;

/**
 * What {@code GET /kpis} asks for; every component may be null (the defaults of docs/kpis.md).
 *
 * @param department only this department
 * @param type       only this request type key (e.g. {@code it.incident})
 * @param priority   only this priority ({@code P1}..{@code P4})
 * @param period     {@code day}, {@code week} or {@code month}
 * @param from       first day counted (inclusive)
 * @param to         last day counted (inclusive)
 * @param zone       the time zone whose days make the periods (default Europe/Berlin)
 */
public record KpiQuery(String department, String type, String priority, String period, LocalDate from, LocalDate to, String zone) {
}
