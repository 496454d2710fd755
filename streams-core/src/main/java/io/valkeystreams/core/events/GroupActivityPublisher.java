package io.valkeystreams.core.events;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.util.Map;

/** Publishes {@link GroupActivityEvent}s to {@code group.mode.activities}, keyed by group. */
public final class GroupActivityPublisher extends TypedPublisher<GroupActivityEvent> {

    /** Creates the publisher. */
    public GroupActivityPublisher(Publisher publisher) {
        super(publisher, PlatformStreams.GROUP_MODE_ACTIVITIES, GroupActivityEvent::groupId);
    }

    /** Publishes a group activity. */
    public PublishResult publishGroupActivity(String groupId, String eventType, String actorUserId,
                                              Map<String, Object> details) {
        return publish(new GroupActivityEvent(groupId, eventType, actorUserId, details));
    }
}
