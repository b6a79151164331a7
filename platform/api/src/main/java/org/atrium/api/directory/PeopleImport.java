package org.atrium.api.directory;

import java.io.Reader;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports people into Atrium's own directory from CSV (administrators only). The format is in
 * README.md ("The directory"). A file that is not such a CSV (wrong header, broken quoting) is a
 * ValidationException and imports nothing; bad rows are refused one by one and reported.
 */
@ProviderType
public interface PeopleImport {
    ImportReport importCsv(Caller caller, Reader csv);
}
