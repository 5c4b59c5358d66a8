package org.mastery.system;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the system under test when the test run ends, in order and while the test JVM still has
 * time to wait for it (a shutdown hook could be cut short, leaving processes behind).
 */
public class StopSystemAtSessionEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        RunningSystem.stop();
    }
}
