package org.atrium.api.audit;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records and reads audit events. Recording never fails the caller's request for a reason of its
 * own; each event is its own row (committed on its own), the address that of {@link RequestOrigin}.
 */
@ProviderType
public interface AuditTrail {
    /** Actions of {@link AuditEntry#action()} recorded here (ticket changes carry their history action). */
    String CONFIDENTIAL_READ = "confidential-read";
    String LOGIN_FAILED = "login-failed";
    String PERSONAL_DATA_EXPORTED = "personal-data-exported";
    String PERSON_ERASED = "person-erased";
    String RETENTION_ANONYMISED = "retention-anonymised";
    String PEOPLE_IMPORTED = "people-imported";

    /**
     * A failed authentication (wrong password, unknown user, locked out). {@code user} is the name
     * that was tried: stored as the person's id when it is a known login, otherwise not at all (a
     * mistyped password in the user field is no audit data); {@code address} the client's address.
     */
    void loginFailed(String user, String address);

    /** A caller read a ticket of a confidential type (department: whose agents may see the details). */
    void confidentialRead(String user, String ticketKey, String department);

    /** Every audit entry in the query's window that the caller may see, newest first; administrators only. */
    AuditPage find(Caller caller, AuditQuery query);
}
