/** What the public API answers, as the screens read it. */
export interface DossierSummary {
  dossierId: string;
  departmentCode: string;
  associationId: string;
  status: string;
  draftedAt: string;
  submittedAt: string | null;
  /** The day the person's erasure request was received, while it awaits confirmation. */
  erasureReceivedOn?: string | null;
  erasedAt?: string | null;
  erasureReason?: string | null;
}

export interface DossierView extends DossierSummary {
  person: {
    lastName: string | null;
    firstName: string | null;
    birthDate: string | null;
    phone: string | null;
    email: string | null;
  } | null;
  erasure: { requestReceivedOn: string | null; erasedAt: string | null; reason: string | null } | null;
}

/** A dossier whose person's data retention will erase, and when (ids, dates and codes only). */
export interface ErasureDue {
  dossierId: string;
  associationId: string;
  erasureOn: string;
  reason: string;
}

export interface PendingDossier {
  dossierId: string;
  submittedAt: string;
}

export interface Association {
  associationId: string;
  departmentCode: string;
  name: string;
  approvedFrom: string;
  approvedUntil: string;
}

export interface BeneficiaryView {
  dossierId: string;
  departmentCode: string;
  associationId: string;
  pathway: { decidedOn?: string; startDate?: string; endDate?: string; lastDay?: string } | null;
  permit: {
    status: 'ISSUED' | 'ENDED' | 'REFUSED';
    decidedOn?: string;
    validFrom?: string;
    validUntil?: string;
    endedOn?: string;
    endReason?: string;
    refusal?: { decidedOn: string; reason: string; renewal: boolean };
  } | null;
  afis: {
    status: 'REQUESTED' | 'REFUSED' | 'GRANTED' | 'SUSPENDED' | 'ENDED';
    territory?: string;
    decidedOn?: string;
    from?: string;
    until?: string;
    endedOn?: string;
    endReason?: string;
    requests?: AfisRequest[];
    suspensions?: AfisSuspension[];
    payments?: AfisPayment[];
  } | null;
  employments: { employmentId: string; contractType: string; startDate: string; weeklyHours: number; endDate?: string; endedOn?: string }[];
  trainings: { trainingId: string; startDate: string; endDate?: string; weeklyHours?: number; endedOn?: string }[];
}

export interface AfisRequest {
  requestId: string;
  requestedOn: string;
  children: number;
  decidedOn?: string;
  granted?: boolean;
  refusalReasons?: string[];
}

/** Months suspended: from {@code fromMonth} until the month before {@code untilMonth}. */
export interface AfisSuspension {
  fromMonth: string;
  untilMonth?: string;
  decidedOn: string;
  reason: string;
}

export interface AfisPayment {
  month: string;
  amountCents: number;
  fullMonthAmountCents: number;
  children: number;
  scaleReference: string;
  oneOffAidCents?: number;
  paymentRunId?: string;
  paidOn?: string;
}

export interface PaymentPreview {
  departmentCode: string;
  month: string;
  lines: {
    dossierId: string;
    outcome: string;
    amountCents?: number;
    fullMonthAmountCents?: number;
    children?: number;
    scaleReference?: string;
  }[];
  toPay: number;
  totalCents: number;
}

export interface PaymentRun {
  runId: string;
  departmentCode: string;
  month: string;
  confirmedOn: string;
  status: 'RUNNING' | 'COMPLETED';
  scheduled: number;
  done: number;
  paid: number;
  paidCents: number;
  lines: { dossierId: string; outcome: string; paidCents: number }[];
}

export interface DepartmentReview {
  departmentCode: string;
  year: number;
  dossiersStudied: number | null;
  validated: number | null;
  refused: number | null;
  validatedByNationality: Record<string, number | null>;
  validatedTraffickingVictims: number | null;
  permitsIssued: number | null;
  afisRecipients: number | null;
  afisMonthlyTotalCents: number | null;
  beneficiariesInEmployment: number | null;
  beneficiariesOnCdi: number | null;
  beneficiariesInTraining?: number | null;
  permitsRenewed?: number | null;
  permitsInForce?: number | null;
  afisRecipientsPaid?: number | null;
  afisPaidCents?: number | null;
  afisRefusalsByCondition?: Record<string, number | null>;
  beneficiariesWithHousing?: number | null;
  beneficiariesByHousingStep?: Record<string, number | null>;
  nationalShareOfValidatedPercent: number | null;
}

/** A département's figures month by month (GET …/reports/series); null: withheld. */
export interface DepartmentSeries {
  departmentCode: string;
  from: string;
  to: string;
  months: {
    month: string;
    pathwaysInProgress: number | null;
    beneficiariesInEmployment: number | null;
    employmentByContractType: Record<string, number | null>;
    afisRecipientsPaid: number | null;
    afisPaidCents: number | null;
  }[];
  secrecyThreshold: number | null;
  withheld: string[];
}

export interface NationalReview {
  year: number;
  dossiersStudied: number | null;
  validated: number | null;
  refused: number | null;
  refusalRatePercent: number | null;
  permitsIssued: number | null;
  afisRecipients: number | null;
  afisMonthlyTotalCents: number | null;
  beneficiariesInEmployment: number | null;
  beneficiariesOnCdi: number | null;
  departments: { departmentCode: string; validated: number | null; shareOfValidatedPercent: number | null }[];
  sizeBands: Record<string, number | null>;
  fiveLargestSharePercent: number | null;
}

export interface AccessLogEntry {
  recordedAt: string;
  subject: string;
  roles: string[];
  associationId: string | null;
  departmentCode: string;
  dossierId: string | null;
  operation: string;
  method: string;
  path: string;
  outcome: string;
  refusal: string | null;
  requestId: string | null;
}

export interface PathwayView {
  dossierId: string;
  departmentCode: string;
  stage: string;
  termNumber: number;
  firstStartDate: string | null;
  termStartDate: string | null;
  termEndDate: string | null;
  totalMonths: number;
  pendingTermNumber: number | null;
  pendingSince: string | null;
  lastDeclinedRequest: string | null;
  lastDeclinedOn: string | null;
  endReason: string | null;
  lastDay: string | null;
  recordedAt: string;
}

/** One thing to do, from a service's to-do list: a pathway, a beneficiary, an association or a month. */
export interface TodoItem {
  kind: string;
  subject: string;
  dueOn: string;
  since: string;
}
