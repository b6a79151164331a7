package org.atrium.api.ticket;

/**
 * Links this ticket to another (POST /tickets/{key}/links).
 *
 * @param type as {@link Link#type()}: what the other ticket is to this one ({@code child}: it is
 *             this ticket's child; {@code caused-by}: this incident is caused by that problem)
 * @param key  the other ticket
 */
public record NewLink(String type, String key) {
}
