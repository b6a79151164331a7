package org.atrium.core.internal.catalog;

import java.util.List;

import org.atrium.api.catalog.Catalog;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.directory.Directory;
import org.atrium.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The registered types filtered by their audiences, for one caller at a time. */
@Component(service = Catalog.class)
public class CallerCatalog implements Catalog {
    private final RequestTypeRegistry registry;
    private final AudienceRule audiences;

    @Activate
    public CallerCatalog(@Reference RequestTypeRegistry registry, @Reference Directory directory) {
        this.registry = registry;
        this.audiences = new AudienceRule(directory);
    }

    @Override
    public List<RequestType> availableTo(Caller caller) {
        return audiences.usable(caller, registry.all());
    }
}
