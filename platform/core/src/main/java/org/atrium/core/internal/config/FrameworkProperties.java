package org.atrium.core.internal.config;

/**
 * Properties that Config Admin, Declarative Services and Felix add to every configuration
 * (service.pid, component.name, osgi.ds.satisfying.condition.target, ...): not an operator's entry,
 * so a configuration reader skips them instead of refusing them as unknown keys.
 */
public final class FrameworkProperties {
    private FrameworkProperties() {
    }

    public static boolean isFramework(String key) {
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.") || key.startsWith("osgi.")
                || key.equals("objectClass");
    }
}
