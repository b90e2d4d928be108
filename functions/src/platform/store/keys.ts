/**
 * Key builders for the single table. Every item's keys are made here so the access
 * patterns in functions/docs/data-model.md stay readable in one file.
 */
const pad = (n: number) => String(n).padStart(6, '0');

export const keys = {
  user: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** GSI1: all user profiles, ordered by name (admin listing, dev sign-in page). */
  userIndex: (name: string, userId: string) => ({ GSI1PK: 'USERS', GSI1SK: `${name.toLocaleLowerCase('nl')}#${userId}` }),
  /** GSI2: the members of a team, by name (team compliance). */
  teamMemberIndex: (teamId: string, name: string, userId: string) => ({ GSI2PK: `TEAM#${teamId}`, GSI2SK: `${name.toLocaleLowerCase('nl')}#${userId}` }),
  organisation: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: 'PROFILE' }),

  network: (networkId: string) => ({ PK: `NETWORK#${networkId}`, SK: 'META' }),
  /** GSI1: all networks by name. */
  networkIndex: (name: string) => ({ GSI1PK: 'NETWORKS', GSI1SK: name.toLocaleLowerCase('nl') }),
  member: (networkId: string, userId: string) => ({ PK: `NETWORK#${networkId}`, SK: `MEMBER#${userId}` }),
  /** GSI1: the networks a user belongs to. */
  memberIndex: (userId: string, networkId: string) => ({ GSI1PK: `USER#${userId}#NETWORKS`, GSI1SK: networkId }),
  // ---- networks (functions/src/networks) ----
  /** GSI2 (sparse, lead experts only): every network's leads in one Query, for the networks overview. */
  leadIndex: (networkId: string, userId: string) => ({ GSI2PK: 'NETWORK-LEADS', GSI2SK: `${networkId}#${userId}` }),

  article: (articleId: string) => ({ PK: `ARTICLE#${articleId}`, SK: 'META' }),
  /** GSI1: a network's articles (all states) by last change, for authors. */
  articleByNetwork: (networkId: string, updatedAt: string, articleId: string) => ({ GSI1PK: `NETWORK#${networkId}#ARTICLES`, GSI1SK: `${updatedAt}#${articleId}` }),
  /** GSI2 (sparse, published only): a network's articles by review-by date, for the review cycle. */
  articleByReviewDate: (networkId: string, reviewBy: string, articleId: string) => ({ GSI2PK: `REVIEWBY#${networkId}`, GSI2SK: `${reviewBy}#${articleId}` }),
  draft: (articleId: string) => ({ PK: `ARTICLE#${articleId}`, SK: 'DRAFT' }),
  /** GSI2 (sparse, in review only): a network's review queue by submission time. */
  draftInReview: (networkId: string, submittedAt: string, articleId: string) => ({ GSI2PK: `REVIEW#${networkId}`, GSI2SK: `${submittedAt}#${articleId}` }),
  version: (articleId: string, version: number) => ({ PK: `ARTICLE#${articleId}`, SK: `V#${pad(version)}` }),
  versionPrefix: 'V#',
  /** Current slug: the reader's view of the published article (one GetItem per page view). Old slugs: a redirect. */
  slug: (slug: string) => ({ PK: `SLUG#${slug}`, SK: 'SLUG' }),

  signal: (articleId: string, signalId: string) => ({ PK: `ARTICLE#${articleId}`, SK: `SIGNAL#${signalId}` }),
  /** A reader's one current vote on an article (useful or not); the counters on META follow it. */
  vote: (articleId: string, userId: string) => ({ PK: `ARTICLE#${articleId}`, SK: `VOTE#${userId}` }),
  signalPrefix: 'SIGNAL#',
  /** GSI1: a reader's own signals ("what happened with my signal"). */
  signalByReader: (userId: string, signalId: string) => ({ GSI1PK: `USER#${userId}#SIGNALS`, GSI1SK: signalId }),
  /** GSI2 (sparse, open only): a network's open signals. */
  openSignalByNetwork: (networkId: string, signalId: string) => ({ GSI2PK: `NETWORK#${networkId}#SIGNALS#OPEN`, GSI2SK: signalId }),

  attachment: (articleId: string, attachmentId: string) => ({ PK: `ARTICLE#${articleId}`, SK: `ATTACHMENT#${attachmentId}` }),
  attachmentPrefix: 'ATTACHMENT#',
  /** How many attachments an article has (the per-article cap holds under parallel uploads). */
  attachmentCount: (articleId: string) => ({ PK: `ARTICLE#${articleId}`, SK: 'ATTACHMENTCOUNT' }),
  upload: (uploadId: string) => ({ PK: `UPLOAD#${uploadId}`, SK: 'UPLOAD' }),

  module: (moduleId: string) => ({ PK: `MODULE#${moduleId}`, SK: 'META' }),
  /** GSI1: the catalogue, by publication status. */
  moduleByStatus: (status: string, title: string, moduleId: string) => ({ GSI1PK: `MODULES#${status}`, GSI1SK: `${title.toLocaleLowerCase('nl')}#${moduleId}` }),
  /** SCORM (functions/src/scorm), beside the module: its package (version counter, latest launchable version), versions and imports. */
  scormPackage: (moduleId: string) => ({ PK: `MODULE#${moduleId}`, SK: 'SCORM' }),
  scormVersion: (moduleId: string, version: number) => ({ PK: `MODULE#${moduleId}`, SK: `SCORM#V#${pad(version)}` }),
  scormVersionPrefix: 'SCORM#V#',
  scormImport: (moduleId: string, importId: string) => ({ PK: `MODULE#${moduleId}`, SK: `SCORM#IMPORT#${importId}` }),
  /**
   * SCORM attempts (functions/src/scorm/attempts), one partition per learner × module: the learner's
   * pointer to their current attempt, each attempt, and each SCO's runtime state within an attempt.
   */
  scormLearner: (moduleId: string, userId: string) => ({ PK: `SCORM#${moduleId}#${userId}`, SK: 'LEARNER' }),
  scormAttempt: (moduleId: string, userId: string, attemptId: string) => ({ PK: `SCORM#${moduleId}#${userId}`, SK: `ATTEMPT#${attemptId}` }),
  scormAttemptPrefix: 'ATTEMPT#',
  scormScoState: (moduleId: string, userId: string, attemptId: string, scoId: string) => ({ PK: `SCORM#${moduleId}#${userId}`, SK: `ATTEMPT#${attemptId}#SCO#${scoId}` }),
  /** GSI1: every attempt at a module, by start (the module's report). */
  scormAttemptByModule: (moduleId: string, startedAt: string, attemptId: string) => ({ GSI1PK: `MODULE#${moduleId}#SCORM#ATTEMPTS`, GSI1SK: `${startedAt}#${attemptId}` }),
  path: (pathId: string) => ({ PK: `PATH#${pathId}`, SK: 'META' }),
  pathVersion: (pathId: string, version: number) => ({ PK: `PATH#${pathId}`, SK: `V#${pad(version)}` }),
  pathDraft: (pathId: string) => ({ PK: `PATH#${pathId}`, SK: 'DRAFT' }),
  /** GSI1: published paths. */
  pathByStatus: (status: string, title: string, pathId: string) => ({ GSI1PK: `PATHS#${status}`, GSI1SK: `${title.toLocaleLowerCase('nl')}#${pathId}` }),
  session: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SK: 'META' }),
  /** GSI1: a module's sessions by start. GSI2: all sessions by start (upcoming, date filters). */
  sessionByModule: (moduleId: string, start: string, sessionId: string) => ({ GSI1PK: `MODULE#${moduleId}#SESSIONS`, GSI1SK: `${start}#${sessionId}` }),
  sessionByStart: (start: string, sessionId: string) => ({ GSI2PK: 'SESSIONS', GSI2SK: `${start}#${sessionId}` }),
  seat: (sessionId: string, userId: string) => ({ PK: `SESSION#${sessionId}`, SK: `SEAT#${userId}` }),
  seatPrefix: 'SEAT#',
  /** GSI1: a learner's sessions by start ("Mijn leren"). */
  seatByLearner: (userId: string, start: string, sessionId: string) => ({ GSI1PK: `USER#${userId}#SESSIONS`, GSI1SK: `${start}#${sessionId}` }),
  /** A learner's learning record, all under one partition so "Mijn leren" is one Query. */
  learnerPath: (userId: string, pathId: string) => ({ PK: `LEARNER#${userId}`, SK: `PATH#${pathId}` }),
  learnerModule: (userId: string, moduleId: string) => ({ PK: `LEARNER#${userId}`, SK: `MODULE#${moduleId}` }),
  learnerEvent: (userId: string, eventId: string) => ({ PK: `LEARNER#${userId}`, SK: `EVENT#${eventId}` }),
  learnerFile: (userId: string, moduleId: string, fileId: string) => ({ PK: `LEARNER#${userId}`, SK: `FILE#${moduleId}#${fileId}` }),
  /** How many files a learner keeps for a module (the cap, counted beside the learner's record). */
  learnerFileCount: (userId: string, moduleId: string) => ({ PK: `LEARNER#${userId}`, SK: `FILECOUNT#${moduleId}` }),
  learner: (userId: string) => ({ PK: `LEARNER#${userId}` }),
  /** GSI2 (sparse, submitted only): assignments waiting for a trainer. */
  submissionWaiting: (moduleId: string, submittedAt: string, userId: string) => ({ GSI2PK: `SUBMISSIONS#WAITING`, GSI2SK: `${submittedAt}#${moduleId}#${userId}` }),
  evaluation: (targetType: string, targetId: string, userId: string) => ({ PK: `EVAL#${targetType}#${targetId}`, SK: `BY#${userId}` }),

  // ---- portfolio (functions/src/portfolio): registers, registrations, external learning, reflections, certificates, mandatory training ----
  /** A certificate, by its verification code (the public verify page reads only this item). */
  certificate: (code: string) => ({ PK: `CERT#${code}`, SK: 'CERT' }),
  /** GSI1: every certificate, newest first (the academy's list). */
  certificateByIssue: (issuedAt: string, code: string) => ({ GSI1PK: 'CERTIFICATES', GSI1SK: `${issuedAt}#${code}` }),
  /** The learner's pointer to the certificate of one completion (module or path): one certificate per completion. */
  learnerCertificate: (userId: string, kind: string, targetId: string) => ({ PK: `LEARNER#${userId}`, SK: `CERT#${kind}#${targetId}` }),
  learnerCertificatePrefix: 'CERT#',
  /** A professional register and its rules (academy-admin keeps them). GSI1: every register by name. */
  register: (registerId: string) => ({ PK: `REGISTER#${registerId}`, SK: 'META' }),
  registerIndex: (name: string, registerId: string) => ({ GSI1PK: 'REGISTERS', GSI1SK: `${name.toLocaleLowerCase('nl')}#${registerId}` }),
  /** A learner's portfolio partition: registrations, external learning, reflections (one Query reads them all). */
  portfolio: (userId: string) => ({ PK: `PORTFOLIO#${userId}` }),
  registration: (userId: string, registerId: string) => ({ PK: `PORTFOLIO#${userId}`, SK: `REGISTRATION#${registerId}` }),
  externalEntry: (userId: string, entryId: string) => ({ PK: `PORTFOLIO#${userId}`, SK: `ENTRY#${entryId}` }),
  /** One reflection per portfolio entry (`entryId` as the timeline names it: `module:…`, `path:…`, `external:…`). */
  reflection: (userId: string, entryId: string) => ({ PK: `PORTFOLIO#${userId}`, SK: `REFLECTION#${entryId}` }),
  /** How many of a learner's registrations they share with their team manager (a team page reads these by BatchGet, then only the sharers' portfolios). */
  portfolioSharing: (userId: string) => ({ PK: `PORTFOLIO#${userId}`, SK: 'SHARING' }),
  portfolioPrefixes: ['REGISTRATION#', 'ENTRY#', 'REFLECTION#', 'SHARING'] as const,
  /** A mandatory-training requirement, one per module; all in one partition (a handful: one Query lists them). */
  mandatoryRequirement: (moduleId: string) => ({ PK: 'MANDATORY', SK: `MANDATORY#${moduleId}` }),
  mandatoryRequirements: { PK: 'MANDATORY' },

  // ---- reports (functions/src/reports): activity counters per month ----
  /**
   * GSI1 (sparse, completed learner-module items only): who completed a module (the PE-online
   * attendance export). Written and removed with the completion by learning/completion/store.ts.
   */
  completionByModule: (moduleId: string, userId: string) => ({ GSI1PK: `MODULE#${moduleId}#COMPLETIONS`, GSI1SK: userId }),
  /**
   * Activity counted per month (`yyyy-mm`, Europe/Amsterdam) and module or path: enrolments,
   * completions, evaluations and points, written in the same transaction as the event itself
   * (platform/store/activity-counters.ts). A month is one partition: the dashboard Queries one per month.
   */
  activityCounter: (month: string, targetType: 'module' | 'path', targetId: string) => ({ PK: `STATS#${month}`, SK: `${targetType === 'module' ? 'MODULE' : 'PATH'}#${targetId}` }),
  activityMonth: (month: string) => ({ PK: `STATS#${month}` }),

  // ---- consultation questions (functions/src/knowledge/questions) ----
  /** A question to an expert network, with its answer and the draft article it became (if any). */
  question: (questionId: string) => ({ PK: `QUESTION#${questionId}`, SK: 'META' }),
  /** GSI1: a network's questions by the moment they were asked (the network page, the activity view). */
  questionByNetwork: (networkId: string, askedAt: string, questionId: string) => ({ GSI1PK: `NETWORK#${networkId}#QUESTIONS`, GSI1SK: `${askedAt}#${questionId}` }),
  /** GSI2: the asker's own questions ("Mijn vragen"). */
  questionByAsker: (userId: string, askedAt: string, questionId: string) => ({ GSI2PK: `USER#${userId}#QUESTIONS`, GSI2SK: `${askedAt}#${questionId}` }),

  // ---- privacy (functions/src/privacy): audit log, erasures ----
  /**
   * The audit log, one partition per month (`yyyy-mm`, UTC), time-ordered: append-only (written
   * `attribute_not_exists`, never updated or deleted). People appear in it only as pseudonymous
   * references (`personRef`), never by id, name or e-mail (functions/docs/privacy.md).
   */
  auditEntry: (month: string, at: string, entryId: string) => ({ PK: `AUDIT#${month}`, SK: `${at}#${entryId}` }),
  auditMonth: (month: string) => ({ PK: `AUDIT#${month}` }),
  /** Which person a pseudonymous reference stands for, while they exist: deleted by their erasure. */
  personRef: (ref: string) => ({ PK: `PERSONREF#${ref}`, SK: 'PERSON' }),
  /** The key that makes pseudonymous references (HMAC), made once at random. */
  pseudonymKey: () => ({ PK: 'PRIVACY#KEY', SK: 'PSEUDONYM' }),
  /** An erasure request and how far it got, by the erased person's reference. GSI1: all erasures, newest first. */
  erasure: (ref: string) => ({ PK: `ERASURE#${ref}`, SK: 'ERASURE' }),
  erasureIndex: (requestedAt: string, ref: string) => ({ GSI1PK: 'ERASURES', GSI1SK: `${requestedAt}#${ref}` }),

  // ---- partners (functions/src/partners): partner organisations, their users, invitations ----
  /** GSI1: every partner organisation by name (the academy's list). The organisation itself is `organisation` above. */
  organisationIndex: (name: string, orgId: string) => ({ GSI1PK: 'ORGS', GSI1SK: `${name.toLocaleLowerCase('nl')}#${orgId}` }),
  /** A partner user of an organisation (active or removed: a removal is kept, and refused on every request). */
  partnerUser: (orgId: string, userId: string) => ({ PK: `ORG#${orgId}`, SK: `USER#${userId}` }),
  partnerUserPrefix: 'USER#',
  /** An invitation, by the SHA-256 of its token (the token itself is only in the link); expires through the table's TTL. */
  invitation: (tokenHash: string) => ({ PK: `INVITE#${tokenHash}`, SK: 'INVITE' }),
  /** GSI1: an organisation's invitations, newest first. */
  invitationByOrganisation: (orgId: string, createdAt: string, tokenHash: string) => ({ GSI1PK: `ORG#${orgId}#INVITES`, GSI1SK: `${createdAt}#${tokenHash}` }),

  /**
   * A user's request counter for one rate limit and one fixed window (platform/http/rate-limit.ts);
   * expires through the table's TTL shortly after its window ends.
   */
  rateLimit: (userId: string, limit: string, windowStart: number) => ({ PK: `RATE#${userId}`, SK: `${limit}#${windowStart}` }),

  /** Pointer to the current search index snapshot in S3 (its version orders concurrent publishes). */
  searchPointer: (name: string) => ({ PK: `SEARCH#${name}`, SK: 'POINTER' }),
};

/** Time-ordered ids (sortable as strings), so "newest first" is a key order, not a sort. */
export function timeId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
}
