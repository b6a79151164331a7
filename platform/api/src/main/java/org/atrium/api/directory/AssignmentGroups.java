package org.atrium.api.directory;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The assignment groups of every department, as the department admins configure them. */
@ProviderType
public interface AssignmentGroups {

    /** Every department's groups, by department, then key. */
    List<AssignmentGroup> all();

    /** The department's groups, sorted by key; empty for a department without groups. */
    List<AssignmentGroup> of(String department);

    Optional<AssignmentGroup> find(String department, String key);
}
