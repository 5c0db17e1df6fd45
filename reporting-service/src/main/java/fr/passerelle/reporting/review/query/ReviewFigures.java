package fr.passerelle.reporting.review.query;

/** The counts a review is made of, for one département or for France. */
record ReviewFigures(
    long dossiersStudied,
    long validated,
    long refused,
    long validatedTraffickingVictims,
    long permitsIssued,
    long afisRecipients,
    long afisMonthlyTotalCents,
    long beneficiariesInEmployment,
    long beneficiariesOnCdi) {}
