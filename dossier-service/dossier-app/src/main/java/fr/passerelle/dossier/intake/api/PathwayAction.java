package fr.passerelle.dossier.intake.api;

/** The actions a pathway plan provides for. */
public enum PathwayAction {
  HOUSING,
  HEALTH_CARE,
  SOCIAL_SUPPORT,
  PROFESSIONAL_INTEGRATION,
  LANGUAGE_TRAINING,
  LEGAL_SUPPORT
}
