/**
 * A demo that is alive on first start: two years of learning history for the demo staff, written
 * through the same use cases as the API with the clock set to each moment, so every record (seats,
 * completions with their frozen accreditation, path completions, activity counters, evaluations,
 * hand-ins and reviews) is what the platform itself would have written then. Dates are relative to
 * today. Idempotent: a marker item is written last, and a start that finds it writes nothing; a
 * start interrupted half-way goes through again and skips what already happened (each step treats
 * "already done" as done).
 */
import type { StoreClients } from '../../functions/src/platform/store/clients';
import type { Principal } from '../../functions/src/platform/auth/principal';
import { Problem } from '../../functions/src/platform/http/problem';
import { get, put } from '../../functions/src/platform/store/table';
import { getUser } from '../../functions/src/identity/users-store';
import type { LearningCtx } from '../../functions/src/learning/shared/context';
import { createSession, enrol, registerAttendance } from '../../functions/src/learning/sessions/service';
import { getSession } from '../../functions/src/learning/sessions/store';
import { enrolInModule, joinByScormLaunch, recordScormCompletion, selfComplete } from '../../functions/src/learning/completion/service';
import { reviewAssignment, submitAssignment } from '../../functions/src/learning/assignments/service';
import { evaluate } from '../../functions/src/learning/evaluations/service';
import { enrolInPath } from '../../functions/src/learning/paths/service';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PortfolioCtx } from '../../functions/src/portfolio/context';
import { addRegistration } from '../../functions/src/portfolio/registrations/service';
import { addExternal, completeEvidenceUpload, saveReflection, startEvidenceUpload } from '../../functions/src/portfolio/entries/service';
import { certificatePdf } from '../../functions/src/portfolio/certificates/service';
import { portfolioItems } from '../../functions/src/portfolio/store';

const day = 86_400_000;
const marker = { PK: 'SEED#history', SK: 'DONE' };
const trainerId = 'u-ingrid-jansen';
const adminId = 'u-sanne-de-vries';

/** A moment `days` from today at a wall-clock hour in Amsterdam (winter or summer time as the date has it). */
export function momentFrom(today: Date, days: number, hour = 9, minute = 0): string {
  const date = new Date(today.getTime() + days * day).toISOString().slice(0, 10);
  const noon = new Date(`${date}T12:00:00Z`);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(noon);
  const offset = Number(local) - 12;
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return new Date(`${date}T${hh}:${mm}:00+0${offset}:00`).toISOString();
}

interface PastSession {
  id: string;
  moduleId: string;
  daysAgo: number;
  hours: number;
  location?: string;
  meetingUrl?: string;
  capacity: number;
  present: string[];
  absent?: string[];
}

/** Sessions held in the past two years, with who came. Their ids are the seed's own, so the catalogue's planned sessions stay untouched. */
const pastSessions: PastSession[] = [
  { id: 'sess-hist-privacy-webinar', moduleId: 'm-webinar-privacy-beroepsgeheim', daysAgo: 610, hours: 1, meetingUrl: 'https://meet.ggz-academie.example/webinar-privacy-archief', capacity: 150, present: ['u-priya-ramdin', 'u-noor-hendriks', 'u-daan-smit', 'u-mark-visser', 'u-anouk-willems', 'u-kees-van-dijk'] },
  { id: 'sess-hist-deescalatie-vorig-jaar', moduleId: 'm-deescalatie-training', daysAgo: 430, hours: 7, location: 'Academiegebouw, trainingszaal 0.03, Utrecht', capacity: 10, present: ['u-priya-ramdin', 'u-daan-smit', 'u-kees-van-dijk', 'u-noor-hendriks', 'u-anouk-willems'] },
  { id: 'sess-hist-triadisch-werken', moduleId: 'm-triadisch-werken-training', daysAgo: 300, hours: 3, location: 'Academiegebouw, zaal 2.14, Utrecht', capacity: 14, present: ['u-priya-ramdin', 'u-joost-bakker', 'u-fatima-el-amrani'] },
  { id: 'sess-hist-suicidepreventie', moduleId: 'm-suicidepreventie-training', daysAgo: 200, hours: 7, location: 'Academiegebouw, zaal 2.14, Utrecht', capacity: 12, present: ['u-noor-hendriks', 'u-priya-ramdin', 'u-anouk-willems', 'u-kees-van-dijk'], absent: ['u-bram-de-boer'] },
  { id: 'sess-hist-intervisie-suicidaliteit', moduleId: 'm-intervisie-suicidaliteit', daysAgo: 150, hours: 1.5, location: 'Academiegebouw, zaal 3.02, Utrecht', capacity: 8, present: ['u-anouk-willems', 'u-priya-ramdin', 'u-noor-hendriks'] },
  { id: 'sess-hist-webinar-ervaringsdeskundige', moduleId: 'm-webinar-ervaringsdeskundige-in-team', daysAgo: 90, hours: 1, meetingUrl: 'https://meet.ggz-academie.example/webinar-ervaringsdeskundige-archief', capacity: 100, present: ['u-joost-bakker', 'u-noor-hendriks', 'u-anouk-willems'] },
  { id: 'sess-hist-deescalatie-dit-jaar', moduleId: 'm-deescalatie-training', daysAgo: 60, hours: 7, location: 'Academiegebouw, trainingszaal 0.03, Utrecht', capacity: 10, present: ['u-noor-hendriks', 'u-daan-smit', 'u-kees-van-dijk', 'u-bram-de-boer', 'u-anouk-willems'] },
];

/** Upcoming: a full intervision with a waitlist, and a training some have booked. */
const upcomingSessions: Array<{ id: string; moduleId: string; inDays: number; hours: number; location: string; capacity: number; enrol: string[] }> = [
  { id: 'sess-demo-intervisie-vol', moduleId: 'm-intervisie-suicidaliteit', inDays: 10, hours: 1.5, location: 'Academiegebouw, zaal 3.02, Utrecht', capacity: 4, enrol: ['u-noor-hendriks', 'u-anouk-willems', 'u-kees-van-dijk', 'u-daan-smit', 'u-bram-de-boer', 'u-joost-bakker'] },
  { id: 'sess-demo-triadisch-werken', moduleId: 'm-triadisch-werken-training', inDays: 17, hours: 3, location: 'Academiegebouw, zaal 2.14, Utrecht', capacity: 14, enrol: ['u-noor-hendriks', 'u-daan-smit'] },
];

/** Things learners did on their own: reading, external training with evidence, e-learning results. */
const selfCompleted: Array<{ userId: string; moduleId: string; daysAgo: number; evidence?: string }> = [
  { userId: 'u-noor-hendriks', moduleId: 'm-lezen-suicidaliteit-bespreekbaar', daysAgo: 215 },
  { userId: 'u-priya-ramdin', moduleId: 'm-lezen-veiligheidsplan', daysAgo: 180 },
  { userId: 'u-anouk-willems', moduleId: 'm-lezen-wat-is-herstel', daysAgo: 95 },
  { userId: 'u-priya-ramdin', moduleId: 'm-lezen-privacy-ketensamenwerking', daysAgo: 640 },
  { userId: 'u-priya-ramdin', moduleId: 'm-extern-bls-aed', daysAgo: 100, evidence: 'Certificaat BLS/AED, Reanimatie Nederland, nr. BLS-2026-30418' },
  { userId: 'u-noor-hendriks', moduleId: 'm-extern-bls-aed', daysAgo: 40, evidence: 'Certificaat BLS/AED, Stichting Reanimatie, nr. BLS-2026-77120' },
];

const scormResults: Array<{ userId: string; moduleId: string; daysAgo: number; percent: number; minutes: number }> = [
  { userId: 'u-priya-ramdin', moduleId: 'm-suicidepreventie-elearning', daysAgo: 190, percent: 100, minutes: 34 },
  { userId: 'u-noor-hendriks', moduleId: 'm-suicidepreventie-elearning', daysAgo: 205, percent: 80, minutes: 41 },
  { userId: 'u-noor-hendriks', moduleId: 'm-deescalatie-elearning', daysAgo: 70, percent: 90, minutes: 52 },
  { userId: 'u-daan-smit', moduleId: 'm-deescalatie-elearning', daysAgo: 75, percent: 85, minutes: 47 },
];

const assignments: Array<{ userId: string; moduleId: string; daysAgo: number; text: string; review?: { daysAgo: number; decision: 'approved' | 'returned'; feedback: string } }> = [
  {
    userId: 'u-priya-ramdin',
    moduleId: 'm-reflectieverslag-veiligheidsplan',
    daysAgo: 170,
    text: 'Met een cliënt met terugkerende suïcidale gedachten heb ik samen het veiligheidsplan herzien. Zijn zus hebben we als steunpersoon opgenomen; de afspraken over bereikbaarheid in het weekend waren het belangrijkste punt.',
    review: { daysAgo: 160, decision: 'approved', feedback: 'Helder verslag; mooi dat je de naaste zo concreet hebt betrokken.' },
  },
  {
    userId: 'u-noor-hendriks',
    moduleId: 'm-reflectieverslag-veiligheidsplan',
    daysAgo: 5,
    text: 'Reflectie op het opstellen van een veiligheidsplan op de kliniek: wat werkte, wat lastig was bij ontslag naar huis en welke afspraken we met het FACT-team hebben gemaakt.',
  },
  {
    userId: 'u-anouk-willems',
    moduleId: 'm-opdracht-samenwerkingsafspraken-ervaringsdeskundige',
    daysAgo: 3,
    text: 'Samenwerkingsafspraken met onze ervaringsdeskundige: rol in het teamoverleg, inzet bij herstelgroepen en hoe we omgaan met eigen ervaringen in gesprekken met cliënten.',
  },
];

const paths: Array<{ userId: string; pathId: string; daysAgo: number }> = [
  { userId: 'u-noor-hendriks', pathId: 'p-suicidepreventie-in-de-praktijk', daysAgo: 220 },
  { userId: 'u-priya-ramdin', pathId: 'p-nieuwe-medewerker-verplichte-scholing', daysAgo: 650 },
  { userId: 'u-anouk-willems', pathId: 'p-samenwerken-met-ervaringsdeskundigen', daysAgo: 100 },
];

/** Ratings and words per module; every learner who completed one of these evaluates it a few days later. */
const evaluations: Record<string, Array<{ rating: number; learned: string; apply?: string; improve?: string }>> = {
  'm-deescalatie-training': [
    { rating: 5, learned: 'Hoe ik met mijn houding en stem de spanning laat zakken.', apply: 'Op de afdeling bij de overdracht van onrustige cliënten.' },
    { rating: 4, learned: 'De fasen van agressie en wat je in elke fase doet.', improve: 'Meer tijd voor oefenen met een acteur.' },
    { rating: 4, learned: 'Nabespreken na een incident met het team.' },
  ],
  'm-suicidepreventie-training': [
    { rating: 5, learned: 'Direct vragen naar suïcidale gedachten is minder eng dan ik dacht.', apply: 'In elk intakegesprek.' },
    { rating: 4, learned: 'Het veiligheidsplan samen met naasten maken.', improve: 'Casuïstiek uit de wijk toevoegen.' },
  ],
  'm-webinar-privacy-beroepsgeheim': [
    { rating: 3, learned: 'Wanneer ik zonder toestemming mag delen.', improve: 'Meer voorbeelden uit de samenwerking met politie.' },
    { rating: 4, learned: 'Het verschil tussen conflict van plichten en toestemming.' },
  ],
  'm-intervisie-suicidaliteit': [{ rating: 5, learned: 'Dat collega’s dezelfde twijfels hebben na een zorgelijk gesprek.' }],
  'm-triadisch-werken-training': [{ rating: 4, learned: 'Naasten vanaf de intake als bondgenoot zien.', apply: 'In het familiegesprek bij opname.' }],
};

/** Registrations with a register; Priya's V&VN cycle is about half full (platform points plus the external learning below). */
const registrations: Array<{ userId: string; registerId: string; registrationNumber: string; cycleStartDaysAgo: number; shareWithManager: boolean }> = [
  { userId: 'u-priya-ramdin', registerId: 'vvn-kwaliteitsregister', registrationNumber: '29071548', cycleStartDaysAgo: 900, shareWithManager: true },
  { userId: 'u-priya-ramdin', registerId: 'big-herregistratie', registrationNumber: '29071548430', cycleStartDaysAgo: 900, shareWithManager: false },
  { userId: 'u-noor-hendriks', registerId: 'vvn-kwaliteitsregister', registrationNumber: '31842207', cycleStartDaysAgo: 400, shareWithManager: false },
  { userId: 'u-kees-van-dijk', registerId: 'nvvp', registrationNumber: '49012345601', cycleStartDaysAgo: 1200, shareWithManager: true },
];

/** Learning outside the platform, with accreditation numbers where the provider had them; one with a certificate as evidence. */
const externalLearning: Array<{ userId: string; title: string; provider: string; daysAgo: number; hours: number; accreditationNumber?: string; points: Array<{ registerId: string; amount: number; category?: string }>; evidence?: string; reflection?: { text: string; shared: boolean } }> = [
  { userId: 'u-priya-ramdin', title: 'Post-hbo Sociaal Psychiatrisch Verpleegkundige: module Systeemgericht werken', provider: 'Hogeschool Utrecht', daysAgo: 820, hours: 84, accreditationNumber: 'VVN-2024-11873', points: [{ registerId: 'vvn-kwaliteitsregister', amount: 30, category: 'geaccrediteerd' }, { registerId: 'big-herregistratie', amount: 84, category: 'scholing' }] },
  {
    userId: 'u-priya-ramdin',
    title: 'Masterclass Psychofarmacologie voor verpleegkundigen',
    provider: 'V&VN GGZ',
    daysAgo: 240,
    hours: 16,
    accreditationNumber: 'VVN-2026-20455',
    points: [{ registerId: 'vvn-kwaliteitsregister', amount: 16, category: 'geaccrediteerd' }, { registerId: 'big-herregistratie', amount: 16, category: 'scholing' }],
    evidence: 'Masterclass Psychofarmacologie voor verpleegkundigen',
    reflection: { text: 'Ik let nu bewuster op bijwerkingen van antipsychotica bij de medicatie-uitgifte en bespreek ze eerder met de psychiater.', shared: true },
  },
  { userId: 'u-priya-ramdin', title: 'Congres Verpleegkunde in de GGZ 2025', provider: 'V&VN GGZ', daysAgo: 390, hours: 12, accreditationNumber: 'VVN-2025-08812', points: [{ registerId: 'vvn-kwaliteitsregister', amount: 12, category: 'geaccrediteerd' }] },
  { userId: 'u-priya-ramdin', title: 'E-learning Somatische screening bij antipsychotica', provider: 'GGZ Ecademy', daysAgo: 130, hours: 4, accreditationNumber: 'VVN-2026-31190', points: [{ registerId: 'vvn-kwaliteitsregister', amount: 4, category: 'geaccrediteerd' }] },
  { userId: 'u-priya-ramdin', title: 'Intervisiegroep sociaal psychiatrisch verpleegkundigen (jaar 2025)', provider: 'Eigen beroepsgroep', daysAgo: 330, hours: 14, points: [{ registerId: 'vvn-kwaliteitsregister', amount: 7, category: 'overig' }] },
  { userId: 'u-noor-hendriks', title: 'Cursus Motiverende gespreksvoering (basis)', provider: 'Stichting MGV Nederland', daysAgo: 160, hours: 21, accreditationNumber: 'VVN-2026-17702', points: [{ registerId: 'vvn-kwaliteitsregister', amount: 8, category: 'geaccrediteerd' }] },
];

/** Certificates the demo learners already downloaded. */
const certificates: Array<{ userId: string; moduleId: string; daysAgo: number }> = [
  { userId: 'u-priya-ramdin', moduleId: 'm-suicidepreventie-training', daysAgo: 195 },
  { userId: 'u-priya-ramdin', moduleId: 'm-triadisch-werken-training', daysAgo: 295 },
  { userId: 'u-noor-hendriks', moduleId: 'm-suicidepreventie-training', daysAgo: 198 },
];

/** A one-page PDF standing in for a provider's certificate of attendance. */
async function evidencePdf(name: string, title: string, provider: string, date: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Bewijs van deelname: ${title}`);
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = ['Bewijs van deelname', '', name, `heeft deelgenomen aan: ${title}`, `Aanbieder: ${provider}`, `Datum: ${date}`];
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 24, size: i === 0 ? 20 : 12, font }));
  return pdf.save();
}

export interface HistoryReport {
  seeded: boolean;
  sessions: number;
  attendances: number;
  completions: number;
  evaluations: number;
  assignments: number;
  registrations: number;
  externalLearning: number;
  certificates: number;
}

/** Runs a step; "already done" (a 409 from the use case) counts as done, so an interrupted seed can run again. */
async function step(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (err instanceof Problem && (err.kind === 'conflict' || err.kind === 'versionConflict')) return false;
    throw err;
  }
}

export async function seedHistory(store: StoreClients, today = new Date()): Promise<HistoryReport> {
  const report: HistoryReport = { seeded: false, sessions: 0, attendances: 0, completions: 0, evaluations: 0, assignments: 0, registrations: 0, externalLearning: 0, certificates: 0 };
  if (await get(store, marker)) return report;

  const principals = new Map<string, Principal>();
  const principal = async (id: string) => {
    const hit = principals.get(id);
    if (hit) return hit;
    const u = await getUser(store, id);
    if (!u) throw new Error(`seed users first: ${id}`);
    const p: Principal = { id: u.id, name: u.name, roles: u.roles };
    principals.set(id, p);
    return p;
  };
  const as = async (userId: string, at: string): Promise<LearningCtx> => ({ store, principal: await principal(userId), now: () => at });
  const completedWhen: Array<{ userId: string; moduleId: string; at: string }> = [];

  for (const s of pastSessions) {
    const start = momentFrom(today, -s.daysAgo, 9);
    const end = new Date(Date.parse(start) + s.hours * 3600_000).toISOString();
    if (!(await getSession(store, s.id))) {
      const trainer = await principal(trainerId);
      await createSession(await as(adminId, momentFrom(today, -s.daysAgo - 60)), s.moduleId, { start, end, location: s.location, meetingUrl: s.meetingUrl, trainers: [{ id: trainer.id, name: trainer.name }], capacity: s.capacity }, s.id);
      report.sessions++;
    }
    const people = [...s.present, ...(s.absent ?? [])];
    for (const [i, userId] of people.entries()) await step(async () => enrol(await as(userId, momentFrom(today, -s.daysAgo - 30 + i, 10)), s.id));
    const during = new Date(Date.parse(start) + 3600_000).toISOString();
    for (const userId of s.present) {
      if (await step(async () => registerAttendance(await as(trainerId, during), s.id, userId, true))) report.attendances++;
      completedWhen.push({ userId, moduleId: s.moduleId, at: during });
    }
    for (const userId of s.absent ?? []) await step(async () => registerAttendance(await as(trainerId, during), s.id, userId, false));
  }

  // Paths are enrolled before the completions that count toward them, as they happened.
  for (const p of paths) await step(async () => enrolInPath(await as(p.userId, momentFrom(today, -p.daysAgo, 11)), p.pathId));

  for (const c of selfCompleted) {
    const at = momentFrom(today, -c.daysAgo, 20, 15);
    await step(async () => enrolInModule(await as(c.userId, momentFrom(today, -c.daysAgo - 7, 12)), c.moduleId));
    if (await step(async () => selfComplete(await as(c.userId, at), c.moduleId, c.evidence))) report.completions++;
  }

  for (const r of scormResults) {
    const at = momentFrom(today, -r.daysAgo, 14, 30);
    const ctx = await as(r.userId, at);
    await joinByScormLaunch({ ...ctx, now: () => momentFrom(today, -r.daysAgo - 2, 13) }, r.userId, r.moduleId);
    const result = { attemptId: `demo-${r.userId}-${r.moduleId}`, success: (r.percent >= 80 ? 'passed' : 'failed') as 'passed' | 'failed', score: { raw: r.percent, min: 0, max: 100, scaled: r.percent / 100 }, percent: r.percent, timeSeconds: r.minutes * 60 };
    if (await step(() => recordScormCompletion(ctx, r.userId, r.moduleId, result))) report.completions++;
    completedWhen.push({ userId: r.userId, moduleId: r.moduleId, at });
  }

  for (const a of assignments) {
    const submittedAt = momentFrom(today, -a.daysAgo, 16);
    await step(async () => enrolInModule(await as(a.userId, momentFrom(today, -a.daysAgo - 14, 9)), a.moduleId));
    if (await step(async () => submitAssignment(await as(a.userId, submittedAt), a.moduleId, a.text))) report.assignments++;
    if (a.review) {
      const reviewedAt = momentFrom(today, -a.review.daysAgo, 11);
      await step(async () => reviewAssignment(await as(trainerId, reviewedAt), a.moduleId, a.userId, a.review!.decision, a.review!.feedback, submittedAt));
      if (a.review.decision === 'approved') completedWhen.push({ userId: a.userId, moduleId: a.moduleId, at: reviewedAt });
    }
  }

  const given = new Map<string, number>();
  for (const c of completedWhen) {
    const words = evaluations[c.moduleId];
    if (!words) continue;
    const n = given.get(c.moduleId) ?? 0;
    given.set(c.moduleId, n + 1);
    const w = words[n % words.length]!;
    const at = new Date(Date.parse(c.at) + 2 * day).toISOString();
    if (await step(async () => evaluate(await as(c.userId, at), { targetType: 'module', targetId: c.moduleId, rating: w.rating, answers: { learned: w.learned, apply: w.apply, improve: w.improve } }))) report.evaluations++;
  }

  for (const s of upcomingSessions) {
    const start = momentFrom(today, s.inDays, 9, 30);
    const end = new Date(Date.parse(start) + s.hours * 3600_000).toISOString();
    if (!(await getSession(store, s.id))) {
      const trainer = await principal(trainerId);
      await createSession(await as(adminId, momentFrom(today, -30)), s.moduleId, { start, end, location: s.location, trainers: [{ id: trainer.id, name: trainer.name }], capacity: s.capacity }, s.id);
      report.sessions++;
    }
    for (const [i, userId] of s.enrol.entries()) await step(async () => enrol(await as(userId, momentFrom(today, -10 + i, 10)), s.id));
  }

  // The portfolio: registrations, external learning (one with a certificate as evidence, one reflection shared), certificates downloaded.
  const portfolioAs = async (userId: string, at: string): Promise<PortfolioCtx> => ({ store, principal: await principal(userId), now: () => new Date(at) });
  const dateOf = (daysAgo: number) => momentFrom(today, -daysAgo, 12).slice(0, 10);
  for (const r of registrations) {
    const ctx = await portfolioAs(r.userId, momentFrom(today, -r.cycleStartDaysAgo + 20, 10));
    if (await step(() => addRegistration(ctx, { registerId: r.registerId, registrationNumber: r.registrationNumber, cycleStart: dateOf(r.cycleStartDaysAgo), shareWithManager: r.shareWithManager }))) report.registrations++;
  }
  for (const e of externalLearning) {
    const ctx = await portfolioAs(e.userId, momentFrom(today, -e.daysAgo + 3, 19));
    if ((await portfolioItems(store, e.userId, { consistent: true })).externals.some((x) => x.title === e.title)) continue;
    const entry = await addExternal(ctx, { title: e.title, provider: e.provider, date: dateOf(e.daysAgo), hours: e.hours, ...(e.accreditationNumber ? { accreditationNumber: e.accreditationNumber } : {}), points: e.points });
    report.externalLearning++;
    if (e.evidence) {
      const bytes = await evidencePdf((await principal(e.userId)).name, e.evidence, e.provider, dateOf(e.daysAgo));
      const upload = await startEvidenceUpload(ctx, entry.id, { fileName: 'bewijs-van-deelname.pdf', contentType: 'application/pdf', bytes: bytes.length });
      await store.s3.send(new PutObjectCommand({ Bucket: store.buckets.uploads, Key: upload.fields.key, Body: bytes, ContentType: 'application/pdf' }));
      await completeEvidenceUpload(ctx, entry.id, upload.uploadId);
    }
    if (e.reflection) await saveReflection(ctx, entry.id, { text: e.reflection.text, sharedWithManager: e.reflection.shared });
  }
  for (const c of certificates) {
    const ctx = { store, principal: await principal(c.userId), origin: 'http://localhost', now: () => momentFrom(today, -c.daysAgo, 20) };
    if (await step(() => certificatePdf(ctx, 'module', c.moduleId))) report.certificates++;
  }

  await put(store, { ...marker, type: 'seed-marker', at: today.toISOString() });
  report.seeded = true;
  return report;
}
