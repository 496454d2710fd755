package io.valkeystreams.sample.api;

import io.valkeystreams.sample.state.GroupState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consumer groups' state, for inspection: {@code GET /api/state} lists the groups, {@code GET
 * /api/state/{group}[?user_id=…]} shows one group's state as JSON.
 */
@RestController
@RequestMapping("/api/state")
class StateController {

    private final Map<String, GroupState> groups;

    StateController(List<GroupState> groups) {
        this.groups = groups.stream().collect(Collectors.toMap(GroupState::group, Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    @GetMapping
    Map<String, Object> groups() {
        return Map.of("groups", groups.keySet());
    }

    @GetMapping("/{group}")
    Map<String, Object> state(@PathVariable String group, @RequestParam(name = "user_id", required = false) String userId) {
        GroupState state = groups.get(group);
        if (state == null) {
            throw new NotFoundException("unknown consumer group '" + group + "'; known groups: "
                    + String.join(", ", groups.keySet()));
        }
        return state.snapshot(userId == null || userId.isBlank() ? null : userId);
    }
}
