package org.atrium.core.internal.persistence;

import java.util.Arrays;
import java.util.stream.Collectors;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/** A comma-separated list of people (the deciders of an approval): logins in the entity, ids in the column. */
@Converter
public class PersonListColumn implements AttributeConverter<String, String> {
    private static final String SEPARATOR = ",";

    @Override
    public String convertToDatabaseColumn(String logins) {
        if (logins == null || logins.isEmpty()) {
            return logins;
        }
        PersonIds ids = PersonIds.current();
        return Arrays.stream(logins.split(SEPARATOR)).map(ids::idOf).collect(Collectors.joining(SEPARATOR));
    }

    @Override
    public String convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return column;
        }
        PersonIds ids = PersonIds.current();
        return Arrays.stream(column.split(SEPARATOR)).map(ids::loginOf).collect(Collectors.joining(SEPARATOR));
    }
}
