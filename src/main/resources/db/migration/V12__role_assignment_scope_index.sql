-- A task's offer asks for every assignment of the gemeente and of its ZVH at once, whatever the
-- role (NetworkRepository.assignmentsApplyingTo): the (role_code, scope_code) index cannot serve
-- that without walking all of it.
create index sk_role_assignment_scope on sk_role_assignment (scope_code);
