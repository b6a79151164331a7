package org.atrium.demo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;

/**
 * The realm "karaf" as Karaf (or an operator's LDAP realm) defines it, plus one more properties login
 * module that reads the demo company's logins. It ranks just above the realm it extends, so that JAAS
 * picks it, and vanishes with the demo bundle: then only the operator's users log in. Every module is
 * OPTIONAL, as in Karaf's own realm: a login succeeds when one of them knows the user and password.
 * The demo module copies the options of Karaf's properties module (bundle, encryption), so the demo
 * passwords are checked as the operator's are (bcrypt, etc/org.apache.karaf.jaas.cfg).
 */
final class DemoRealm implements JaasRealm {
    static final String NAME = "karaf";
    static final String MODULE = "org.apache.karaf.jaas.module";
    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    private final String demoUsersFile;
    private final List<JaasRealm> others = new CopyOnWriteArrayList<>();

    DemoRealm(String demoUsersFile) {
        this.demoUsersFile = demoUsersFile;
    }

    void add(JaasRealm realm) {
        if (realm != this) {
            others.add(realm);
        }
    }

    void remove(JaasRealm realm) {
        others.remove(realm);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return extended().map(realm -> realm.getRank() + 1).orElse(1);
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        List<AppConfigurationEntry> entries = new ArrayList<>();
        extended().ifPresent(realm -> entries.addAll(Arrays.asList(realm.getEntries())));
        propertiesModuleTemplate().ifPresent(template -> {
            Map<String, Object> options = new HashMap<>(template.getOptions());
            options.put("users", demoUsersFile);
            entries.add(new AppConfigurationEntry(template.getLoginModuleName(),
                    AppConfigurationEntry.LoginModuleControlFlag.OPTIONAL, options));
        });
        return entries.toArray(new AppConfigurationEntry[0]);
    }

    /** The realm "karaf" that JAAS would use without this one. */
    private Optional<JaasRealm> extended() {
        return others.stream().filter(realm -> NAME.equals(realm.getName())).max(Comparator.comparingInt(JaasRealm::getRank));
    }

    /** Karaf's own properties module (of whichever "karaf" realm has one), to read the demo file the same way. */
    private Optional<AppConfigurationEntry> propertiesModuleTemplate() {
        return others.stream().filter(realm -> NAME.equals(realm.getName()))
                .sorted(Comparator.comparingInt(JaasRealm::getRank).reversed())
                .flatMap(realm -> Arrays.stream(realm.getEntries()))
                .filter(entry -> PROPERTIES_MODULE.equals(entry.getOptions().get(MODULE)))
                .findFirst();
    }
}
