import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiAs, checkScreen, daysFromToday, PASSWORD, signIn, today, tokenOf } from './people';
import { gatewayUrl, TARGET } from './platform';

/**
 * Each role signs in through the real sign-in page and does its main task on the running platform,
 * following one dossier in Gironde (33) from the association's draft to the paying body and the
 * auditor; the Haute-Garonne history loaded by `up` (April 2018 to January 2020) stays as the article describes it.
 */
test.describe.serial('Passerelle, role by role', () => {
  const association = `Accompagnement Gironde ${Date.now()}`;
  let associationId = '';
  let dossierId = '';
  let sessionId = '';

  test('the préfecture approves an association', async ({ page }) => {
    await signIn(page, 'prefecture-33');
    await checkScreen(page, 'accueil-prefecture');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Associations agréées' }).click();
    await page.getByLabel("Nom de l'association").fill(association);
    await page.getByLabel('Agrément à partir du').fill(daysFromToday(-30));
    await page.getByLabel("Agrément jusqu'au").fill(daysFromToday(3 * 365 - 31));
    await page.getByRole('button', { name: "Agréer l'association" }).click();
    await expect(page.getByText(`L'association « ${association} » est agréée.`)).toBeVisible();
    await expect(page.getByRole('rowheader', { name: association })).toBeVisible();
    await checkScreen(page, 'associations-prefecture');

    // The approval is renewed: the association keeps its id, its new approval follows the current one.
    await page.getByLabel("Association dont l'agrément est renouvelé").selectOption({ label: `${association} (jusqu'au ${frenchDate(daysFromToday(3 * 365 - 31))})` });
    await page.getByLabel("Agrément renouvelé jusqu'au").fill(daysFromToday(4 * 365 - 31));
    await page.getByRole('button', { name: "Renouveler l'agrément" }).click();
    await expect(page.getByText(`L'agrément de « ${association} » est renouvelé jusqu'au `)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(association) })).toContainText(frenchDate(daysFromToday(4 * 365 - 31)));

    const api = await apiAs('prefecture-33');
    const listed = (await (await api.get('/api/departements/33/associations')).json()) as { associationId: string; name: string }[];
    associationId = listed.find((a) => a.name === association)!.associationId;
    await api.dispose();
  });

  test('an association sees every missing field at once, keeps its form through a lost session, and submits', async ({
    page,
    context,
  }) => {
    await signIn(page, 'association-33', association);
    await checkScreen(page, 'accueil-association');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: 'Créer un dossier' }).click();
    await page.getByLabel('Nom', { exact: true }).fill('Okafor');

    await page.getByRole('button', { name: 'Enregistrer et déposer le dossier' }).click();

    const problem = page.getByRole('alert').filter({ hasText: 'Requête invalide' });
    await expect(problem).toBeVisible();
    for (const field of ['Prénom', 'Date de naissance', 'Nationalité', "Nombre d'enfants à charge", 'Actions prévues', 'Date de signature du projet']) {
      await expect(problem).toContainText(`${field} : `);
    }
    await expect(problem).not.toContainText('Nom : ');
    const firstName = page.getByLabel('Prénom');
    await expect(firstName).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await firstName.getAttribute('aria-describedby')}`)).toHaveText(
      'obligatoire pour soumettre le dossier',
    );
    await checkScreen(page, 'dossier-champs-manquants');
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]+\/modifier$/);
    dossierId = page.url().split('/').slice(-2)[0];

    await page.getByLabel('Nom', { exact: true }).fill('Okafor');
    await page.getByLabel('Prénom').fill('Blessing');
    await page.getByLabel('Date de naissance').fill('1996-04-12');
    await page.getByLabel('Nationalité').fill('NG');
    await page.getByLabel("Nombre d'enfants à charge").fill('0');
    await page.getByLabel('Ressources du mois précédent (€)').fill('0');
    await answer(page, 'Perçoit le RSA', 'Non');
    await answer(page, "Perçoit l'allocation pour demandeur d'asile (ADA)", 'Non');
    await answer(page, 'Victime de la traite des êtres humains', 'Oui');
    const actions = page.getByRole('group', { name: 'Actions prévues' });
    await actions.getByText('Logement', { exact: true }).click();
    await actions.getByText('Insertion professionnelle', { exact: true }).click();
    await expect(actions.getByLabel('Logement')).toBeChecked();
    await answer(page, "S'engage à cesser l'activité prostitutionnelle", 'Oui');
    await page.getByLabel('Date de signature du projet').fill(today());

    // The session ends while the form is being typed: nothing typed is lost.
    await context.clearCookies({ name: 'SESSION' });
    await page.getByRole('button', { name: 'Enregistrer et déposer le dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Votre session a pris fin' });
    await expect(dialog).toBeVisible();
    await checkScreen(page, 'session-perdue');
    const [signInWindow] = await Promise.all([
      context.waitForEvent('page'),
      dialog.getByRole('button', { name: 'Se reconnecter' }).click(),
    ]);
    await signInWindow.getByLabel('Identifiant').fill('association-33');
    await signInWindow.getByLabel('Mot de passe').fill(PASSWORD);
    await signInWindow.getByRole('button', { name: 'Se connecter' }).click();
    await signInWindow.getByLabel('Association pour laquelle vous agissez').selectOption({ label: association });
    await signInWindow.getByRole('button', { name: 'Se connecter' }).click();
    await signInWindow.waitForEvent('close');

    await expect(page.getByText('Le dossier est déposé : il attend une séance de la commission.')).toBeVisible();
    await expect(page.getByText('Déposé', { exact: true })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Blessing' })).toBeVisible();
    await checkScreen(page, 'dossier-depose');

    // One dossier: the corrections revised the draft the first attempt saved.
    const api = await apiAs('association-33', associationId);
    const dossiers = (await (await api.get('/api/departements/33/dossiers')).json()) as { dossierId: string; status: string }[];
    expect(dossiers).toEqual([expect.objectContaining({ dossierId, status: 'SUBMITTED' })]);
    await api.dispose();
  });

  test('the secretariat names a member, convenes a session, puts the dossier on its agenda and records the opinion', async ({ page }) => {
    const api = await apiAs('secretariat-33');
    await expect
      .poll(async () => JSON.stringify(await (await api.get('/api/departements/33/commission/pending-dossiers')).json()))
      .toContain(dossierId);
    const before = await commissionOf33(api);

    await signIn(page, 'secretariat-33');
    await checkScreen(page, 'accueil-secretariat');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Commission' }).click();

    // A member is named from the commission's page: every field at fault is said next to it.
    const naming = page.getByRole('form', { name: 'Nommer un membre' });
    await naming.getByRole('button', { name: 'Nommer le membre' }).click();
    await expect(naming.getByRole('alert')).toContainText('Nom du membre : obligatoire');
    await expect(naming.getByRole('alert')).toContainText('Catégorie : obligatoire');
    const memberName = naming.getByLabel('Nom du membre');
    await expect(memberName).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await memberName.getAttribute('aria-describedby')}`)).toHaveText('obligatoire');
    await checkScreen(page, 'commission-membre-champs-manquants');
    const named = `La déléguée aux droits des femmes ${Date.now()}`;
    await memberName.fill(named);
    await naming.getByLabel('Catégorie').selectOption({ label: "Services de l'État" });
    await naming.getByRole('button', { name: 'Nommer le membre' }).click();
    await expect(naming.getByText(`Membre nommé : ${named}.`)).toBeVisible();
    await expect(naming.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Membres nommés' }).getByRole('row', { name: `${named} Services de l'État –` })).toBeVisible();
    // The new member attends the session convened next, like the others.
    await expect(page.locator('label', { hasText: exactly('Présent : ' + named) })).toBeVisible();
    await checkScreen(page, 'commission-membres');
    const members = await commissionOf33(api);
    expect(members.map((m) => m.name)).toEqual([...before.map((m) => m.name), named]);
    await api.dispose();

    await page.getByLabel('Date de la séance').fill(today());
    // Everyone present: the votes below are counted against this attendance.
    for (const member of members) {
      await page.locator('label', { hasText: exactly('Présent : ' + member.name) }).click();
    }
    await page.getByLabel('Président de séance').selectOption({ label: members[0].name });
    await checkScreen(page, 'commission-convocation');
    await page.getByRole('button', { name: 'Convoquer la séance' }).click();

    await expect(page).toHaveURL(/\/commission\/seances\//);
    sessionId = new URL(page.url()).pathname.split('/').pop()!;
    const short = dossierId.slice(0, 8);
    await page.locator("label", { hasText: `Dossier ${short}` }).click();
    await expect(page.getByLabel(`Dossier ${short}`)).toBeChecked();
    await page.getByRole('button', { name: /Inscrire les 1 dossier cochés/ }).click();
    await expect(page.getByText("Fait : inscrit à l'ordre du jour")).toBeVisible();

    await page.getByLabel(`Avis – dossier ${short}`).selectOption('FAVOURABLE');
    await page.getByLabel(`Voix pour – dossier ${short}`).fill(String(members.length - 3));
    await page.getByLabel(`Voix contre – dossier ${short}`).fill('2');
    await page.getByLabel(`Abstentions – dossier ${short}`).fill('1');
    await page.getByLabel(`Voix du président – dossier ${short}`).selectOption('oui');
    await page.getByRole('button', { name: 'Enregistrer les avis de la séance' }).click();
    await expect(page.getByText('Les avis de la séance sont enregistrés.')).toBeVisible();
    await checkScreen(page, 'commission-avis');
  });

  test('the secretariat records a session without its quorum, then its second convocation, the notice checked', async ({ page }) => {
    const api = await apiAs('secretariat-33');
    const members = await commissionOf33(api);
    await api.dispose();
    const chair = members[0].name;
    await signIn(page, 'secretariat-33');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Commission' }).click();

    // One member of several present: a first convocation without its quorum. Its convocation went
    // out two days before it: refused unless the session was called in urgency.
    await page.getByLabel('Date de la séance').fill(daysAgo(1));
    await page.getByLabel('Envoi de la convocation').fill(daysAgo(3));
    await page.locator('label', { hasText: exactly('Présent : ' + chair) }).click();
    await page.getByLabel('Président de séance').selectOption({ label: chair });
    await page.getByRole('button', { name: 'Convoquer la séance' }).click();
    await expect(page.getByRole('alert')).toContainText('Envoi de la convocation : convocation adressée 2 jour(s) avant la séance');
    await expect(page.getByLabel('Envoi de la convocation')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('label', { hasText: exactly('Séance convoquée en urgence') }).click();
    await page.getByRole('button', { name: 'Convoquer la séance' }).click();

    await expect(page).toHaveURL(/\/commission\/seances\/.*quorum=non/);
    await expect(page.getByRole('heading', { name: 'Quorum non atteint' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Enregistrer les avis de la séance' })).toHaveCount(0);
    await checkScreen(page, 'commission-sans-quorum');
    await page.getByRole('link', { name: 'Convoquer la seconde convocation' }).click();

    await expect(page.getByRole('heading', { name: 'Seconde convocation' })).toBeVisible();
    await expect(page.getByText(/Seconde convocation de la séance du .*, qui n'a pas atteint le quorum/)).toBeVisible();
    await page.getByLabel('Date de la séance').fill(today());
    await page.locator('label', { hasText: exactly('Présent : ' + chair) }).click();
    await page.getByLabel('Président de séance').selectOption({ label: chair });
    await checkScreen(page, 'commission-seconde-convocation');
    await page.getByRole('button', { name: 'Convoquer la seconde convocation' }).click();

    // Sitting on a second convocation, it deliberates whatever its attendance.
    await expect(page).toHaveURL(/\/commission\/seances\//);
    await expect(page).not.toHaveURL(/quorum=non/);
    await expect(page.getByRole('heading', { name: 'Quorum non atteint' })).toHaveCount(0);
  });

  test('the préfecture authorises the pathway', async ({ page }) => {
    await signIn(page, 'prefecture-33');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Décisions' }).click();
    await page.getByLabel('Dossier', { exact: true }).selectOption(dossierId);
    await page.getByLabel('Décision', { exact: true }).selectOption('AUTHORISE');
    await page.getByLabel('Date de la décision').fill(today());
    await page.getByLabel('Début du parcours').fill(today());
    await checkScreen(page, 'decision-prefecture');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText(`Parcours autorisé pour le dossier ${dossierId.slice(0, 8)}`)).toBeVisible();

    await page.goto(`/dossiers/${dossierId}`);
    await expect(page.getByRole('definition').filter({ hasText: 'Parcours en cours' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /^n° 1, du / })).toBeVisible();
    await checkScreen(page, 'dossier-parcours-prefecture');
  });

  test('the association records the job its beneficiary found', async ({ page }) => {
    const api = await apiAs('association-33', associationId);
    await expect.poll(async () => (await api.get(`/api/departements/33/beneficiaries/${dossierId}`)).status()).toBe(200);
    await api.dispose();

    await signIn(page, 'association-33', association);
    await page.goto(`/beneficiaires/${dossierId}`);
    await expect(page.getByRole('heading', { name: 'Autorisation provisoire de séjour' })).toBeVisible();
    const job = page.getByRole('form', { name: 'Enregistrer un emploi' });
    await job.getByLabel('Contrat').selectOption('CDI');
    await job.getByLabel('Début').fill(today());
    await job.getByLabel('Heures par semaine').fill('35');
    await job.getByRole('button', { name: "Enregistrer l'emploi" }).click();
    await expect(page.getByText("L'emploi est enregistré.")).toBeVisible();
    await expect(page.getByRole('row', { name: /CDI/ })).toBeVisible();
    await checkScreen(page, 'beneficiaire-association');

    // A French course, apart from the job, recorded then ended: the day it ended is required.
    const training = page.getByRole('form', { name: 'Enregistrer une formation' });
    await training.getByLabel('Début de la formation').fill(today());
    await training.getByLabel('Heures de formation par semaine').fill('6');
    await training.getByRole('button', { name: 'Enregistrer la formation' }).click();
    await expect(page.getByText('La formation est enregistrée.')).toBeVisible();
    const course = page.getByRole('table', { name: 'Emplois et formations' }).getByRole('row').filter({ hasText: 'Formation (hors emploi)' });
    await expect(course).toContainText('En cours');
    const end = page.getByRole('form', { name: "Enregistrer la fin d'un emploi ou d'une formation" });
    await end.getByLabel('Emploi ou formation qui prend fin').selectOption({ label: `Formation depuis le ${frenchDate(today())}` });
    await end.getByRole('button', { name: 'Enregistrer la fin' }).click();
    await expect(end.getByRole('alert')).toContainText('Dernier jour : obligatoire');
    await expect(end.getByLabel('Dernier jour')).toHaveAttribute('aria-invalid', 'true');
    await checkScreen(page, 'fin-formation-champ-manquant');
    await end.getByLabel('Dernier jour').fill(today());
    await end.getByRole('button', { name: 'Enregistrer la fin' }).click();
    await expect(page.getByText('La fin de la formation est enregistrée.')).toBeVisible();
    await expect(course).toContainText(`Terminé le ${frenchDate(today())}`);
    // Only the job still runs: it alone may end now.
    await expect(end.getByLabel('Emploi ou formation qui prend fin').locator('option')).toHaveText([`CDI depuis le ${frenchDate(today())}`]);
    await checkScreen(page, 'beneficiaire-formation-terminee');
  });

  test('the préfecture issues the residence permit, six months at least', async ({ page }) => {
    await signIn(page, 'prefecture-33');
    await page.goto(`/beneficiaires/${dossierId}`);
    const permit = page.getByRole('form', { name: "Délivrer l'autorisation provisoire de séjour" });
    await permit.getByLabel('Date de la décision').fill(today());
    await permit.getByLabel('Valable à partir du').fill(today());
    await permit.getByLabel("Valable jusqu'au").fill(daysFromToday(30));
    await answer(page, "La personne a cessé l'activité prostitutionnelle", 'Oui');
    await permit.getByRole('button', { name: "Délivrer l'autorisation" }).click();
    // Six months at least: the field at fault says so, and nothing is issued.
    await expect(permit.getByRole('alert')).toContainText("Valable jusqu'au : ");
    await permit.getByLabel("Valable jusqu'au").fill(daysFromToday(190));
    await permit.getByRole('button', { name: "Délivrer l'autorisation" }).click();
    await expect(page.getByText("L'autorisation provisoire de séjour est délivrée.")).toBeVisible();
    await expect(page.getByText(new RegExp(`^Du ${frenchDate(today())} au ${frenchDate(daysFromToday(190))}$`))).toBeVisible();
    await checkScreen(page, 'beneficiaire-titre-prefecture');
    // Issued for 190 days, it is not among those expiring within 30.
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Droits des bénéficiaires' }).click();
    const expiring = page.getByRole('table', { name: 'Autorisations provisoires de séjour expirant dans les 30 jours' });
    await expect(expiring).toBeVisible();
    await expect(expiring.getByRole('row').filter({ hasText: `Dossier ${dossierId.slice(0, 8)}` })).toHaveCount(0);
    await checkScreen(page, 'titres-expirant-prefecture');
  });

  test('the association requests the AFIS for its beneficiary', async ({ page }) => {
    await signIn(page, 'association-33', association);
    await page.goto(`/beneficiaires/${dossierId}`);
    const request = page.getByRole('form', { name: "Demander l'AFIS" });
    await request.getByLabel('Date de la demande').fill(today());
    await request.getByLabel("Nombre d'enfants à charge").fill('0');
    await request.getByLabel('Ressources du mois précédent (€)').fill('0');
    await answer(page, 'Perçoit le RSA ou y a droit', 'Non');
    await answer(page, "Perçoit l'ADA ou y a droit", 'Non');
    await checkScreen(page, 'demande-afis-association');
    await request.getByRole('button', { name: 'Transmettre la demande' }).click();
    await expect(page.getByText("La demande d'AFIS est transmise au préfet.")).toBeVisible();
    await expect(page.getByText(/^Demandée le .* : en attente de la décision du préfet$/)).toBeVisible();
  });

  test('the préfet grants the AFIS, the conditions assessed at the decision’s date', async ({ page }) => {
    await signIn(page, 'prefecture-33');
    await page.getByRole('link', { name: "Demandes d'AFIS à décider" }).click();
    await expect(page).toHaveURL(new RegExp(`/beneficiaires/${dossierId}$`));
    const decision = page.getByRole('form', { name: /^Statuer sur la demande d'AFIS du / });
    await decision.getByLabel("Date de la décision sur l'AFIS").fill(today());
    await checkScreen(page, 'decision-afis-prefecture');
    await decision.getByRole('button', { name: 'Statuer' }).click();
    await expect(page.getByText("L'AFIS est accordée.")).toBeVisible();
    await expect(page.getByText(new RegExp(`^Accordée du ${frenchDate(today())} au `))).toBeVisible();
  });

  test('the paying body pays the month and reads the beneficiary’s allowance', async ({ page }) => {
    await signIn(page, 'paying-body-33');
    await checkScreen(page, 'accueil-organisme-payeur');
    // The month's run shows on the home page from the daily check that follows the grant; today it
    // is reached from the menu.
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: "Versements de l'AFIS" }).click();
    await expect(page.getByRole('heading', { name: "Versements de l'AFIS" })).toBeVisible();
    await page.getByLabel('Mois à verser').fill(today().slice(0, 7));
    await page.getByRole('button', { name: 'Préparer le versement' }).click();
    const line = page.getByRole('row').filter({ hasText: `Dossier ${dossierId.slice(0, 8)}` });
    await expect(line).toContainText('Versé');
    await expect(line).toContainText(/\d+,\d\d\s€/);
    await checkScreen(page, 'versement-apercu');
    await page.getByRole('button', { name: /^Confirmer le versement de / }).click();
    await expect(page.getByText(/^Versement terminé : \d+ lignes? payées?, /)).toBeVisible();

    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Droits des bénéficiaires' }).click();
    await page.getByLabel('Numéro du dossier').fill(dossierId);
    await page.getByRole('button', { name: 'Consulter les droits' }).click();
    await expect(page.getByText(/^Accordée du /)).toBeVisible();
    const paid = page.getByRole('table', { name: "Versements de l'AFIS" }).getByRole('row').nth(1);
    await expect(paid).toContainText(/\d+,\d\d\s€/);
    await expect(paid).toContainText('décret 2022-1340');
    await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Dossiers' })).toHaveCount(0);
    // Suspending or stopping the AFIS is the préfet's: the paying body is not offered it.
    await expect(page.getByRole('form', { name: "Décider sur l'AFIS en cours" })).toHaveCount(0);
    await checkScreen(page, 'beneficiaire-organisme-payeur');
  });

  test('the préfet suspends the AFIS, lifts the suspension, then stops it', async ({ page }) => {
    await signIn(page, 'prefecture-33');
    await page.goto(`/beneficiaires/${dossierId}`);
    const running = page.getByRole('form', { name: "Décider sur l'AFIS en cours" });
    const decision = running.getByLabel('Décision', { exact: true });
    await expect(decision.locator('option')).toHaveText(["Suspendre l'AFIS", "Mettre fin à l'AFIS"]);
    await running.getByLabel('Date de la décision').fill(today());
    await running.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(running.getByRole('alert')).toContainText('Motif : obligatoire');
    await expect(running.getByLabel('Motif')).toHaveAttribute('aria-invalid', 'true');
    await checkScreen(page, 'afis-suspension-motif-manquant');
    await running.getByLabel('Motif').selectOption({ label: 'Engagements du parcours non tenus' });
    await running.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText("L'AFIS est suspendue à partir du mois suivant la décision.")).toBeVisible();
    await expect(page.getByText(/^Suspendue à partir de .* : engagements du parcours non tenus \(accordée du /)).toBeVisible();
    await checkScreen(page, 'afis-suspendue');

    // Suspended, it may be resumed or stopped, no longer suspended again.
    await expect(decision.locator('option')).toHaveText(['Lever la suspension', "Mettre fin à l'AFIS"]);
    await expect(running.getByLabel('Motif')).toHaveCount(0);
    await running.getByLabel('Date de la décision').fill(today());
    await running.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText("La suspension de l'AFIS est levée à partir du mois suivant la décision.")).toBeVisible();
    await expect(page.getByText(new RegExp(`^Accordée du ${frenchDate(today())} au `))).toBeVisible();

    await expect(decision.locator('option')).toHaveText(["Suspendre l'AFIS", "Mettre fin à l'AFIS"]);
    await decision.selectOption({ label: "Mettre fin à l'AFIS" });
    await running.getByLabel('Date de la décision').fill(today());
    await running.getByLabel('Motif').selectOption({ label: "Conditions de l'AFIS plus remplies" });
    await running.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText("L'AFIS prend fin avec le mois de la décision.")).toBeVisible();
    await expect(page.getByText(/^Terminée le .* : conditions plus remplies$/)).toBeVisible();
    await expect(running).toHaveCount(0);
    await checkScreen(page, 'afis-terminee');
  });

  test('the association asks for the renewal of the running pathway', async ({ page }) => {
    await signIn(page, 'association-33', association);
    await page.goto(`/dossiers/${dossierId}`);
    const renewal = page.getByRole('region', { name: 'Demande de renouvellement' });
    await renewal.getByRole('button', { name: 'Demander le renouvellement' }).click();
    await expect(renewal.getByRole('alert')).toContainText('Ce qui a été accompli : obligatoire');
    await renewal.getByLabel('Date de la demande de renouvellement').fill(today());
    await renewal.getByLabel('Ce qui a été accompli').fill('Hébergement stable, cours de français suivis, emploi en CDI trouvé.');
    await renewal.getByLabel('Projet pour la période suivante').fill('Accès à un logement social et maintien dans l’emploi.');
    await checkScreen(page, 'renouvellement-association');
    await renewal.getByRole('button', { name: 'Demander le renouvellement' }).click();
    await expect(renewal.getByText('La demande de renouvellement est transmise à la commission.')).toBeVisible();
  });

  test('the secretariat finds the renewal to examine on its home page, and downloads the minutes of its session', async ({ page }) => {
    await signIn(page, 'secretariat-33');
    const toExamine = page.getByRole('link', { name: 'Renouvellements à examiner' });
    // The request reaches decision-service's list a moment after the association sent it.
    await expect(async () => {
      await page.reload();
      await expect(toExamine).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await checkScreen(page, 'accueil-secretariat-renouvellement');

    await page.goto(`/commission/seances/${sessionId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le procès-verbal de la séance (PDF)' }).click(),
    ]);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('the auditor follows the dossier’s history and verifies it was not altered', async ({ page }) => {
    await signIn(page, 'auditor-33');
    await page.goto(`/dossiers/${dossierId}`);
    await page.getByRole('link', { name: 'Historique du dossier' }).click();
    const timeline = page.getByRole('table', { name: 'Historique du dossier' });
    for (const step of ['Dossier déposé', 'Avis de la commission', 'Parcours autorisé', 'Autorisation de séjour délivrée', 'AFIS accordée', 'AFIS versée', 'Renouvellement demandé']) {
      await expect(timeline.getByRole('row').filter({ hasText: step }).first()).toBeVisible();
    }
    await checkScreen(page, 'historique-inspection');
    await page.getByRole('button', { name: "Vérifier l'intégrité de l'historique du département" }).click();
    await expect(page.getByText(/^Historique intact : \d+ maillons et \d+ dossiers vérifiés le /)).toBeVisible();
  });

  test('the auditor finds who read the person’s data', async ({ page }) => {
    await signIn(page, 'auditor-33');
    await checkScreen(page, 'accueil-inspection');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Journal des accès' }).click();
    await page.getByLabel('Numéro de dossier').fill(dossierId);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'paying-body-33' }).filter({ hasText: 'Lecture' }).first()).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'association-33' }).first()).toBeVisible();
    await checkScreen(page, 'journal-des-acces');
  });

  test('the Gironde dashboard updates by itself when a decision is recorded', async ({ page }) => {
    await signIn(page, 'secretariat-33');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Bilan départemental' }).click();
    const studied = page.locator('[data-chiffre="etudies"]');
    const refused = page.locator('[data-chiffre="refuses"]');
    await expect(page.locator('[data-chiffre="valides"]')).not.toHaveText('0');
    const before = { studied: Number(await studied.textContent()), refused: Number(await refused.textContent()) };

    await refuseANewDossier(associationId);

    await expect(studied).toHaveText(String(before.studied + 1));
    await expect(refused).toHaveText(String(before.refused + 1));
    await checkScreen(page, 'bilan-gironde');
  });

  test('the association records the person’s request to erase their data', async ({ page }) => {
    await signIn(page, 'association-33', association);
    await page.goto(`/dossiers/${dossierId}`);
    const erasure = page.getByRole('region', { name: "Droit à l'effacement" });
    await erasure.getByRole('button', { name: "Enregistrer la demande d'effacement" }).click();
    const received = erasure.getByLabel('Demande reçue le');
    await expect(received).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await received.getAttribute('aria-describedby')}`)).toHaveText('obligatoire');
    await received.fill(today());
    await erasure.getByRole('button', { name: "Enregistrer la demande d'effacement" }).click();
    await expect(erasure.getByText("La demande d'effacement est enregistrée : elle attend la confirmation de la préfecture.")).toBeVisible();
    await expect(erasure.getByText(/^Demande de la personne reçue le /)).toBeVisible();
    await expect(erasure.getByRole('button', { name: "Confirmer l'effacement" })).toHaveCount(0);
    await checkScreen(page, 'effacement-demande');
  });

  test('another agent, at the préfecture, confirms the erasure and the person’s data is gone', async ({ page }) => {
    await signIn(page, 'prefecture-33');
    await expect(page.getByText("1 demande d'effacement à confirmer", { exact: false })).toBeVisible();
    await page.getByRole('link', { name: 'Effacements à confirmer' }).click();
    await expect(page.getByRole('row').filter({ hasText: `Dossier ${dossierId.slice(0, 8)}` })).toContainText('effacement demandé');
    await page.goto(`/dossiers/${dossierId}`);
    const erasure = page.getByRole('region', { name: "Droit à l'effacement" });
    const confirm = erasure.getByRole('button', { name: "Confirmer l'effacement" });
    await expect(confirm).toBeDisabled();
    await erasure.getByText("Je confirme l'effacement", { exact: false }).click();
    await checkScreen(page, 'effacement-confirmation');
    await confirm.click();
    await expect(erasure.getByText('Les données personnelles de la personne sont effacées.')).toBeVisible();
    await expect(page.getByText('Les données personnelles de ce dossier ne sont plus disponibles.')).toBeVisible();
    await expect(page.getByText('Blessing')).toHaveCount(0);
    await expect(erasure.getByText(/effacées le .*à la demande de la personne/)).toBeVisible();
    await checkScreen(page, 'effacement-fait');
  });
});

test('the Haute-Garonne dashboard shows the article’s figures since the installation, as a table beside each chart and in CSV', async ({ page }) => {
  await signIn(page, 'prefecture-31');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Bilan départemental' }).click();
  await expect(page.getByRole('heading', { name: /Haute-Garonne \(31\)/ })).toBeVisible();
  // The commission's first full year alone: 2019.
  await page.getByLabel('Période', { exact: true }).selectOption('2019');
  await expect(page.getByRole('heading', { name: 'Chiffres clés 2019' })).toBeVisible();
  await expect(page.locator('[data-chiffre="etudies"]')).toHaveText('21');
  await expect(page.locator('[data-chiffre="valides"]')).toHaveText('20');
  // The article's figures are cumulative, from the installation in 2018 to January 2020.
  await page.getByLabel('Période', { exact: true }).selectOption({ label: "Depuis l'installation de la commission (cumul)" });
  await page.getByLabel("Jusqu'au", { exact: true }).fill('2020-01-31');
  await expect(page.getByRole('heading', { name: "Chiffres clés depuis l'installation de la commission jusqu'au 31/01/2020" })).toBeVisible();
  await expect(page.locator('[data-chiffre="etudies"]')).toHaveText('30');
  await expect(page.locator('[data-chiffre="valides"]')).toHaveText('28');
  await expect(page.locator('[data-chiffre="traite"]')).toHaveText('27');
  await expect(page.locator('[data-chiffre="emploi"]')).toHaveText('11');
  await expect(page.locator('[data-chiffre="cdi"]')).toHaveText('7');
  const nationalities = page.getByRole('table', { name: 'Parcours validés par nationalité' });
  await expect(nationalities.getByRole('row', { name: /Nigéria \(NG\) 27/ })).toBeVisible();
  // Over time: the twelve months that end the cumulative period, each chart with its table (a header and a row a month).
  await expect(page.getByRole('heading', { name: 'Évolution mois par mois, de février 2019 à janvier 2020' })).toBeVisible();
  for (const title of [
    'Parcours en cours à la fin de chaque mois',
    'Bénéficiaires en emploi par type de contrat, à la fin de chaque mois',
    "Bénéficiaires de l'AFIS payés pour chaque mois",
    'AFIS versée pour chaque mois (euros)',
  ]) {
    await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: title, exact: true }).getByRole('row')).toHaveCount(13);
    await expect(page.getByRole('button', { name: `Télécharger le tableau « ${title} » (CSV)` })).toBeVisible();
  }
  // January 2020 is the cumulative review's end: 24 pathways in progress, 11 in a job of whom 7 on a CDI (then CDD, IAE, apprenticeship).
  await expect(
    page.getByRole('table', { name: 'Parcours en cours à la fin de chaque mois', exact: true }).getByRole('row', { name: 'janvier 2020 24', exact: true }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Bénéficiaires en emploi par type de contrat, à la fin de chaque mois', exact: true })
      .getByRole('row', { name: 'janvier 2020 11 7 2 1 1', exact: true }),
  ).toBeVisible();
  await checkScreen(page, 'bilan-haute-garonne');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le tableau « Parcours validés par nationalité » (CSV)' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Nationalité;Parcours validés');
  expect(csv).toContain('Nigéria (NG);27');
});

test('the analyst compares the départements, without a screen that reaches a dossier', async ({ page }) => {
  await signIn(page, 'analyst');
  await checkScreen(page, 'accueil-analyste');
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(menu.getByRole('link', { name: 'Dossiers' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Journal des accès' })).toHaveCount(0);
  await menu.getByRole('link', { name: 'Bilan national' }).click();
  await page.getByLabel('Année', { exact: true }).selectOption('2019');
  const ranked = page.getByRole('table', { name: 'Parcours validés par département' });
  await expect(ranked.getByRole('row', { name: /Haute-Garonne \(31\) 20/ })).toBeVisible();
  // No cell under the small-cell threshold (11): each count is withheld, nil, or 11 and more.
  const counts = await ranked.locator('tbody td').allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  for (const count of counts) {
    expect(count === 'secret statistique' || Number(count) === 0 || Number(count) >= 11, `« ${count} »`).toBe(true);
  }
  await expect(page.getByRole('table', { name: 'Évolution par année' })).toBeVisible();
  await checkScreen(page, 'bilan-national');

  await page.goto('/dossiers');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
});

async function answer(page: Page, question: string, choice: 'Oui' | 'Non') {
  // The DSFR draws its own radio: the label is what a person clicks.
  const group = page.getByRole('group', { name: question });
  await group.getByText(choice, { exact: true }).click();
  await expect(group.getByLabel(choice)).toBeChecked();
}

/** A date as the screens write it: 29/11/2026. */
function frenchDate(iso: string) {
  return iso.split('-').reverse().join('/');
}

/** A second Gironde dossier, through the public API, refused by the préfet. */
async function refuseANewDossier(associationId: string) {
  const member = await apiAs('association-33', associationId);
  const drafted = await member.post('/api/departements/33/dossiers', {
    data: {
      associationId,
      person: { lastName: 'Ade', firstName: 'Grace', birthDate: '1994-02-02' },
      nationality: 'NG',
      children: 1,
      monthlyResources: 0,
      receivesRsa: false,
      receivesAda: false,
      traffickingVictim: true,
      plan: { actions: ['HOUSING'], stopsProstitution: true, signedOn: today() },
    },
  });
  expect(drafted.status()).toBe(201);
  const id = (await drafted.json()).dossierId as string;
  expect((await member.post(`/api/departements/33/dossiers/${id}/submission`, { data: {} })).status()).toBe(200);
  await member.dispose();

  const secretariat = await apiAs('secretariat-33');
  await expect
    .poll(async () => JSON.stringify(await (await secretariat.get('/api/departements/33/commission/pending-dossiers')).json()))
    .toContain(id);
  const members = await commissionOf33(secretariat);
  const session = await secretariat.post('/api/departements/33/commission/sessions', {
    data: { date: today(), chairMemberId: members[0].memberId, present: members.map((m) => m.memberId) },
  });
  expect(session.status()).toBe(201);
  const sessionId = (await session.json()).sessionId as string;
  expect((await secretariat.post(`/api/departements/33/commission/sessions/${sessionId}/agenda`, { data: { dossierId: id } })).status()).toBe(204);
  expect(
    (
      await secretariat.post(`/api/departements/33/commission/sessions/${sessionId}/opinions`, {
        data: { dossierId: id, opinion: 'UNFAVOURABLE', votesFor: 2, votesAgainst: members.length - 3, abstentions: 1, chairVotedFor: false },
      })
    ).status(),
  ).toBe(201);
  await secretariat.dispose();

  const prefecture = await apiAs('prefecture-33');
  expect(
    (
      await prefecture.post('/api/departements/33/prefecture/decisions', {
        data: { dossierId: id, decision: 'REFUSE', decidedOn: today(), reason: 'UNFAVOURABLE_OPINION', motivation: 'Avis défavorable de la commission' },
      })
    ).status(),
  ).toBe(201);
  await prefecture.dispose();
}

test('a developer reads each API’s documentation, served through the gateway, and can authorise from it', async ({ page }) => {
  for (const service of ['dossier-service', 'decision-service', 'benefits-service', 'reporting-service']) {
    const documentation = await page.request.get(`/v3/api-docs/${service}`);
    expect(documentation.status(), `/v3/api-docs/${service}`).toBe(200);
    const api = await documentation.json();
    expect(api.info.title).toContain(`(${service})`);
    expect(api.info.version).toBe('v1');
    expect(api.info.description.length).toBeGreaterThan(80);
    expect(api.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(Object.keys(api.components.securitySchemes).sort()).toEqual(['connexion', 'jeton']);
    expect(api.components.securitySchemes.jeton).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(api.components.securitySchemes.connexion.openIdConnectUrl).toMatch(/\/\.well-known\/openid-configuration$/);
    expect(Object.keys(api.paths).length).toBeGreaterThan(0);
    expect(Object.keys(api.paths).every((path) => path.startsWith('/api/'))).toBe(true);
    const operators = await (await page.request.get(`/v3/api-docs/${service}-exploitation`)).json();
    expect(Object.keys(operators.paths).length).toBeGreaterThan(0);
    expect(Object.keys(operators.paths).every((path) => path.startsWith('/admin/'))).toBe(true);
  }

  await page.goto('/swagger-ui.html');
  await expect(page.getByRole('heading', { name: /Passerelle – dossiers \(dossier-service\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Authorize' }).first().click();
  await expect(page.getByRole('heading', { name: /^jeton \(http, Bearer\)/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^connexion \(OAuth2, authorization_code with PKCE\)/ })).toBeVisible();
  await page.screenshot({ path: join(TARGET, 'screenshots', 'documentation-api.png'), fullPage: true });

  // A token pasted under "jeton": "Try it out" reaches the API through the gateway with it.
  await page.getByLabel('auth-bearer-value').fill(await tokenOf('prefecture-31'));
  await page.getByRole('button', { name: 'Apply credentials' }).click();
  await page.getByRole('button', { name: 'Close' }).first().click();
  const list = page.locator('.opblock').filter({ has: page.locator('[data-path="/api/departements/{departmentCode}/dossiers"]') }).filter({ hasText: 'GET' });
  await list.locator('.opblock-summary').click();
  await list.getByRole('button', { name: 'Try it out' }).click();
  await list.getByPlaceholder('departmentCode').fill('31');
  await list.getByRole('button', { name: 'Execute' }).click();
  await expect(list.locator('.live-responses-table tr.response td.response-col_status')).toHaveText('200');
  await expect(list.locator('.request-url')).toContainText(`${gatewayUrl()}/api/departements/31/dossiers`);
  await page.screenshot({ path: join(TARGET, 'screenshots', 'documentation-api-essai.png'), fullPage: true });
});

/**
 * The Gironde commission's members, as the demonstration year named them; three named here when
 * it named none. Everyone is present at the sessions these tests convene.
 */
async function commissionOf33(api: Awaited<ReturnType<typeof apiAs>>): Promise<{ memberId: string; name: string }[]> {
  const path = '/api/departements/33/commission/members';
  let members = (await (await api.get(path)).json()) as { memberId: string; name: string }[];
  if (members.length < 4) {
    for (const [name, category] of [
      ['Le préfet de la Gironde', 'STATE_SERVICES'],
      ['La procureure', 'JUSTICE'],
      ["L'ordre des médecins", 'HEALTH'],
      ['Le conseil départemental', 'LOCAL_AUTHORITIES'],
    ]) {
      expect((await api.post(path, { data: { name, category } })).status()).toBe(201);
    }
    members = (await (await api.get(path)).json()) as { memberId: string; name: string }[];
  }
  return members;
}

/** The day {@code days} before today in France, as YYYY-MM-DD. */
function daysAgo(days: number): string {
  return daysFromToday(-days);
}

/** A pattern that matches {@code text} whole, and nothing longer. */
function exactly(text: string): RegExp {
  return new RegExp('^' + text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&') + '$');
}
