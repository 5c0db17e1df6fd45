/** What the platform's codes are called in French, on screen. */
export const ROLE_LABELS: Record<string, string> = {
  ASSOCIATION: 'Association agréée',
  SECRETARIAT: 'Secrétariat de la commission',
  PREFECTURE: 'Préfecture',
  PAYING_BODY: 'Organisme payeur',
  AUDITOR: 'Inspection',
  ANALYST: 'Ministère – analyse nationale',
  ADMIN: 'Administration de la plateforme',
  MONITORING: 'Supervision',
};

export const STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Brouillon',
  SUBMITTED: 'Déposé',
  WITHDRAWN: 'Retiré',
};

export const ACTION_LABELS: Record<string, string> = {
  HOUSING: 'Logement',
  HEALTH_CARE: 'Soins',
  SOCIAL_SUPPORT: 'Accompagnement social',
  PROFESSIONAL_INTEGRATION: 'Insertion professionnelle',
  LANGUAGE_TRAINING: 'Apprentissage du français',
  LEGAL_SUPPORT: 'Accompagnement juridique',
};

export const CONTRACT_LABELS: Record<string, string> = {
  CDI: 'CDI',
  CDD: 'CDD',
  TEMPORARY: 'Intérim',
  INTEGRATION_CONTRACT: "Contrat d'insertion (IAE)",
  APPRENTICESHIP: 'Apprentissage',
  TRAINING: 'Formation',
};

/** Whom a member of the commission represents (CASF R121-12-7), as the minutes group them. */
export const MEMBER_CATEGORY_LABELS: Record<string, string> = {
  STATE_SERVICES: "Services de l'État",
  JUSTICE: 'Justice',
  POLICE_GENDARMERIE: 'Police et gendarmerie',
  LOCAL_AUTHORITIES: 'Collectivités territoriales',
  HEALTH: 'Santé',
  ASSOCIATIONS: 'Associations',
  QUALIFIED_PERSONS: 'Personnalités qualifiées',
};

export const OPINION_LABELS: Record<string, string> = {
  FAVOURABLE: 'Favorable',
  UNFAVOURABLE: 'Défavorable',
  ADJOURNED: 'Ajourné (complément demandé)',
};

export const REFUSAL_LABELS: Record<string, string> = {
  UNFAVOURABLE_OPINION: 'Avis défavorable de la commission',
  INCOMPLETE_PLAN: 'Projet de parcours incomplet',
  CONDITIONS_NOT_MET: 'Conditions non remplies',
  OTHER: 'Autre motif',
};

export const AFIS_REFUSAL_LABELS: Record<string, string> = {
  UNDER_18: 'Moins de 18 ans',
  NO_RIGHT_TO_WORK: 'Pas de droit au travail',
  RECEIVES_ADA: "Perçoit l'ADA",
  RECEIVES_RSA: 'Perçoit le RSA',
  RESOURCES_ABOVE_RSA: 'Ressources supérieures au RSA',
};

/** Nationalities: ISO 3166-1 alpha-2 codes and their French names (common ones). */
export const COUNTRIES: Record<string, string> = {
  NG: 'Nigéria',
  BR: 'Brésil',
  CN: 'Chine',
  RO: 'Roumanie',
  BG: 'Bulgarie',
  CM: 'Cameroun',
  CI: "Côte d'Ivoire",
  GH: 'Ghana',
  CO: 'Colombie',
  PE: 'Pérou',
  EC: 'Équateur',
  PY: 'Paraguay',
  DO: 'République dominicaine',
  MA: 'Maroc',
  DZ: 'Algérie',
  TN: 'Tunisie',
  UA: 'Ukraine',
  AL: 'Albanie',
  FR: 'France',
};

export const DEPARTEMENTS: Record<string, string> = {
  '06': 'Alpes-Maritimes',
  '13': 'Bouches-du-Rhône',
  '2A': 'Corse-du-Sud',
  '31': 'Haute-Garonne',
  '33': 'Gironde',
  '34': 'Hérault',
  '38': 'Isère',
  '44': 'Loire-Atlantique',
  '59': 'Nord',
  '67': 'Bas-Rhin',
  '69': 'Rhône',
  '75': 'Paris',
  '93': 'Seine-Saint-Denis',
  '976': 'Mayotte',
};

export const departementName = (code: string) =>
  DEPARTEMENTS[code] ? `${DEPARTEMENTS[code]} (${code})` : `Département ${code}`;

export const countryName = (code: string) => (COUNTRIES[code] ? `${COUNTRIES[code]} (${code})` : code);

export const euros = (cents: number | null | undefined) =>
  cents === null || cents === undefined
    ? '–'
    : (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });

export const date = (value: string | null | undefined) =>
  value ? new Date(value.length === 10 ? value + 'T12:00:00' : value).toLocaleDateString('fr-FR') : '–';

export const dateTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString('fr-FR') : '–';

/**
 * Today on the user's own calendar (their browser's time zone), as YYYY-MM-DD: not the UTC date,
 * which in France is still the day before from midnight to 1 in the morning (2 in summer).
 */
export const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export const shortId = (id: string) => id.slice(0, 8);

export const RENEWAL_REFUSAL_LABELS: Record<string, string> = {
  UNFAVOURABLE_OPINION: 'Avis défavorable de la commission',
  COMMITMENTS_NOT_KEPT: 'Engagements non tenus',
  CONDITIONS_NO_LONGER_MET: 'Conditions plus remplies',
  OTHER: 'Autre motif',
};

export const END_LABELS: Record<string, string> = {
  COMMITMENTS_NOT_KEPT: 'Engagements non tenus',
  CONDITIONS_NO_LONGER_MET: 'Conditions plus remplies',
  PERSON_REQUEST: 'À la demande de la personne',
  TERM_REACHED: 'Terme atteint sans renouvellement',
};

export const ERASURE_LABELS: Record<string, string> = {
  PERSON_REQUEST: 'à la demande de la personne',
  DRAFT_WITHDRAWN: 'brouillon retiré',
  DRAFT_NOT_SUBMITTED: 'brouillon jamais déposé dans les trois mois',
  RETENTION_AFTER_LAST_CONTACT: 'durée de conservation écoulée depuis le dernier contact',
};

export const STAGE_LABELS: Record<string, string> = {
  FIRST_REQUEST: 'Première demande en cours',
  RUNNING: 'Parcours en cours',
  REFUSED: 'Refusé',
  ENDED: 'Terminé',
};

export const PERMIT_REFUSAL_LABELS: Record<string, string> = {
  FREE_MOVEMENT_NATIONAL: "Ressortissant de l'Union, de l'EEE ou de la Suisse",
  NOT_A_VICTIM: 'Ni victime de la traite ni du proxénétisme',
  PROSTITUTION_NOT_CEASED: "Activité prostitutionnelle non cessée",
  PATHWAY_NOT_AUTHORISED: 'Parcours non autorisé',
  PUBLIC_ORDER: "Menace pour l'ordre public",
};

export const PERMIT_END_LABELS: Record<string, string> = {
  EXPIRED: 'arrivée à échéance',
  WITHDRAWN: 'retirée',
};

export const AFIS_END_LABELS: Record<string, string> = {
  PATHWAY_ENDED: 'fin du parcours',
  COMMITMENTS_BROKEN: 'engagements non tenus',
  CONDITIONS_NO_LONGER_MET: 'conditions plus remplies',
};

/** Why the préfet suspends or stops a running AFIS. */
export const AFIS_STOP_LABELS: Record<string, string> = {
  COMMITMENTS_BROKEN: 'Engagements du parcours non tenus',
  CONDITIONS_NO_LONGER_MET: "Conditions de l'AFIS plus remplies",
};

export const RESIDENCE_DOCUMENT_LABELS: Record<string, string> = {
  NONE: 'Aucun autre que l’autorisation provisoire de séjour',
  RESIDENCE_PERMIT: 'Titre de séjour',
  RECEIPT: 'Récépissé de demande de titre',
};

export const PAYMENT_OUTCOME_LABELS: Record<string, string> = {
  PAID: 'Versé',
  ALREADY_PAID: 'Déjà versé',
  NOT_DUE: 'Non dû',
  SUSPENDED: 'Suspendu',
  HOUSEHOLD_UNKNOWN: 'Foyer à renseigner',
};

/** A month as people write it: « novembre 2026 ». */
export const month = (value: string | null | undefined) =>
  value ? new Date(value + '-15T12:00:00').toLocaleDateString('fr-FR', { month: 'long', year: 'numeric' }) : '–';

export const HOUSING_LABELS: Record<string, string> = {
  EMERGENCY_SHELTER: "Hébergement d'urgence",
  TEMPORARY_HOUSING: 'Logement temporaire',
  SOCIAL_HOUSING: 'Logement social',
  PRIVATE_RENTAL: 'Location privée',
};
