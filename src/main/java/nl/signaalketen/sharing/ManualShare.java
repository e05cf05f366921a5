package nl.signaalketen.sharing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.signaalketen.api.InvalidInputException;

/**
 * A share recorded by hand through the API, e.g. a phone call to the police: the same
 * justification the process forms ask for. {@code personInformed} false needs the reason.
 */
public record ManualShare(
    @NotBlank @Size(max = 200) String from,
    @NotBlank @Size(max = 200) String to,
    @NotBlank @Size(max = 4000) String purpose,
    @NotBlank String legalBasis,
    @NotBlank @Size(max = 4000) String proportionality,
    @NotBlank @Size(max = 4000) String subsidiarity,
    @NotBlank @Size(max = 1000) String dataCategories,
    Boolean specialCategories,
    @Size(max = 1000) String specialCategoryKinds,
    @NotNull Boolean personInformed,
    @Size(max = 4000) String reasonNotInformed) {

  /**
   * Bean validation plus the rules that tie two fields together, all in one answer: a 400 naming
   * every offending field.
   */
  void validate(Validator validator) {
    Map<String, String> errors = new LinkedHashMap<>();
    Set<ConstraintViolation<ManualShare>> violations = validator.validate(this);
    violations.forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
    if (!LegalBasis.isValid(legalBasis)) {
      errors.putIfAbsent("legalBasis", "legalBasis: moet een van deze grondslagen zijn: " + String.join(", ", LegalBasis.CODES) + ".");
    }
    if (special() && (specialCategoryKinds == null || specialCategoryKinds.isBlank())) {
      errors.putIfAbsent("specialCategoryKinds", "specialCategoryKinds: noem welke bijzondere persoonsgegevens zijn gedeeld.");
    }
    if (Boolean.FALSE.equals(personInformed) && (reasonNotInformed == null || reasonNotInformed.isBlank())) {
      errors.putIfAbsent("reasonNotInformed", "reasonNotInformed: leg vast waarom de betrokkene niet is geïnformeerd.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  boolean special() {
    return Boolean.TRUE.equals(specialCategories);
  }
}
