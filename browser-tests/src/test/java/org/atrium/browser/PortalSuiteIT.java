package org.atrium.browser;

import java.nio.file.Path;

import org.atrium.browser.harness.AtriumDistribution;
import org.junit.ClassRule;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * Every browser flow against one running distribution (one start, about 15 s, for all of them).
 * The flows are the classes listed here; run one alone with
 * {@code -Dit.test=PortalSuiteIT} and JUnit's filter, not by its own name, since it needs the server.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({
        SignInFlow.class,
        LanguagesFlow.class,
        KeyboardFlow.class,
        FormErrorsFlow.class,
        LeaveRequestFlow.class,
        QueueFlow.class,
        AttachmentFlow.class,
        PhoneFlow.class,
        ViewsTour.class,
})
public class PortalSuiteIT {
    @ClassRule
    public static final AtriumDistribution ATRIUM = new AtriumDistribution(Path.of("target", "atrium").toAbsolutePath())
            .with(BreachingIncidents::configure);
}
