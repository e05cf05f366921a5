package nl.signaalketen.security;

import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * Whether a task query, with its expressions evaluated, can only match tasks that carry a grant
 * for the caller: those offered to one of the caller's groups, or assigned to the caller. All of a
 * query's criteria narrow its result, except its "or" branches and a group LIKE (joined with "or"
 * to the candidate groups), so neither may be there.
 */
final class OwnWork {

  private OwnWork() {}

  static boolean only(TaskQueryImpl query, String userId, List<String> groupIds) {
    if (userId == null || query.getQueries().size() != 1 || query.getCandidateGroupLike() != null) {
      return false;
    }
    if (userId.equals(query.getAssignee())) {
      return true;
    }
    if (query.getCandidateUser() != null) {
      return false;
    }
    List<String> offeredTo = query.getCandidateGroups();
    return offeredTo != null && !offeredTo.isEmpty() && groupIds != null && groupIds.containsAll(offeredTo);
  }
}
