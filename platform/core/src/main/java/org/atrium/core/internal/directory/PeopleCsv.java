package org.atrium.core.internal.directory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.ImportReport.RefusedRow;
import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.directory.Person;

/**
 * Reads the people CSV (Apache Commons CSV, RFC 4180 with a header line) and checks each row on
 * its own. References between people (manager, delegate) are checked by {@link PeopleImporter},
 * which knows the directory too. A file that is not such a CSV is a ValidationException on {@code file}.
 */
final class PeopleCsv {
    static final List<String> COLUMNS = List.of("id", "displayName", "email", "language", "department", "manager",
            "country", "region", "roles", "active", "outOfOfficeDelegate", "outOfOfficeFrom", "outOfOfficeUntil");
    static final int MAX_ROWS = 50_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** A row that passed its own checks. */
    record Row(int line, Person person) {
    }

    record Parsed(List<Row> rows, List<RefusedRow> refused) {
    }

    private PeopleCsv() {
    }

    static Parsed parse(Reader csv) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        List<RefusedRow> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(csv), format)) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (rows.size() + refused.size() >= MAX_ROWS) {
                    throw malformed("has more than " + MAX_ROWS + " rows; split it");
                }
                List<RefusedRow> problems = new ArrayList<>();
                Person person = person(record, line, problems);
                if (person != null && !seen.add(person.id())) {
                    problems.add(new RefusedRow(line, "id", "appears in an earlier row of this file"));
                }
                if (problems.isEmpty()) {
                    rows.add(new Row(line, person));
                } else {
                    refused.addAll(problems);
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // Commons CSV reports broken quoting and duplicate or missing headers this way
            Throwable reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            throw malformed("is not a CSV file of people: " + reason.getMessage());
        } catch (IOException e) {
            throw malformed("could not be read: " + e.getMessage());
        }
        return new Parsed(rows, refused);
    }

    /** Spreadsheets often save UTF-8 with a byte order mark, which would otherwise be part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(csv, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw malformed("is empty; the first line must be the header " + String.join(",", COLUMNS));
        }
        if (header.stream().anyMatch(name -> name.length() > 50 || name.chars().anyMatch(Character::isISOControl))) {
            throw malformed("does not start with the header line " + String.join(",", COLUMNS) + "; is it a CSV file?");
        }
        Set<String> given = new LinkedHashSet<>(header);
        if (!given.equals(new LinkedHashSet<>(COLUMNS)) || given.size() != header.size()) {
            Set<String> missing = new LinkedHashSet<>(COLUMNS);
            missing.removeAll(given);
            Set<String> unknown = new LinkedHashSet<>(given);
            COLUMNS.forEach(unknown::remove);
            throw malformed("has the header " + String.join(",", header) + "; expected the columns " + String.join(",", COLUMNS)
                    + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")")
                    + (unknown.isEmpty() ? "" : " (unknown: " + String.join(", ", unknown) + ")"));
        }
    }

    /** The person of a row, or null with the problems added. */
    private static Person person(CSVRecord record, int line, List<RefusedRow> problems) {
        if (!record.isConsistent()) {
            problems.add(new RefusedRow(line, COLUMNS.get(Math.min(record.size(), COLUMNS.size() - 1)),
                    "the row has " + record.size() + " values, the header " + COLUMNS.size()));
            return null;
        }
        Cells cells = new Cells(record, line, problems);
        String id = cells.matching("id", ID, true, "must be a login name: letters, digits, '.', '_', '@', '-', at most 100");
        String displayName = cells.text("displayName", 200, true);
        String email = cells.matching("email", EMAIL, false, "must be an e-mail address like anna@example.com");
        if (email != null && email.length() > 254) {
            problems.add(new RefusedRow(line, "email", "must be at most 254 characters"));
        }
        String language = cells.text("language", 2, true);
        if (language != null && !Person.LANGUAGES.contains(language)) {
            problems.add(new RefusedRow(line, "language", "must be de or en"));
        }
        String department = cells.matching("department", NAME, false, "must be a lower-case name like sales");
        String manager = cells.matching("manager", ID, false, "must be a login name");
        if (manager != null && manager.equals(id)) {
            problems.add(new RefusedRow(line, "manager", "must be someone else"));
        }
        String country = cells.matching("country", COUNTRY, false, "must be an ISO country code like DE");
        String region = cells.matching("region", REGION, false, "must be an ISO 3166-2 code like DE-BY");
        if (region != null && country != null && !region.startsWith(country + "-")) {
            problems.add(new RefusedRow(line, "region", "must be in the country " + country));
        }
        Set<String> roles = roles(cells.text("roles", 1000, false), line, problems);
        boolean active = active(cells.text("active", 5, false), line, problems);
        OutOfOffice away = outOfOffice(cells, id, line, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Person(id, displayName, email, language, department, manager, country, region, roles, active, away);
    }

    private static Set<String> roles(String text, int line, List<RefusedRow> problems) {
        if (text == null) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : Arrays.asList(text.split("[;\\s]+"))) {
            if (role.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(role).matches()) {
                problems.add(new RefusedRow(line, "roles", "'" + role + "' is not a role name (lower-case letters, digits, '-')"));
            }
            roles.add(role);
        }
        return roles;
    }

    private static boolean active(String text, int line, List<RefusedRow> problems) {
        if (text == null || text.equals("true")) {
            return true;
        }
        if (!text.equals("false")) {
            problems.add(new RefusedRow(line, "active", "must be true or false (empty means true)"));
        }
        return false;
    }

    private static OutOfOffice outOfOffice(Cells cells, String id, int line, List<RefusedRow> problems) {
        String delegate = cells.matching("outOfOfficeDelegate", ID, false, "must be a login name");
        LocalDate from = cells.date("outOfOfficeFrom");
        LocalDate until = cells.date("outOfOfficeUntil");
        boolean any = delegate != null || from != null || until != null;
        if (!any || problems.stream().anyMatch(p -> p.column().startsWith("outOfOffice"))) {
            return null;
        }
        if (delegate == null || from == null || until == null) {
            String column = delegate == null ? "outOfOfficeDelegate" : from == null ? "outOfOfficeFrom" : "outOfOfficeUntil";
            problems.add(new RefusedRow(line, column, "is required with the other out-of-office columns"));
            return null;
        }
        if (delegate.equals(id)) {
            problems.add(new RefusedRow(line, "outOfOfficeDelegate", "must be someone else"));
            return null;
        }
        if (from.isAfter(until)) {
            problems.add(new RefusedRow(line, "outOfOfficeUntil", "must not be before outOfOfficeFrom"));
            return null;
        }
        return new OutOfOffice(delegate, from, until);
    }

    private static ValidationException malformed(String reason) {
        return new ValidationException("file", reason);
    }

    /** The cells of one row, each read once and checked; a bad cell adds a problem and reads as null. */
    private record Cells(CSVRecord record, int line, List<RefusedRow> problems) {
        String text(String column, int max, boolean required) {
            String value = record.get(column);
            if (value == null || value.isEmpty()) {
                if (required) {
                    problems.add(new RefusedRow(line, column, "is required"));
                }
                return null;
            }
            if (value.length() > max) {
                problems.add(new RefusedRow(line, column, "must be at most " + max + " characters"));
                return null;
            }
            return value;
        }

        String matching(String column, Pattern pattern, boolean required, String reason) {
            String value = text(column, 1000, required);
            if (value != null && !pattern.matcher(value).matches()) {
                problems.add(new RefusedRow(line, column, reason));
                return null;
            }
            return value;
        }

        LocalDate date(String column) {
            String value = text(column, 10, false);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(new RefusedRow(line, column, "must be a date like 2026-03-31"));
                return null;
            }
        }
    }
}
