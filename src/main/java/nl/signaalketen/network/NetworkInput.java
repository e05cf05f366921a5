package nl.signaalketen.network;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a caller (the API or the demo file) may send to change the registry. */
public final class NetworkInput {

  private NetworkInput() {}

  /** Codes and ids become Camunda ids too: lower case, digits, dots and hyphens. */
  static final String ID_PATTERN = "[a-z0-9][a-z0-9.-]*";
  static final String ID_MESSAGE = "must be lower case letters, digits, dots or hyphens";

  public record NewOrganisation(
      @NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull OrganisationType type,
      String servedByZvh) {}

  /** The name is what changes; code, type and region stay (assignments and cases refer to them). */
  public record OrganisationChange(@NotBlank @Size(max = 200) String name) {}

  /** Checked against the password policy and bounded by InitialPasswords. */
  public record NewPassword(String password) {}

  public record NewPerson(
      @NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank String organisationCode) {}

  /** validFrom defaults to today; validTo is the first day it no longer applies (null = open-ended). */
  public record NewAssignment(
      @NotBlank String personId,
      @NotBlank String roleCode,
      @NotBlank String scopeCode,
      LocalDate validFrom,
      LocalDate validTo,
      String deputyId) {}

  /** A change keeps person, role and scope; to move a role to someone else, end it and assign anew. */
  public record AssignmentChange(@NotNull LocalDate validFrom, LocalDate validTo, String deputyId) {}

  /** Ends an assignment from endDate on (default: today, effective at once). */
  public record AssignmentEnd(LocalDate endDate) {}
}
