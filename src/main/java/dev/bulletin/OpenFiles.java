package dev.bulletin;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * The connections this process can really take: each is an open file, and past the process's
 * limit a new client is not refused with 1013 but hangs while the listener backs off. So Bulletin
 * takes fewer than {@code bulletin.max-connections} when the limit, less the files open at start and
 * some headroom for the server's own (database connections, logs, deployments), leaves fewer.
 */
final class OpenFiles {

    /** Files kept for the server's own use beyond those open at start: a tenth of the limit, at least this many. */
    static final long MIN_HEADROOM = 1_000;

    private static final System.Logger LOG = System.getLogger(OpenFiles.class.getName());

    private OpenFiles() {
    }

    /** The configured limit, lowered to what this process's open-file limit allows; logged when lowered. */
    static int connections(int configured) {
        long max;
        long open;
        try {
            // through JMX, not com.sun.management: a server's module system may not show that package to a deployment
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName os = new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
            max = ((Number) server.getAttribute(os, "MaxFileDescriptorCount")).longValue();
            open = ((Number) server.getAttribute(os, "OpenFileDescriptorCount")).longValue();
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "The open-file limit cannot be read here: {0}", e.toString());
            return configured;
        }
        int allowed = connections(configured, max, open);
        if (allowed < configured) {
            LOG.log(System.Logger.Level.INFO, "Bulletin takes at most {0} connections, not the {1} of"
                    + " bulletin.max-connections: the process may open {2} files and has {3} open; raise its limit"
                    + " (ulimit -n) for more", Integer.toString(allowed), Integer.toString(configured),
                    Long.toString(max), Long.toString(open));
        }
        return allowed;
    }

    static int connections(int configured, long maxFiles, long openFiles) {
        long headroom = Math.max(MIN_HEADROOM, maxFiles / 10);
        return (int) Math.max(1, Math.min(configured, maxFiles - openFiles - headroom));
    }
}
