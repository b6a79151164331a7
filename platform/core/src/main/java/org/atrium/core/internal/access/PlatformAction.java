package org.atrium.core.internal.access;

/** What concerns the platform or a person rather than one ticket; administrators only. */
public enum PlatformAction {
    /** Importing people into the directory. */
    IMPORT_PEOPLE("import people"),
    /** Exporting all personal data of a person (GDPR Art. 15/20). */
    EXPORT_PERSON("export a person's data"),
    /** Erasing (anonymising) a person (GDPR Art. 17). */
    ERASE_PERSON("erase a person"),
    /** Reading the audit trail. */
    READ_AUDIT("read the audit trail");

    private final String description;

    PlatformAction(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
