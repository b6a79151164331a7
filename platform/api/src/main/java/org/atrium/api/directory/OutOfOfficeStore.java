package org.atrium.api.directory;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link DirectoryProvider} that can store a person's absence, so that people set
 * their out-of-office delegate themselves ({@code PUT /me/out-of-office}). A provider without it (a
 * read-only LDAP, say) keeps absences wherever it reads them from, and setting one through Atrium is
 * refused as a conflict.
 */
@ConsumerType
public interface OutOfOfficeStore {
    /**
     * Stores the absence of the person with this login, replacing any earlier one; null clears it.
     * The {@link Directory} has checked the absence and the delegate; returns false for an unknown person.
     */
    boolean storeOutOfOffice(String id, OutOfOffice absence);
}
