package fr.passerelle.decision.session.api;

/** The members of a département's commission, in the order they were named. */
public record FindCommissionMembersQuery(String departmentCode) {}
