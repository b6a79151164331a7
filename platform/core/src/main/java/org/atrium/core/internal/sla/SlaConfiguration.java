package org.atrium.core.internal.sla;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atrium.core.internal.config.FrameworkProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One department's service-level overrides, from a factory configuration {@code org.atrium.sla-<name>}
 * (the file {@code etc/org.atrium.sla-<name>.cfg}):
 * <pre>
 * department = it
 * calendar = de-be                  # every type of the department
 * calendar.P1 = 24x7                # every type, for one priority
 * warnAt = 80                       # percent of the target, 1 to 99
 * it.incident.calendar = de-by      # one type
 * it.incident.calendar.P1 = 24x7
 * it.incident.warnAt = 70
 * it.incident.resolution.P2 = PT6H  # one target: type, clock, priority
 * </pre>
 * A key or value that is wrong is refused with a log line naming it; the rest applies. An edit
 * applies at once ({@link Modified}): the engine asks for the policy at every computation.
 * Immediate, so that a file is checked (and a refusal logged) when it is saved.
 */
@Component(service = SlaConfiguration.class, configurationPid = SlaConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class SlaConfiguration {
    public static final String PID = "org.atrium.sla";
    static final String DEPARTMENT = "department";
    private static final Pattern DEPARTMENT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final String TYPE = "([a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)+?)";
    private static final String PRIORITY = "(P[1-4])";
    private static final Pattern DEPARTMENT_CALENDAR_BY_PRIORITY = Pattern.compile("calendar\\." + PRIORITY);
    private static final Pattern TYPE_CALENDAR = Pattern.compile(TYPE + "\\.calendar");
    private static final Pattern TYPE_CALENDAR_BY_PRIORITY = Pattern.compile(TYPE + "\\.calendar\\." + PRIORITY);
    private static final Pattern TYPE_WARN_AT = Pattern.compile(TYPE + "\\.warnAt");
    private static final Pattern TYPE_TARGET = Pattern.compile(TYPE + "\\.([a-z][a-z0-9-]{0,39})\\." + PRIORITY);
    private static final Logger LOG = LoggerFactory.getLogger(SlaConfiguration.class);
    private volatile SlaOverrides overrides;

    @Activate
    public SlaConfiguration(Map<String, Object> properties) {
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    /** The overrides as last configured; null while the configuration names no department. */
    SlaOverrides overrides() {
        return overrides;
    }

    private void apply(Map<String, Object> properties) {
        Object source = properties.getOrDefault("felix.fileinstall.filename", properties.getOrDefault("service.pid", PID));
        Object department = properties.get(DEPARTMENT);
        String name = department == null ? "" : department.toString().strip();
        if (!DEPARTMENT_NAME.matcher(name).matches()) {
            LOG.error("Service-level overrides {}: 'department' must name a department like it, not '{}'; nothing of it applies",
                    source, name);
            overrides = null;
            return;
        }
        overrides = parse(name, properties, source);
        LOG.info("Service-level overrides of department {} from {}: {}", name, source, overrides);
    }

    /** Reads every property it can; each one refused is logged with its key and why. */
    static SlaOverrides parse(String department, Map<String, Object> properties, Object source) {
        Builder wide = new Builder();
        Map<String, Builder> byType = new TreeMap<>();
        new TreeMap<>(properties).forEach((key, raw) -> {
            if (key.equals(DEPARTMENT) || FrameworkProperties.isFramework(key)) {
                return;
            }
            String value = raw == null ? "" : raw.toString().strip();
            try {
                property(department, key, value, wide, byType);
            } catch (IllegalArgumentException e) {
                LOG.error("Service-level overrides of {} ({}): '{} = {}' refused: {}", department, source, key, value, e.getMessage());
            }
        });
        Map<String, SlaOverrides.Level> types = new HashMap<>();
        byType.forEach((type, builder) -> types.put(type, builder.build()));
        return new SlaOverrides(department, wide.build(), types);
    }

    private static void property(String department, String key, String value, Builder wide, Map<String, Builder> byType) {
        Matcher m;
        if (key.equals("calendar")) {
            wide.calendar = calendar(value);
        } else if ((m = DEPARTMENT_CALENDAR_BY_PRIORITY.matcher(key)).matches()) {
            wide.calendars.put(m.group(1), calendar(value));
        } else if (key.equals("warnAt")) {
            wide.warnPercent = warnPercent(value);
        } else if ((m = TYPE_CALENDAR_BY_PRIORITY.matcher(key)).matches()) {
            type(department, m.group(1), byType).calendars.put(m.group(2), calendar(value));
        } else if ((m = TYPE_CALENDAR.matcher(key)).matches()) {
            type(department, m.group(1), byType).calendar = calendar(value);
        } else if ((m = TYPE_WARN_AT.matcher(key)).matches()) {
            type(department, m.group(1), byType).warnPercent = warnPercent(value);
        } else if ((m = TYPE_TARGET.matcher(key)).matches()) {
            Duration target = SlaValues.target(value);
            type(department, m.group(1), byType).targets.computeIfAbsent(m.group(2), clock -> new HashMap<>()).put(m.group(3), target);
        } else {
            throw new IllegalArgumentException("is not one of calendar, calendar.<P1..P4>, warnAt, <type>.calendar,"
                    + " <type>.calendar.<P1..P4>, <type>.warnAt or <type>.<clock>.<P1..P4> (type keys like "
                    + department + ".incident, clock keys like resolution)");
        }
    }

    private static Builder type(String department, String type, Map<String, Builder> byType) {
        if (!type.startsWith(department + ".")) {
            throw new IllegalArgumentException("names type " + type + ", which is not of department " + department
                    + ": its types' keys start with " + department + ".");
        }
        return byType.computeIfAbsent(type, t -> new Builder());
    }

    private static String calendar(String value) {
        if (!SlaValues.CALENDAR.matcher(value).matches()) {
            throw new IllegalArgumentException("must be " + SlaValues.CALENDAR_TEXT);
        }
        return value;
    }

    private static int warnPercent(String value) {
        try {
            int percent = Integer.parseInt(value);
            if (SlaValues.isWarnPercent(percent)) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("must be a whole number of percent from 1 to 99");
    }

    private static final class Builder {
        private String calendar;
        private final Map<String, String> calendars = new HashMap<>();
        private Integer warnPercent;
        private final Map<String, Map<String, Duration>> targets = new HashMap<>();

        SlaOverrides.Level build() {
            Map<String, Map<String, Duration>> copied = new HashMap<>();
            targets.forEach((clock, byPriority) -> copied.put(clock, Map.copyOf(byPriority)));
            return new SlaOverrides.Level(calendar, calendars, warnPercent, copied);
        }
    }
}
