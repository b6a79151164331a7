package org.atrium.core.internal.privacy;

import java.time.Clock;

import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.directory.Directory;
import org.atrium.api.privacy.ErasureReport;
import org.atrium.api.privacy.PersonalData;
import org.atrium.api.privacy.PersonalDataExport;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.access.PlatformAction;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Export and erasure of personal data, for administrators. */
@Component(service = PersonalData.class)
public class PersonalDataService implements PersonalData {
    private static final int MAX_LOGIN = 100;
    private final PersonalDataExporter exporter;
    private final PersonErasure erasure;

    @Activate
    public PersonalDataService(@Reference Database db, @Reference Directory directory, @Reference RequestTypeRegistry types) {
        this(db, directory, types, Clock.systemUTC());
    }

    public PersonalDataService(Database db, Directory directory, RequestTypeRegistry types, Clock clock) {
        this.exporter = new PersonalDataExporter(db, directory, clock);
        this.erasure = new PersonErasure(db, clock, new TicketRedaction(new FieldKinds(types)), directory);
    }

    @Override
    public PersonalDataExport export(Caller caller, String login) {
        TicketAccessPolicy.check(PlatformAction.EXPORT_PERSON, caller);
        return exporter.export(caller, checked(login));
    }

    @Override
    public ErasureReport erase(Caller caller, String login) {
        TicketAccessPolicy.check(PlatformAction.ERASE_PERSON, caller);
        return erasure.erase(caller, checked(login));
    }

    private static String checked(String login) {
        if (login == null || login.isBlank() || login.length() > MAX_LOGIN) {
            throw new ValidationException("login", "must be a login of 1 to " + MAX_LOGIN + " characters");
        }
        return login;
    }
}
