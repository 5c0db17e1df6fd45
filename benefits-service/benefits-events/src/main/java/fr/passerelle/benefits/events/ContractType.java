package fr.passerelle.benefits.events;

/** The kind of employment a beneficiary started. */
public enum ContractType {
  /** Contrat à durée indéterminée: permanent. */
  CDI,
  /** Contrat à durée déterminée: fixed term. */
  CDD,
  /** Intérim. */
  TEMPORARY,
  /** Insertion par l'activité économique (IAE). */
  INTEGRATION_CONTRACT,
  APPRENTICESHIP,
  /**
   * A training, from the employments recorded before trainings were recorded apart ({@code
   * TrainingRecorded}); no longer used for new records.
   */
  TRAINING
}
