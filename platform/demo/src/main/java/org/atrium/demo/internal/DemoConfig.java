package org.atrium.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atrium demo mode", description = "The demo company's logins, people and groups (etc/org.atrium.demo.cfg)")
public @interface DemoConfig {
    @AttributeDefinition(description = "false (or no file) for real use: no demo login works")
    boolean enabled() default false;
}
