package org.atrium.browser;

import java.nio.file.Path;

import org.atrium.browser.harness.AtriumDistribution;
import org.atrium.browser.harness.Chromium;
import org.junit.ClassRule;
import org.junit.rules.ExternalResource;
import org.junit.rules.RuleChain;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * Every browser flow against one distribution, started once for all of them (failsafe runs only
 * this class; the flows are the *Flow classes listed here). While writing a flow,
 * {@code -Datrium.browser.server=http://127.0.0.1:PORT} runs them against a distribution already running.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({
        SignInFlow.class,
        LanguagesFlow.class,
        KeyboardFlow.class,
        FormErrorsFlow.class,
        LeaveRequestFlow.class,
        QueueFlow.class,
        KpiFlow.class,
        AttachmentFlow.class,
        PhoneFlow.class,
        ViewsTour.class,
})
public class PortalSuiteIT {
    public static final AtriumDistribution ATRIUM = new AtriumDistribution(Path.of("target", "atrium").toAbsolutePath())
            .with(BreachingIncidents::configure);

    /** Without Chromium the suite fails once, saying what to install, before it starts a server for nothing. */
    @ClassRule
    public static final RuleChain CHROMIUM_THEN_ATRIUM = RuleChain.outerRule(new ExternalResource() {
        @Override
        protected void before() {
            Chromium.requireInstalled();
        }
    }).around(ATRIUM);
}
