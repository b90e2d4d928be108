/**
 * Files a learner hands in with an assignment or an external training's report, in the same three
 * steps as article attachments: a presigned POST bounded in size and type, a check of what arrived
 * (size and first bytes, never the declared type alone), then the file is the learner's. A file
 * is seen by its learner and the academy, assignment work also by trainers, and by nobody else.
 */
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import * as files from './store';
import { getLearnerModule, getModule } from '../shared/store';
import { learnerFileName, learnerFileTypes, matchesLearnerFile, maxFilesPerModule, maxFilesPerSubmission, maxLearnerFileBytes, type LearnerFileType } from '../domain/file-types';
import type { LearningCtx } from '../shared/context';
import { actorOf, authorize, can } from '../../policy';
import * as uploads from '../../platform/uploads/pipeline';

/** Kinds whose completion a learner supports with files. */
const kindsWithFiles = new Set(['assignment', 'external']);

export const learnerFileUrl = (f: { moduleId: string; userId: string; id: string; fileName: string }) => `/api/modules/${f.moduleId}/files/${f.userId}/${f.id}/${f.fileName}`;

/** What a submission or report carries of a file (no storage key). */
export type FileRef = files.LearnerFileRef;
const refOf = (f: files.LearnerFile): FileRef => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, bytes: f.bytes, url: learnerFileUrl(f) });

function signedIn(ctx: LearningCtx) {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om een bestand in te leveren', 'Sign in to hand in a file'));
  return ctx.principal;
}

async function moduleTakingFiles(ctx: LearningCtx, moduleId: string) {
  const m = await getModule(ctx.store, moduleId);
  if (!m) throw new Problem('notFound', text('Deze module bestaat niet', 'This module does not exist'));
  authorize(actorOf(ctx.principal), 'module', 'join', { status: m.status, enrolAudience: m.enrolAudience, kind: m.kind });
  if (!kindsWithFiles.has(m.kind)) throw new Problem('unprocessable', text('Bij deze module lever je geen bestanden in', 'This module takes no files'));
  return m;
}

const atCap = () =>
  new Problem(
    'conflict',
    text(
      `Je hebt al ${maxFilesPerModule} bestanden voor deze module; verwijder er eerst een die je niet inlevert`,
      `You already have ${maxFilesPerModule} files for this module; first delete one you are not handing in`,
    ),
  );

async function refuseAtCap(ctx: LearningCtx, userId: string, moduleId: string) {
  if ((await files.countLearnerFiles(ctx.store, userId, moduleId)) >= maxFilesPerModule) throw atCap();
}

export async function startUpload(ctx: LearningCtx, moduleId: string, input: { fileName: string; contentType: LearnerFileType; bytes: number }) {
  const p = signedIn(ctx);
  await moduleTakingFiles(ctx, moduleId);
  await refuseAtCap(ctx, p.id, moduleId);
  const uploadId = timeId();
  await files.putPendingLearnerUpload(ctx.store, {
    uploadId,
    purpose: 'learner-file',
    moduleId,
    userId: p.id,
    fileName: learnerFileName(input.fileName, input.contentType),
    contentType: input.contentType,
    declaredBytes: input.bytes,
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 24 * 3600,
  });
  return uploads.presignUpload(ctx.store, uploadId, input.contentType, maxLearnerFileBytes);
}

export async function completeUpload(ctx: LearningCtx, moduleId: string, uploadId: string): Promise<FileRef> {
  const p = signedIn(ctx);
  const pending = await files.getPendingLearnerUpload(ctx.store, uploadId);
  if (!pending || pending.moduleId !== moduleId || pending.userId !== p.id) throw new Problem('notFound', text('Onbekende of verlopen upload', 'Unknown or expired upload'));
  // Checked again here, before the claim: uploads started side by side must not pass the cap together,
  // so a place under the cap is taken atomically (and given back if the upload does not become a file).
  if (!(await files.takeFilePlace(ctx.store, p.id, moduleId, maxFilesPerModule, () => files.countLearnerFiles(ctx.store, p.id, moduleId)))) throw atCap();
  try {
    const { size, etag, claim } = await uploads.claimUpload(ctx.store, uploadId, {
      maxBytes: maxLearnerFileBytes,
      matches: (head) => matchesLearnerFile(pending.contentType, head),
      label: learnerFileTypes[pending.contentType].label,
    });
    const id = timeId();
    const file: files.LearnerFile = {
      id,
      moduleId,
      userId: p.id,
      fileName: pending.fileName,
      contentType: pending.contentType,
      bytes: size,
      objectKey: `learners/${p.id}/${moduleId}/${id}`,
      createdAt: new Date().toISOString(),
    };
    // The record is written with the end of the upload, under this request's claim: a copy or a
    // record write that fails releases the claim, so completing the same upload again works.
    await uploads.keepUpload(ctx.store, uploadId, file.objectKey, file.contentType, etag, claim, 'attachments', [files.learnerFilePart(file)]);
    return refOf(file);
  } catch (err) {
    await files.giveBackFilePlace(ctx.store, p.id, moduleId).catch(() => undefined);
    throw err;
  }
}

/** The files a learner names on a submission must be theirs, for this module, and checked. */
export async function resolveFiles(ctx: LearningCtx, userId: string, moduleId: string, ids: string[]): Promise<FileRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length > maxFilesPerSubmission) {
    const tooMany = text(`Maximaal ${maxFilesPerSubmission} bestanden`, `At most ${maxFilesPerSubmission} files`);
    throw new Problem('validation', tooMany, { errors: [{ path: 'files', message: tooMany }] });
  }
  const found = await Promise.all(unique.map((id) => files.getLearnerFile(ctx.store, userId, moduleId, id)));
  const missing = unique.filter((_, i) => !found[i]);
  if (missing.length > 0) throw new Problem('validation', text('Onbekend bestand', 'Unknown file'), { errors: [{ path: 'files', message: text(`Onbekend bestand: ${missing.join(', ')}`, `Unknown file: ${missing.join(', ')}`) }] });
  return found.map((f) => refOf(f!));
}

/**
 * Serving: the learner and the academy; trainers too for assignment work, which they review.
 * A certificate of an external training needs no trainer, so trainers do not see it. Anyone else
 * is told the file does not exist.
 */
export async function open(ctx: LearningCtx, moduleId: string, userId: string, fileId: string) {
  signedIn(ctx);
  const moduleKind = (await getModule(ctx.store, moduleId))?.kind ?? '';
  const mayRead = can(actorOf(ctx.principal), 'learnerWork', 'read', { learnerId: userId, moduleKind });
  const file = mayRead ? await files.getLearnerFile(ctx.store, userId, moduleId, fileId) : undefined;
  if (!file) throw new Problem('notFound', text('Bestand niet gevonden', 'File not found'));
  const object = await ctx.store.s3.send(new GetObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: file.objectKey }));
  return { file, body: object.Body!.transformToWebStream() };
}

/**
 * A learner deletes a file of their own that no hand-in or completion report names (a mistaken
 * upload): the record and the stored object go. A file the trainer is judging, or that proves a
 * completion, stays (409).
 */
export async function remove(ctx: LearningCtx, moduleId: string, fileId: string) {
  const p = signedIn(ctx);
  const [file, record] = await Promise.all([files.getLearnerFile(ctx.store, p.id, moduleId, fileId, { consistent: true }), getLearnerModule(ctx.store, p.id, moduleId, { consistent: true })]);
  if (!file) throw new Problem('notFound', text('Bestand niet gevonden', 'File not found'));
  const submission = record?.submission;
  const inHandIn = submission && submission.status !== 'returned' && submission.files?.some((f) => f.id === fileId);
  const asEvidence = record?.evidenceFiles?.some((f) => f.id === fileId);
  if (inHandIn || asEvidence) throw new Problem('conflict', inHandIn ? text('Dit bestand hoort bij je ingeleverde opdracht', 'This file belongs to your handed-in assignment') : text('Dit bestand is het bewijs van je afgeronde scholing', 'This file is the evidence of your completed training'));
  // Deleted only if the record still names files as just read: a hand-in at the same moment wins or loses as a whole.
  const outcome = await files.deleteLearnerFileUnlessNamed(ctx.store, file, { submission: submission && { submittedAt: submission.submittedAt, status: submission.status }, evidenceFiles: record?.evidenceFiles });
  if (outcome === 'changed') throw new Problem('conflict', text('Je inlevering is intussen gewijzigd; kijk of dit bestand er nog bij hoort en probeer het opnieuw', 'Your hand-in has been changed in the meantime; check whether this file still belongs to it and try again'));
  if (outcome === 'gone') throw new Problem('notFound', text('Bestand niet gevonden', 'File not found'));
  await files.giveBackFilePlace(ctx.store, p.id, moduleId);
  await ctx.store.s3.send(new DeleteObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: file.objectKey }));
  return { deleted: fileId };
}
