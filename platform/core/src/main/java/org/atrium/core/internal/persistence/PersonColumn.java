package org.atrium.core.internal.persistence;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * A column that names a person: the entity holds the login, the column the stable person id
 * ({@link PersonIds}). EclipseLink applies it also to JPQL parameters compared with such a column,
 * so {@code t.requester = :user} with a login reads the index on the id.
 */
@Converter
public class PersonColumn implements AttributeConverter<String, String> {
    @Override
    public String convertToDatabaseColumn(String login) {
        return login == null ? null : PersonIds.current().idOf(login);
    }

    @Override
    public String convertToEntityAttribute(String id) {
        return id == null ? null : PersonIds.current().loginOf(id);
    }
}
