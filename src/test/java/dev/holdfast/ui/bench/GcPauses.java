package dev.holdfast.ui.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's garbage-collection pauses, as wall-clock intervals: a stall of the FX thread that
 * overlaps one was the whole JVM stopped, not the FX thread kept busy by the panel.
 */
final class GcPauses implements AutoCloseable {
    /** {start, end} in epoch milliseconds. */
    private final List<long[]> pauses = new CopyOnWriteArrayList<>();
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            // Only pauses: concurrent cycles run beside the application.
            if (!info.getGcName().contains("Concurrent")) {
                pauses.add(new long[] {jvmStart + info.getGcInfo().getStartTime(), jvmStart + info.getGcInfo().getEndTime()});
            }
        }
    };

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
    }

    /** Whether [from, to] (epoch milliseconds) overlaps a pause, with {@code slackMs} either side. */
    boolean overlaps(long from, long to, long slackMs) {
        for (long[] p : pauses) {
            if (p[0] - slackMs <= to && from <= p[1] + slackMs) {
                return true;
            }
        }
        return false;
    }

    int count() {
        return pauses.size();
    }

    @Override
    public void close() throws Exception {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(listener);
        }
    }
}
