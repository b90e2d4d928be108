import { z } from '@hono/zod-openapi';
import { say } from '../../platform/http/language';

/** Item identifiers from a manifest (XML IDs, plus what real exports put in them). */
export const ScoId = z.string().min(1).max(255).regex(/^[^\s/#?%\\]+$/, say('Ongeldig SCO-id', 'Invalid SCO id'));
export const AttemptId = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/);

export const LaunchRequestSchema = z
  .object({ scoId: ScoId.optional().openapi({ description: 'Het item waarmee de speler begint (anders het eerste, of waar de deelnemer was)' }) })
  .openapi('ScormLaunchRequest');

const Status = z.enum(['in-progress', 'completed', 'failed']);
const ScoreSchema = z.object({ raw: z.number().optional(), min: z.number().optional(), max: z.number().optional(), scaled: z.number().optional() });

export const AttemptOutcomeSchema = z
  .object({
    completion: z.enum(['completed', 'incomplete', 'not attempted', 'unknown']),
    success: z.enum(['passed', 'failed', 'unknown']),
    score: ScoreSchema.optional(),
    percent: z.number().optional(),
    timeSeconds: z.number(),
    done: z.boolean(),
    failed: z.boolean(),
  })
  .openapi('ScormAttemptOutcome');

export const LaunchResponseSchema = z
  .object({
    attemptId: z.string(),
    attemptNumber: z.number().int(),
    packageVersion: z.number().int(),
    scormVersion: z.enum(['1.2', '2004']),
    launchUrl: z.string().openapi({ description: '`{contentOrigin}/player/#launch={token}`: the launch token in the fragment, so it never reaches a log or a Referer' }),
    expiresAt: z.string().openapi({ description: 'Wanneer het launch-token verloopt (ISO 8601)' }),
    resumed: z.boolean().openapi({ description: 'Een lopende poging gaat verder (anders begint een nieuwe)' }),
  })
  .openapi('ScormLaunch');

export const AttemptSummarySchema = z
  .object({
    attemptId: z.string(),
    number: z.number().int(),
    moduleId: z.string(),
    packageVersion: z.number().int(),
    scormVersion: z.enum(['1.2', '2004']),
    status: Status,
    startedAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
    outcome: AttemptOutcomeSchema.optional(),
    selfReported: z.literal(true).openapi({ description: 'Scores, statussen en tijden komen van het pakket in de browser van de deelnemer' }),
  })
  .openapi('ScormAttemptSummary');

export const AttemptHistorySchema = z
  .object({ moduleId: z.string(), retakes: z.boolean(), attempts: z.array(AttemptSummarySchema) })
  .openapi('ScormAttemptHistory');

export const AttemptHistoryQuery = z.object({ moduleId: z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/) });

export const RuntimeSchema = z
  .object({
    attempt: z.object({
      id: z.string(),
      attemptId: z.string(),
      number: z.number().int(),
      moduleId: z.string(),
      packageVersion: z.number().int(),
      scormVersion: z.enum(['1.2', '2004']),
      status: Status,
      startedAt: z.string(),
      launch: z.number().int().openapi({ description: 'Which launch of the attempt this token is (a newer launch takes the attempt over)' }),
      learnerId: z.string(),
      learnerName: z.string(),
    }),
    package: z.object({
      baseUrl: z.string().openapi({ description: 'Where the package files are on the content origin: `/packages/{moduleId}/{importId}/`' }),
      title: z.string(),
      launchables: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'Items that launch something, in order (model.ts `Launchable`)' }),
      sequencing: z.unknown().optional().openapi({ description: "SCORM 2004: scorm-again's `settings.sequencing`" }),
      defaultScoId: z.string(),
    }),
    learner: z.object({ id: z.string(), name: z.string() }),
    state: z.record(z.string(), z.object({ cmi: z.record(z.string(), z.unknown()), entry: z.enum(['ab-initio', 'resume', '']) })).openapi({ description: "Per item: the JSON for scorm-again's `loadFromJSON(cmi)` before Initialize" }),
    storedSequence: z.number().int().openapi({ description: 'The highest commit sequence stored in this attempt: a player numbering its commits per attempt continues above it' }),
    storedSequences: z.record(z.string(), z.number().int()).openapi({ description: 'Per item: the sequence of the stored state' }),
    rollup: z.unknown().optional(),
    expiresAt: z.string(),
  })
  .openapi('ScormRuntime');

export const CommitResultSchema = z
  .object({
    result: z.literal(true),
    errorCode: z.literal(0),
    storedSequence: z.number().int().openapi({ description: 'The sequence whose state is stored for this SCO' }),
    applied: z.boolean().openapi({ description: 'false: a late, repeated or replayed commit (sequence ≤ stored); nothing changed' }),
    ignored: z.array(z.string()).openapi({ description: 'Values left out because they break a rule (e.g. a score out of range)' }),
    attempt: z.object({ status: Status, outcome: AttemptOutcomeSchema.optional() }),
  })
  .openapi('ScormCommitResult');

/**
 * A commit as scorm-again sends it (`includeCommitSequence: true`): `dataCommitFormat: 'json'`
 * (`{ cmi, adl?, commitSequence }`), `'flattened'` (`{ "cmi.…": …, commitSequence }`) or with
 * `renderCommonCommitFields` (`{ runtimeData: { cmi }, completionStatus, successStatus, …, commitSequence }`).
 * Checked further by the pure rules (domain/cmi.ts).
 */
export const CommitSchema = z
  .object({
    commitSequence: z.number().int().positive().max(1e12, say('Volgnummer te groot', 'Sequence too large')),
    cmi: z.record(z.string(), z.unknown()).optional(),
    runtimeData: z.record(z.string(), z.unknown()).optional(),
    completionStatus: z.string().max(40).optional(),
    successStatus: z.string().max(40).optional(),
    score: z.object({ scaled: z.number().optional() }).loose().optional(),
    /** Set by the player: the session (one SCO launch) this commit belongs to, for the time tally. */
    session: z.string().max(100).optional(),
  })
  .loose()
  .openapi('ScormCommit');
