package org.atrium.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;

import org.apache.karaf.jaas.config.JaasRealm;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.ImportReport;
import org.atrium.api.directory.PeopleImport;
import org.atrium.api.security.Caller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode, active while etc/org.atrium.demo.cfg says {@code enabled = true} (the distribution ships
 * it so): fills an empty directory with the demo company, creates its assignment groups when there
 * are none, then lets its people log in (their passwords are their user names) through a
 * {@link DemoRealm} over Karaf's. People and groups first, so that a client that can log in finds
 * them. Without the file, or with {@code enabled = false}, nothing of it exists.
 */
@Component(immediate = true, configurationPid = DemoMode.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoConfig.class)
public class DemoMode {
    static final String PID = "org.atrium.demo";
    private static final String GROUPS_PID = "org.atrium.groups";
    private static final List<String> GROUPS = List.of("it", "hr", "facility");
    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);
    private static final Caller SYSTEM = Caller.of("system", Caller.ADMIN);
    private static final String OWN = "atrium.demo";

    private final ServiceRegistration<JaasRealm> registration;

    @Activate
    public DemoMode(DemoConfig config, BundleContext context, @Reference Directory directory, @Reference PeopleImport people,
            @Reference ConfigurationAdmin configs,
            @Reference(target = "(!(" + OWN + "=true))", cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms) throws IOException, InvalidSyntaxException {
        if (!config.enabled()) {
            registration = null;
            LOG.info("Demo mode is off (etc/org.atrium.demo.cfg): no demo login works");
            return;
        }
        importPeopleIfEmpty(directory, people);
        createGroupsIfNone(configs);
        DemoRealm realm = new DemoRealm(extract(context, "demo/users.properties").toString());
        realms.forEach(realm::add);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(OWN, Boolean.TRUE);
        registration = context.registerService(JaasRealm.class, realm, properties);
        LOG.warn("DEMO MODE: the demo company's logins are active (passwords = user names). "
                + "Delete etc/org.atrium.demo.cfg for real use (docs/operations.md, \"Demo mode\")");
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            registration.unregister();
            LOG.info("Demo mode ended: the demo company's logins no longer work");
        }
    }

    /** As Config Admin factory configurations, the same a department admin's etc/org.atrium.groups-<name>.cfg makes. */
    private void createGroupsIfNone(ConfigurationAdmin configs) throws IOException, InvalidSyntaxException {
        if (configs.listConfigurations("(service.factoryPid=" + GROUPS_PID + ")") != null) {
            return;
        }
        for (String department : GROUPS) {
            Properties file = new Properties();
            try (Reader in = new InputStreamReader(resource("demo/groups-" + department + ".properties"), StandardCharsets.UTF_8)) {
                file.load(in);
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            file.stringPropertyNames().forEach(key -> properties.put(key, file.getProperty(key)));
            configs.getFactoryConfiguration(GROUPS_PID, department, "?").update(properties);
        }
        LOG.info("No assignment groups were configured: created the demo company's ({})", GROUPS);
    }

    private void importPeopleIfEmpty(Directory directory, PeopleImport people) {
        if (!directory.search("", 1).isEmpty()) {
            return;
        }
        try (Reader csv = new InputStreamReader(resource("demo/people.csv"), StandardCharsets.UTF_8)) {
            ImportReport report = people.importCsv(SYSTEM, csv);
            LOG.info("Directory was empty: imported the {} people of the demo company", report.created().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // several nodes starting on one empty database import at once: one wins, the others meet its rows
            if (directory.search("", 1).isEmpty()) {
                throw e;
            }
            LOG.info("Another node imported the demo company at the same time; this node uses its rows");
        }
    }

    /** The login module reads a file: the bundle's copy goes to its data area, rewritten on every start. */
    private Path extract(BundleContext context, String name) {
        Path target = context.getDataFile(name.replace('/', '-')).toPath();
        try (InputStream in = resource(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoMode.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The demo bundle lacks " + name);
        }
        return in;
    }
}
