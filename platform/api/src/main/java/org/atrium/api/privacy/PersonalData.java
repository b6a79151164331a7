package org.atrium.api.privacy;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Export and erasure of a person's data; administrators only, each audited. */
@ProviderType
public interface PersonalData {
    /** The text that replaces free text a person wrote once they are erased. */
    String REDACTED = "[redacted]";

    /** Everything Atrium holds about the person with this login. 404 for a login no row names. */
    PersonalDataExport export(Caller caller, String login);

    /**
     * Anonymises the person with this login: their login, names and e-mail become a pseudonym, the
     * free text they wrote the {@link #REDACTED} text; tickets stay for statistics. One transaction;
     * asked again with the pseudonym (a retry) it answers the same report and changes nothing.
     */
    ErasureReport erase(Caller caller, String login);
}
