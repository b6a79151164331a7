package org.atrium.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.config.JaasRealm;
import org.junit.jupiter.api.Test;

class DemoRealmTest {
    private static final String PROXY = "org.apache.karaf.jaas.boot.ProxyLoginModule";
    private static final String LDAP = "org.apache.karaf.jaas.modules.ldap.LDAPLoginModule";

    private static AppConfigurationEntry entry(String module, Map<String, Object> options) {
        Map<String, Object> all = new java.util.HashMap<>(options);
        all.put(DemoRealm.MODULE, module);
        return new AppConfigurationEntry(PROXY, LoginModuleControlFlag.OPTIONAL, all);
    }

    private static JaasRealm realm(String name, int rank, AppConfigurationEntry... entries) {
        return new JaasRealm() {
            public String getName() {
                return name;
            }

            public int getRank() {
                return rank;
            }

            public AppConfigurationEntry[] getEntries() {
                return entries;
            }
        };
    }

    private final AppConfigurationEntry karafProperties = entry(DemoRealm.PROPERTIES_MODULE,
            Map.of("users", "/opt/atrium/etc/users.properties", "encryption.enabled", "true", "encryption.algorithm", "bcrypt",
                    "org.apache.karaf.jaas.bundle", "42"));
    private final JaasRealm karaf = realm("karaf", 0, karafProperties);

    @Test
    void extendsKarafsRealmWithTheDemoUsersReadLikeTheOperatorsAndRanksAboveIt() {
        DemoRealm demo = new DemoRealm("/data/demo-users.properties");
        demo.add(karaf);
        demo.add(realm("other", 5));
        assertEquals("karaf", demo.getName());
        assertEquals(1, demo.getRank());
        AppConfigurationEntry[] entries = demo.getEntries();
        assertEquals(2, entries.length);
        assertSame(karafProperties, entries[0]);
        AppConfigurationEntry added = entries[1];
        assertEquals(PROXY, added.getLoginModuleName());
        assertEquals(LoginModuleControlFlag.OPTIONAL, added.getControlFlag(), "either file may know the user");
        assertEquals("/data/demo-users.properties", added.getOptions().get("users"));
        assertEquals("bcrypt", added.getOptions().get("encryption.algorithm"));
        assertEquals("42", added.getOptions().get("org.apache.karaf.jaas.bundle"));
        assertEquals("/opt/atrium/etc/users.properties", karafProperties.getOptions().get("users"), "Karaf's entry unchanged");
    }

    @Test
    void extendsAnLdapRealmThatReplacesKarafsAndStillReadsTheDemoFileWithKarafsPropertiesModule() {
        AppConfigurationEntry ldap = entry(LDAP, Map.of("connection.url", "ldap://localhost:389"));
        DemoRealm demo = new DemoRealm("/data/demo-users.properties");
        demo.add(karaf);
        demo.add(realm("karaf", 2, ldap));
        assertEquals(3, demo.getRank());
        List<Object> modules = Arrays.stream(demo.getEntries()).<Object>map(e -> e.getOptions().get(DemoRealm.MODULE)).toList();
        assertEquals(List.of(LDAP, DemoRealm.PROPERTIES_MODULE), modules);
        assertEquals("/data/demo-users.properties", demo.getEntries()[1].getOptions().get("users"));
    }

    @Test
    void ignoresItselfAndForgetsARealmThatLeaves() {
        DemoRealm demo = new DemoRealm("/data/demo-users.properties");
        demo.add(demo);
        demo.add(karaf);
        JaasRealm ldap = realm("karaf", 2, entry(LDAP, Map.of()));
        demo.add(ldap);
        demo.remove(ldap);
        assertEquals(1, demo.getRank());
        assertEquals(2, demo.getEntries().length);
    }
}
