package org.atrium.rest.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The body of {@code POST /session}: {@code {"login", "password"}}, both strings, nothing else. */
record SignInBody(String login, String password) {
    static final int MAX_LOGIN = 100;
    static final int MAX_PASSWORD = 1000;

    @Override
    public String toString() {
        return "SignInBody[login=" + login + "]"; // never the password
    }

    static SignInBody read(ObjectMapper json, InputStream body) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ValidationException(List.of(new FieldError("body", "is not valid JSON")));
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException(List.of(new FieldError("body", "must be a JSON object with login and password")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("login") && !name.equals("password")) {
                errors.add(new FieldError(name, "is not a member of a sign-in"));
            }
        }
        String login = text(root, "login", MAX_LOGIN, errors);
        String password = text(root, "password", MAX_PASSWORD, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SignInBody(login, password);
    }

    private static String text(JsonNode root, String name, int max, List<FieldError> errors) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        String text = value.textValue();
        if (text.isEmpty() || text.length() > max) {
            errors.add(new FieldError(name, "must be 1 to " + max + " characters"));
        }
        return text;
    }
}
