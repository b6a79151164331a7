package org.atrium.api.ticket;

public record NewComment(String body, Boolean internal) {
}
