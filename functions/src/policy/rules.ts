import {
  enrolAudiences,
  isAdmin,
  isAuthor,
  isPartner,
  isSelf,
  isSignedIn,
  isStaff,
  isTeamManager,
  isTrainer,
  leadOf,
  memberOf,
  networkAuthorOf,
  readableAudiences,
  type Actor,
  type Audience,
  type EnrolAudience,
} from './actor';
import { text, type Text } from '../platform/http/language';

/**
 * Every access rule of the platform, by resource kind: which actions exist and who may take them.
 * Rules are pure functions of the actor and the resource as plain data. State rules that are not
 * about who is asking (a session that is full, a draft in the wrong state) stay with the feature
 * and answer 409; everything about *who* lives here.
 *
 * `hidden` says, per kind, when a refusal must look exactly like a missing resource (404), so that
 * nobody can probe which hidden things exist.
 */

// ---- resources, as the policy sees them -----------------------------------------------------------
export interface ArticleResource {
  networkId: string;
  audience: Audience;
  /** Has a published version and is not archived: what readers can reach. */
  readable: boolean;
  /** Main author and co-authors of the draft under decision, and whoever handed it in. */
  authorIds?: readonly string[];
  /** For one of its attachments: whether the published version shows it (readers get only those). */
  attachmentPublished?: boolean;
}
export interface NetworkResource {
  networkId: string;
  /** Partners may join only networks open to them (left out: closed). */
  openToPartners?: boolean;
  /** For an appointment: the role the person is given in the network. */
  role?: 'lead' | 'author' | 'member';
}
export interface ModuleResource {
  status: 'draft' | 'published' | 'archived';
  enrolAudience: EnrolAudience;
  kind: string;
  /**
   * For a partner joining: whether their organisation lets its users use this module (its status
   * and `moduleIds`, functions/src/partners). Given where someone joins (enrol, a session, a launch).
   */
  organisationAllows?: boolean;
}
export interface SessionResource {
  /** The session's module; left out where only the session's own trainers matter. */
  module?: ModuleResource;
  trainerIds: readonly string[];
  /** The caller holds a seat (enrolled, waitlisted or already registered). */
  callerHasSeat: boolean;
}
export interface SeatResource {
  session: SessionResource;
  learnerId: string;
}
export interface PathResource {
  status: 'draft' | 'published';
}
export interface LearnerWorkResource {
  learnerId: string;
  moduleKind: string;
}
/** A module's SCORM package (its uploads, imports and versions), as the module it belongs to. */
export interface ScormPackageResource {
  module: ModuleResource;
}
/** A learner's SCORM attempt(s) at an e-learning module (launching one, reading them), as the module and whose they are. */
export interface ScormAttemptResource {
  module: ModuleResource;
  learnerId: string;
}
// The academy's offer as a whole: actions that concern no single existing record.
export type AcademyResource = Record<string, never>;
/** A learner's own learning records: portfolio entries, registrations, reflections, evidence, certificates and exports. */
export interface PortfolioResource {
  ownerId: string;
}
/**
 * One team, as a team manager sees it: `callerTeamId` is the team the caller belongs to (from
 * their profile), so a team manager reaches their own team and no other.
 */
export interface TeamResource {
  teamId: string;
  callerTeamId?: string;
}
/** A member's register progress, for their team manager: only what the member chose to share. */
export interface SharedProgressResource {
  ownerId: string;
  ownerTeamId?: string;
  callerTeamId?: string;
  /** The member shares this (register progress, or one reflection) with their team manager. */
  shared: boolean;
}
/**
 * A consultation question to an expert network (functions/src/knowledge/questions): its network,
 * who asked it, and whether the asker shared it with the network only or the whole organisation.
 */
export interface QuestionResource {
  networkId: string;
  askerId: string;
  visibility: 'network' | 'organisation';
}
/** The events of a network: sessions of its `event` modules, planned by its lead experts. */
export interface NetworkEventResource {
  networkId: string;
}
/** A network's activity per quarter (functions/src/reports/activity). */
export interface NetworkActivityResource {
  networkId: string;
}
/** A person's personal data as a whole (export, erasure). */
export interface PersonResource {
  personId: string;
}

/** Partner organisations and their users as a whole (functions/src/partners): the academy keeps them. */
export type PartnerOrganisationResource = AcademyResource;

export interface Resources {
  partnerOrganisation: PartnerOrganisationResource;
  team: TeamResource;
  portfolio: PortfolioResource;
  sharedProgress: SharedProgressResource;
  registers: AcademyResource;
  mandatory: AcademyResource;
  certificate: AcademyResource;
  reports: AcademyResource;
  person: PersonResource;
  audit: AcademyResource;
  knowledge: AcademyResource;
  article: ArticleResource;
  network: NetworkResource;
  academy: AcademyResource;
  module: ModuleResource;
  session: SessionResource;
  seat: SeatResource;
  path: PathResource;
  learnerWork: LearnerWorkResource;
  scormPackage: ScormPackageResource;
  scormAttempt: ScormAttemptResource;
  question: QuestionResource;
  networkEvent: NetworkEventResource;
  networkActivity: NetworkActivityResource;
}
export type Kind = keyof Resources;

interface Rule<R> {
  /** Who may, in words, for error messages (both languages) and docs/access.md (Dutch). */
  who: Text;
  allow: (a: Actor, r: R) => boolean;
}
type KindRules<R> = { hidden: (a: Actor, r: R) => boolean; actions: Record<string, Rule<R>> };

const canReadArticle = (a: Actor, r: ArticleResource) => r.readable && readableAudiences(a).includes(r.audience);
/** Editorial rights: author-role members and appointed network authors of the article's network, its lead experts, and the academy-admin. */
const writes = (a: Actor, networkId: string) => isAdmin(a) || (isAuthor(a) && memberOf(a, networkId)) || networkAuthorOf(a, networkId) || leadOf(a, networkId);
const leads = (a: Actor, networkId: string) => isAdmin(a) || leadOf(a, networkId);
const seesModule = (a: Actor, m: ModuleResource) => enrolAudiences(a).includes(m.enrolAudience) && (m.status === 'published' || managesCatalogue(a));
const joinsModule = (a: Actor, m: ModuleResource) => m.status === 'published' && enrolAudiences(a).includes(m.enrolAudience) && !(isPartner(a) && m.organisationAllows === false);
const managesCatalogue = (a: Actor) => isAdmin(a) || isAuthor(a);
const joinsNetwork = (a: Actor, r: NetworkResource) => isStaff(a) || (isPartner(a) && r.openToPartners === true);
const managesTeam = (a: Actor, r: TeamResource) => isTeamManager(a) && r.callerTeamId !== undefined && r.callerTeamId === r.teamId;
const ownsPortfolio = (a: Actor, r: PortfolioResource) => isStaff(a) && isSelf(a, r.ownerId);
/** Organisation-wide questions reach all staff; network questions the network's members (and the academy); the asker always. */
const readsQuestion = (a: Actor, r: QuestionResource) =>
  isSelf(a, r.askerId) || isAdmin(a) || memberOf(a, r.networkId) || (r.visibility === 'organisation' && isStaff(a));
/** A session's trainers and hosts, as long as they are staff: a partner or a stripped account named as one gets nothing from it. */
const teaches = (a: Actor, s: SessionResource) => isStaff(a) && a.principal !== null && s.trainerIds.includes(a.principal.id);

export const rules = {
  partnerOrganisation: {
    hidden: () => false,
    actions: {
      // Who the partners are, their contacts and their users: the academy's business.
      read: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      // Registering and editing an organisation (what it may use: networks open to partners, partner modules).
      manage: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      // Suspending, revoking and re-activating: effective on the partner users' next request.
      'change-status': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      // Inviting partner users and removing them.
      'manage-users': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
    },
  } satisfies KindRules<PartnerOrganisationResource>,

  team: {
    // Another team's overview is, for a team manager, not there.
    hidden: (a, r) => !isAdmin(a) && !managesTeam(a, r),
    actions: {
      // Mandatory-training status and expiry per member: the team's own manager and the academy.
      'read-compliance': { who: text('de teamleider van het team en de academie', "the team's manager and the academy"), allow: (a, r) => isAdmin(a) || managesTeam(a, r) },
    },
  } satisfies KindRules<TeamResource>,

  portfolio: {
    // Someone else's portfolio is, for anyone, not there: only the learner sees it (partners have none).
    hidden: (a, r) => !ownsPortfolio(a, r),
    actions: {
      read: { who: text('de medewerker zelf', 'the employee themselves'), allow: ownsPortfolio },
      write: { who: text('de medewerker zelf', 'the employee themselves'), allow: ownsPortfolio },
      'read-evidence': { who: text('de medewerker zelf', 'the employee themselves'), allow: ownsPortfolio },
      'download-certificate': { who: text('de medewerker zelf', 'the employee themselves'), allow: ownsPortfolio },
      export: { who: text('de medewerker zelf', 'the employee themselves'), allow: ownsPortfolio },
    },
  } satisfies KindRules<PortfolioResource>,

  sharedProgress: {
    hidden: (a, r) => !(isTeamManager(a) && r.ownerTeamId !== undefined && r.ownerTeamId === r.callerTeamId && r.shared) && !isSelf(a, r.ownerId),
    actions: {
      // Register progress and reflections reach the manager only when the member shared them.
      read: { who: text('de medewerker zelf, en de eigen teamleider als de medewerker het deelt', "the employee themselves, and their own team manager when the employee shares it"), allow: (a, r) => (isStaff(a) && isSelf(a, r.ownerId)) || (isTeamManager(a) && r.ownerTeamId !== undefined && r.ownerTeamId === r.callerTeamId && r.shared) },
    },
  } satisfies KindRules<SharedProgressResource>,

  registers: {
    hidden: () => false,
    actions: {
      read: { who: text('medewerkers', 'employees'), allow: (a) => isStaff(a) },
      // Register rules decide everyone's totals: the academy keeps them.
      manage: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
    },
  } satisfies KindRules<AcademyResource>,

  mandatory: {
    hidden: () => false,
    actions: {
      read: { who: text('medewerkers', 'employees'), allow: (a) => isStaff(a) },
      manage: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      // Compliance per department (counts of people, no names): the academy's dashboard.
      'read-compliance': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
    },
  } satisfies KindRules<AcademyResource>,

  certificate: {
    hidden: () => false,
    actions: {
      // The verify page is public and shows only name, title and date.
      verify: { who: text('iedereen', 'everyone'), allow: () => true },
      list: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      revoke: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
    },
  } satisfies KindRules<AcademyResource>,

  reports: {
    hidden: () => false,
    actions: {
      // Aggregates only: counts, scores and points per month, module, path, network and department.
      'read-dashboard': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      // Names and registration numbers per accredited edition, for the registers (PE-online).
      'export-attendance': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
    },
  } satisfies KindRules<AcademyResource>,

  person: {
    hidden: () => false,
    actions: {
      // Everyone (partners too) may have all their personal data.
      export: { who: text('de persoon zelf', 'the person themselves'), allow: (a, r) => isSelf(a, r.personId) },
      // An erasure request is carried out by the academy, never by an admin on their own account.
      erase: { who: text('de academie, niet voor het eigen account', 'the academy, not for their own account'), allow: (a, r) => isAdmin(a) && !isSelf(a, r.personId) },
    },
  } satisfies KindRules<PersonResource>,

  audit: {
    hidden: () => false,
    actions: {
      read: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
    },
  } satisfies KindRules<AcademyResource>,

  knowledge: {
    hidden: () => false,
    actions: {
      // Writing anywhere: the editor, the Markdown preview, "Mijn redactiewerk".
      write: { who: text('auteurs, leidend experts en de academie', 'authors, lead experts and the academy'), allow: (a) => isAdmin(a) || isAuthor(a) || a.memberships.some((m) => leadOf(a, m.networkId) || networkAuthorOf(a, m.networkId)) },
    },
  } satisfies KindRules<AcademyResource>,

  article: {
    // An article someone may not read is, for them, not there: by slug, by id, in any list.
    hidden: (a, r) => !canReadArticle(a, r) && !writes(a, r.networkId),
    actions: {
      read: { who: text('wie het publiek van het artikel mag lezen', "whoever is in the article's audience"), allow: canReadArticle },
      signal: { who: text('aangemelde lezers van het artikel', 'signed-in readers of the article'), allow: (a, r) => isSignedIn(a) && canReadArticle(a, r) },
      'read-editorial': { who: text('auteurs van het netwerk (auteursrol en lid), leidend experts en de academie', "the network's authors (author role and member), lead experts and the academy"), allow: (a, r) => writes(a, r.networkId) },
      edit: { who: text('auteurs van het netwerk (auteursrol en lid), leidend experts en de academie', "the network's authors (author role and member), lead experts and the academy"), allow: (a, r) => writes(a, r.networkId) },
      'discard-draft': { who: text('auteurs van het netwerk (auteursrol en lid), leidend experts en de academie', "the network's authors (author role and member), lead experts and the academy"), allow: (a, r) => writes(a, r.networkId) },
      // Readers get what the published version shows, with its audience; drafts' attachments stay with the writers.
      'read-attachment': {
        who: text('lezers van het artikel (bijlagen die de gepubliceerde versie toont); auteurs van het netwerk, leidend experts en de academie (alle)', "readers of the article (attachments the published version shows); the network's authors, lead experts and the academy (all)"),
        allow: (a, r) => (r.attachmentPublished === true && canReadArticle(a, r)) || writes(a, r.networkId),
      },
      'delete-attachment': { who: text('auteurs van het netwerk (auteursrol en lid), leidend experts en de academie', "the network's authors (author role and member), lead experts and the academy"), allow: (a, r) => writes(a, r.networkId) },
      // Four eyes: the draft's own authors never publish it; the academy may, with a recorded reason.
      publish: { who: text('leidend experts van het netwerk en de academie, niet de auteurs van het concept', "the network's lead experts and the academy, not the draft's authors"), allow: (a, r) => leads(a, r.networkId) && !(r.authorIds ?? []).some((id) => isSelf(a, id)) },
      'publish-own': { who: text('de academie, met een vastgelegde reden', 'the academy, with a recorded reason'), allow: (a) => isAdmin(a) },
      return: { who: text('leidend experts van het netwerk en de academie', "the network's lead experts and the academy"), allow: (a, r) => leads(a, r.networkId) },
      archive: { who: text('leidend experts van het netwerk en de academie', "the network's lead experts and the academy"), allow: (a, r) => leads(a, r.networkId) },
    },
  } satisfies KindRules<ArticleResource>,

  network: {
    hidden: () => false,
    actions: {
      read: { who: text('iedereen', 'everyone'), allow: () => true },
      'read-leads': { who: text('aangemelde gebruikers', 'signed-in users'), allow: (a) => isSignedIn(a) },
      'read-members': { who: text('medewerkers', 'employees'), allow: (a) => isStaff(a) },
      write: { who: text('auteurs van het netwerk (auteursrol en lid), leidend experts en de academie', "the network's authors (author role and member), lead experts and the academy"), allow: (a, r) => writes(a, r.networkId) },
      publish: { who: text('leidend experts van het netwerk en de academie', "the network's lead experts and the academy"), allow: (a, r) => leads(a, r.networkId) },
      'read-articles': { who: text('auteurs van het netwerk (auteursrol en lid), leidend experts en de academie', "the network's authors (author role and member), lead experts and the academy"), allow: (a, r) => writes(a, r.networkId) },
      'handle-signals': { who: text('auteurs van het netwerk (auteursrol en lid), leidend experts en de academie', "the network's authors (author role and member), lead experts and the academy"), allow: (a, r) => writes(a, r.networkId) },
      // Membership (functions/src/networks): employees join freely; partners only where the network is open to them.
      join: { who: text('medewerkers; ketenpartners als het netwerk open is voor partners', 'employees; partners when the network is open to partners'), allow: joinsNetwork },
      leave: { who: text('aangemelde gebruikers (hun eigen lidmaatschap)', 'signed-in users (their own membership)'), allow: (a) => isSignedIn(a) },
      'edit-page': { who: text('leidend experts van het netwerk en de academie', "the network's lead experts and the academy"), allow: (a, r) => leads(a, r.networkId) },
      // Co-leads, network authors, removing members; the academy also appoints the first lead experts.
      'manage-members': { who: text('leidend experts van het netwerk en de academie', "the network's lead experts and the academy"), allow: (a, r) => leads(a, r.networkId) },
      // Asked of the person appointed: lead experts and network authors write and publish, so only staff; a member as anyone who could join.
      'take-role': { who: text('leidend expert of netwerkauteur: medewerkers; lid: wie lid mag worden', 'lead expert or network author: employees; member: whoever may join'), allow: (a, r) => (r.role === 'member' ? joinsNetwork(a, r) : isStaff(a)) },
      create: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      archive: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
    },
  } satisfies KindRules<NetworkResource>,

  academy: {
    hidden: () => false,
    actions: {
      // Authors draft modules; only the academy-admin publishes them, sets accreditation, plans sessions and paths.
      'draft-modules': { who: text('de academie en auteurs', 'the academy and authors'), allow: (a) => managesCatalogue(a) },
      'publish-modules': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      accredit: { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      'plan-sessions': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      'publish-paths': { who: text('de academie', 'the academy'), allow: (a) => isAdmin(a) },
      'read-evaluations': { who: text('de academie, trainers en auteurs', 'the academy, trainers and authors'), allow: (a) => isAdmin(a) || isTrainer(a) || isAuthor(a) },
      'review-assignments': { who: text('de academie en trainers', 'the academy and trainers'), allow: (a) => isAdmin(a) || isTrainer(a) },
      'read-trainer-sessions': { who: text('de academie en trainers', 'the academy and trainers'), allow: (a) => isAdmin(a) || isTrainer(a) },
    },
  } satisfies KindRules<AcademyResource>,

  module: {
    hidden: (a, r) => !seesModule(a, r),
    actions: {
      read: { who: text('wie zich mag inschrijven (concepten: de academie en auteurs)', 'whoever may enrol (drafts: the academy and authors)'), allow: seesModule },
      join: { who: text('aangemelde gebruikers die zich mogen inschrijven, bij een gepubliceerde module', 'signed-in users who may enrol, for a published module'), allow: (a, r) => isSignedIn(a) && joinsModule(a, r) },
      // Authors edit drafts; a published or archived module is the academy-admin's.
      edit: { who: text('concepten: de academie en auteurs; gepubliceerd: de academie', 'drafts: the academy and authors; published: the academy'), allow: (a, r) => (r.status === 'draft' ? managesCatalogue(a) : isAdmin(a)) },
    },
  } satisfies KindRules<ModuleResource>,

  session: {
    hidden: (a, r) => r.module !== undefined && !seesModule(a, r.module),
    actions: {
      // A trainer never enrols in a session they teach: attendance they register would be their own.
      enrol: { who: text('wie zich voor de module mag inschrijven, behalve de trainers van de sessie', "whoever may enrol for the module, except the session's trainers"), allow: (a, r) => isSignedIn(a) && r.module !== undefined && joinsModule(a, r.module) && !teaches(a, r) },
      'read-participants': { who: text('de trainers van de sessie en de academie', "the session's trainers and the academy"), allow: (a, r) => isAdmin(a) || teaches(a, r) },
      'read-meeting-link': { who: text('ingeschreven deelnemers, de trainers van de sessie en de academie', "enrolled participants, the session's trainers and the academy"), allow: (a, r) => isAdmin(a) || teaches(a, r) || (isSignedIn(a) && r.callerHasSeat) },
      'download-invite': { who: text('ingeschreven deelnemers en de trainers van de sessie', "enrolled participants and the session's trainers"), allow: (a, r) => teaches(a, r) || (isSignedIn(a) && r.callerHasSeat) },
    },
  } satisfies KindRules<SessionResource>,

  seat: {
    hidden: (a, r) => r.session.module !== undefined && !seesModule(a, r.session.module),
    actions: {
      // Nobody grants themselves accreditation: no attendance for oneself.
      'register-attendance': { who: text('de trainers van de sessie en de academie, nooit voor zichzelf', "the session's trainers and the academy, never for themselves"), allow: (a, r) => (isAdmin(a) || teaches(a, r.session)) && !isSelf(a, r.learnerId) },
    },
  } satisfies KindRules<SeatResource>,

  path: {
    // Paths are for employees: a partner is not offered what they cannot enrol in.
    hidden: (a, r) => !((r.status === 'published' && !isPartner(a)) || isAdmin(a)),
    actions: {
      read: { who: text('iedereen behalve ketenpartners (gepubliceerde leerpaden; stappen alleen wat de lezer mag zien)', 'everyone except chain partners (published learning paths; steps only as far as the reader may see them)'), allow: (a, r) => (r.status === 'published' && !isPartner(a)) || isAdmin(a) },
      enrol: { who: text('medewerkers', 'employees'), allow: (a, r) => r.status === 'published' && isStaff(a) },
    },
  } satisfies KindRules<PathResource>,

  learnerWork: {
    // Someone else's hand-in or file is, for anyone who may not see it, not there.
    hidden: (a, r) => !isSelf(a, r.learnerId) && !isAdmin(a) && !(isTrainer(a) && r.moduleKind === 'assignment'),
    actions: {
      'hand-in': { who: text('de deelnemer zelf', 'the learner themselves'), allow: (a, r) => isSelf(a, r.learnerId) },
      read: { who: text('de deelnemer, de academie, en trainers bij opdrachten', 'the learner, the academy, and trainers for assignments'), allow: (a, r) => isSelf(a, r.learnerId) || isAdmin(a) || (isTrainer(a) && r.moduleKind === 'assignment') },
      delete: { who: text('de deelnemer zelf', 'the learner themselves'), allow: (a, r) => isSelf(a, r.learnerId) },
      // Nobody approves their own work.
      review: { who: text('trainers en de academie, nooit het eigen werk', 'trainers and the academy, never their own work'), allow: (a, r) => (isAdmin(a) || isTrainer(a)) && !isSelf(a, r.learnerId) },
    },
  } satisfies KindRules<LearnerWorkResource>,

  scormPackage: {
    // A package belongs to its module: whoever may not see the module finds no package either.
    hidden: (a, r) => !seesModule(a, r.module),
    actions: {
      // Uploading a package makes a new version of the module: as editing it, drafts are the authors' too.
      upload: { who: text('concepten: de academie en auteurs; gepubliceerd: de academie', 'drafts: the academy and authors; published: the academy'), allow: (a, r) => (r.module.status === 'draft' ? managesCatalogue(a) : isAdmin(a)) },
      'read-import': { who: text('de academie en auteurs', 'the academy and authors'), allow: (a) => managesCatalogue(a) },
      // The module's report reads every learner's attempts (self-reported results): those who make the offer.
      'read-report': { who: text('de academie en auteurs', 'the academy and authors'), allow: (a) => managesCatalogue(a) },
    },
  } satisfies KindRules<ScormPackageResource>,

  scormAttempt: {
    // Someone else's attempts are, for whoever may not read them, not there; nor are a hidden module's.
    hidden: (a, r) => !seesModule(a, r.module) || !(isSelf(a, r.learnerId) || managesCatalogue(a)),
    actions: {
      // Playing is joining the module: for yourself only, as for any module you may join.
      launch: { who: text('de deelnemer zelf, als die zich voor de module mag inschrijven', 'the learner themselves, if they may enrol in the module'), allow: (a, r) => isSelf(a, r.learnerId) && isSignedIn(a) && joinsModule(a, r.module) },
      // Results are self-reported by the package; authors and the academy read them for reports.
      read: { who: text('de deelnemer zelf, de academie en auteurs', 'the learner themselves, the academy and authors'), allow: (a, r) => isSelf(a, r.learnerId) || managesCatalogue(a) },
    },
  } satisfies KindRules<ScormAttemptResource>,

  question: {
    // A question kept within the network is, for everyone outside it, not there.
    hidden: (a, r) => !readsQuestion(a, r),
    actions: {
      // Members bring questions to their network (partners never: members count only with a staff role).
      ask: { who: text('leden van het netwerk', 'members of the network'), allow: (a, r) => memberOf(a, r.networkId) },
      read: { who: text('de vrager; bij een netwerkvraag de leden van het netwerk en de academie; bij een organisatievraag alle medewerkers', 'the asker; for a network question the members of the network and the academy; for an organisation question all employees'), allow: readsQuestion },
      answer: { who: text('leidend experts en auteurs van het netwerk (auteursrol en lid) en de academie', "the network's lead experts and authors (author role and member) and the academy"), allow: (a, r) => writes(a, r.networkId) },
      // Knowledge capture: an answered question becomes a draft article of the network.
      'draft-article': { who: text('leidend experts en auteurs van het netwerk (auteursrol en lid) en de academie', "the network's lead experts and authors (author role and member) and the academy"), allow: (a, r) => writes(a, r.networkId) },
    },
  } satisfies KindRules<QuestionResource>,

  networkEvent: {
    hidden: () => false,
    actions: {
      // Regional meetings, knowledge cafés, symposia and case discussions: sessions of the network's event modules.
      plan: { who: text('leidend experts van het netwerk en de academie', "the network's lead experts and the academy"), allow: (a, r) => leads(a, r.networkId) },
      // A host registers attendance, which brings completion and points: only staff in the network (asked of the host).
      host: { who: text('medewerkers die lid zijn van het netwerk', 'employees who are members of the network'), allow: (a, r) => memberOf(a, r.networkId) },
    },
  } satisfies KindRules<NetworkEventResource>,

  networkActivity: {
    hidden: () => false,
    actions: {
      // Counts per quarter only (members joined, articles, events, questions): no names.
      read: { who: text('leidend experts van het netwerk en de academie', "the network's lead experts and the academy"), allow: (a, r) => leads(a, r.networkId) },
    },
  } satisfies KindRules<NetworkActivityResource>,
} as const;

export type Rules = typeof rules;
export type Action<K extends Kind> = keyof Rules[K]['actions'] & string;
